/**
 * The decode policy of a call and the reports of the `lenient` one.
 *
 * `strict` fails a response that does not match its schema with a
 * `ResponseDecodeError`; `lenient` returns the parsed body as it is and
 * reports every mismatch: a warning log line and an event on the operation's
 * span, once per operation and JSON path (array indices left out) per layer,
 * so a bulk job never loses a page to a spec error and the logs do not fill
 * with the same finding.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as IntercomClient from "../IntercomClient.js"
import type * as IntercomError from "../IntercomError.js"
import type { Operation } from "../Operation.js"
import type { CallOptions } from "./callOptions.js"

/** @internal The API version the stable schemas were generated from. */
export const schemaVersion = "2.14"

/**
 * The policy of a call: the per-call one, else the layer's, else `strict`
 * when the call is made at the version the schemas describe and `lenient`
 * when another version is pinned (its payloads differ in ways no schema of
 * ours describes). Preview operations always send `Unstable`, and the
 * descriptors of a later version (2.15, 2.16) their own version, which their
 * schemas describe.
 *
 * @internal
 */
export const policyFor = (
  config: IntercomClient.ResolvedConfig,
  call: CallOptions,
  op: Operation<any, any, any>
): IntercomClient.DecodePolicy => {
  const chosen = call.decode ?? config.decode
  if (chosen !== undefined) return chosen
  if (op.api === "unstable") return "strict"
  // A later version's descriptor always sends its own version, which its schemas describe (`Operation.version`).
  if (op.version !== undefined) return "strict"
  return (call.version ?? config.version) === schemaVersion ? "strict" : "lenient"
}

/** The most (operation, path) pairs remembered per layer before the memory starts over. */
const MAX_REMEMBERED = 10_000

const reported = new WeakMap<IntercomClient.ResolvedConfig, Set<string>>()

const indices = /\[\d+\]/g

/**
 * Report the mismatches of a response decoded leniently, each (operation,
 * path) pair once per layer.
 *
 * @internal
 */
export const reportMismatches = (
  config: IntercomClient.ResolvedConfig,
  op: Operation<any, any, any>,
  status: number,
  mismatches: ReadonlyArray<IntercomError.Mismatch>
): Effect.Effect<void> => {
  let seen = reported.get(config)
  if (seen === undefined) {
    seen = new Set()
    reported.set(config, seen)
  }
  const fresh: Array<IntercomError.Mismatch> = []
  for (const mismatch of mismatches) {
    const key = `${op.name} ${mismatch.jsonPath.replace(indices, "[]")}`
    if (seen.has(key)) continue
    if (seen.size >= MAX_REMEMBERED) seen.clear()
    seen.add(key)
    fresh.push(mismatch)
  }
  if (fresh.length === 0) return Effect.void
  return Effect.flatMap(
    Effect.zip(Effect.option(Effect.currentSpan), Clock.currentTimeNanos),
    ([span, now]) =>
      Effect.forEach(fresh, (mismatch) => {
        const attributes = {
          "intercom.operation": op.name,
          "intercom.json_path": mismatch.jsonPath,
          "intercom.expected": mismatch.expected,
          "intercom.actual": mismatch.actual,
          "http.response.status_code": status
        }
        if (Option.isSome(span)) span.value.event("intercom.response.mismatch", now, attributes)
        return Effect.annotateLogs(
          Effect.logWarning(
            `${op.name} (${op.method} ${op.path}): the response does not match the schema at ${mismatch.jsonPath}: ${mismatch.message} (decoded leniently: the body is returned as sent)`
          ),
          attributes
        )
      }, { discard: true })
  )
}
