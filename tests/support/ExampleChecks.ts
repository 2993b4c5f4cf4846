/**
 * The check of a description's examples through its operations, shared by
 * `tests/spec/examples.test.ts` (2.14 and the Preview) and
 * `tests/spec/versions.test.ts` (2.15, 2.16):
 * - each response example decodes through its operation and status: 2xx
 *   examples succeed, unchanged but for the ids and counters the decode rules
 *   normalise; error examples fail with the typed error of their status,
 *   carrying Intercom's `errors[]`;
 * - each request example encodes to the same wire JSON, or is one of the
 *   `invalid` ones, rejected with `InvalidInputError` at its JSON path before
 *   anything is sent.
 */
import { assert } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as MockHttp from "./MockHttp.js"
import { runOnce } from "./Run.js"
import {
  differences,
  type Entry,
  isCoercedKey,
  requestExamples,
  responseExamples,
  sampleInput
} from "./SpecFixtures.js"

const ERROR_TAGS: Record<number, string> = {
  400: "BadRequestError",
  401: "UnauthorizedError",
  403: "ForbiddenError",
  404: "NotFoundError",
  409: "ConflictError",
  422: "UnprocessableEntityError",
  429: "RateLimitError"
}

export const expectedTag = (status: number, documented: ReadonlyArray<number>): string =>
  status >= 500
    ? "ServerError"
    : [401, 403, 409, 429].includes(status) || documented.includes(status)
    ? ERROR_TAGS[status] ?? "UnexpectedStatusError"
    : "UnexpectedStatusError"

export interface Counts {
  responses: number
  successes: number
  normalised: number
  errors: number
  requests: number
  rejected: number
}

export const makeCounts = (): Counts => ({
  responses: 0,
  successes: 0,
  normalised: 0,
  errors: 0,
  requests: 0,
  rejected: 0
})

export const describeCounts = (counts: Counts): string =>
  `${counts.responses} response examples (${counts.successes} 2xx decoded, ${counts.normalised} ids or counters normalised, ${counts.errors} errors mapped), ${counts.requests} request examples (${
    counts.requests - counts.rejected
  } encoded, ${counts.rejected} invalid ones rejected before sending)`

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E | undefined =>
  Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined

/** Whether the entry has any example. */
export const hasExamples = (entry: Entry): boolean =>
  responseExamples(entry).length > 0 || requestExamples(entry).length > 0

/**
 * Check every example of one operation. `invalid` maps `<sdkMethod>/<example>`
 * to the JSON path at which an invalid request example is rejected.
 */
export const checkExamples = (
  entry: Entry,
  counts: Counts,
  invalid: Readonly<Record<string, string>>
) =>
  Effect.gen(function*() {
    const op = entry.operation!
    const input = sampleInput(op)
    for (const { status, examples } of responseExamples(entry)) {
      for (const example of examples) {
        counts.responses++
        const { exit } = yield* runOnce(op, input, () =>
          typeof example.value === "string"
            ? new Response(example.value, { status, headers: { "content-type": "text/plain" } })
            : MockHttp.json(status, example.value))
        const label = `${entry.row.sdkMethod} ${status} "${example.name}"`
        if (status < 300) {
          if (Exit.isFailure(exit)) assert.fail(`${label}: ${Cause.pretty(exit.cause)}`)
          // Decoding loses nothing: unknown fields preserved, and the only changes are the decode rules'
          // (an id or a counter in another JSON type than declared, normalised to the declared one).
          if (op.response === "json") {
            const { coercions, others } = differences(example.value, exit.value)
            assert.deepStrictEqual(others, [], label)
            for (const c of coercions) assert.isTrue(isCoercedKey(c.key), `${label}: ${c.path} normalised`)
            counts.normalised += coercions.length
          }
          counts.successes++
        } else {
          const error = failureOf(exit) as any
          assert.isDefined(error, `${label}: expected a typed failure`)
          assert.strictEqual(error._tag, expectedTag(status, op.errors), label)
          assert.strictEqual(error.status, status, label)
          const body = example.value as any
          if (body?.type === "error.list" && Array.isArray(body.errors)) {
            assert.deepStrictEqual(
              error.errors.map((e: any) => e.code),
              body.errors.map((e: any) => e.code),
              label
            )
            if (body.request_id) assert.strictEqual(error.requestId, body.request_id, label)
          }
          counts.errors++
        }
      }
    }
    for (const example of requestExamples(entry)) {
      counts.requests++
      const params = Object.fromEntries(
        Object.entries(input).filter(([k]) => op.pathParams.includes(k) || op.queryParams.includes(k))
      )
      const withBody = op.body === "value"
        ? { ...params, body: example.value }
        : { ...params, ...(example.value as object) }
      const { exit, requests: sent } = yield* runOnce(op, withBody, () => MockHttp.json(200, {}))
      const label = `${entry.row.sdkMethod} request "${example.name}"`
      const error = failureOf(exit) as any
      const invalidAt = invalid[`${entry.row.sdkMethod}/${example.name}`]
      if (invalidAt !== undefined) {
        assert.strictEqual(error?._tag, "InvalidInputError", label)
        assert.strictEqual(error.jsonPath, invalidAt, label)
        assert.strictEqual(sent.length, 0, label)
        counts.rejected++
        continue
      }
      if (error?._tag === "InvalidInputError") assert.fail(`${label}: ${error.message}`)
      assert.strictEqual(sent.length, 1, label)
      // A key of the example that is also a path or query parameter travels there, not in the body
      // (notes.create's example repeats `contact_id` in the body; the body schema has no such field).
      const expected: Record<string, unknown> = { ...((example.value as object) ?? {}) }
      if (op.body === "fields") {
        for (const key of [...op.pathParams, ...op.queryParams]) {
          if (key in expected) {
            const where = op.pathParams.includes(key) ? sent[0].url.pathname : sent[0].url.search
            assert.include(decodeURIComponent(where), String(expected[key]), label)
            delete expected[key]
          }
        }
      }
      assert.deepStrictEqual(
        JSON.parse(sent[0].body ?? "null"),
        op.body === "value" ? example.value : expected,
        label
      )
    }
  })
