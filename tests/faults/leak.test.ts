/**
 * The token never appears in any span, nor in the error a call returns,
 * however they are serialised: a connection reset on 127.0.0.1 (the server
 * reads the request, then destroys the socket), a recording tracer that keeps
 * every span with its attributes, events and exit, and every span, exit and
 * error printed with `JSON.stringify`, `util.inspect` (depth Infinity) and
 * `String` outside any fiber (as an exporter does), along `cause` chains.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as Retry from "../../packages/client/src/Retry.js"
import * as Loopback from "../support/Loopback.js"
import * as RecordingTracer from "../support/RecordingTracer.js"

const TOKEN = "tok_fault_leak_7f3c9e21d4"
const needles = [TOKEN, Buffer.from(TOKEN).toString("base64"), `Bearer ${TOKEN}`]

const transports: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["undici", NodeHttpClient.layerUndici],
  ["fetch", FetchHttpClient.layer]
]

const tokenCount = (texts: ReadonlyArray<readonly [string, string]>) => {
  let count = 0
  const where: Array<string> = []
  for (const needle of needles) {
    const found = RecordingTracer.occurrences(texts, needle)
    count += found.count
    for (const w of found.where) where.push(w)
  }
  return { count, where }
}

/** "http.client GET exit String (1)" × n → "exit String: n" */
const summary = (where: ReadonlyArray<string>): string => {
  const byForm = new Map<string, number>()
  for (const w of where) {
    const m = /^(.*) \((\d+)\)$/.exec(w)
    const label = (m?.[1] ?? w).replace(/^http\.client \w+ |^Intercom\.\S+ /, "")
    byForm.set(label, (byForm.get(label) ?? 0) + Number(m?.[2] ?? 1))
  }
  return [...byForm].map(([k, v]) => `${k}: ${v}`).join("; ")
}

describe("faults: the token never leaks", () => {
  for (const [name, transport] of transports) {
    it.live(
      `${name}: connection reset, every span and the error, every serialisation: 0 occurrences`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.reset
          const { spans, tracer } = RecordingTracer.make()
          const layer = Intercom.layer({
            token: Redacted.make(TOKEN),
            baseUrl: server.url,
            retry: Retry.policy({ maxRetries: 2, baseDelay: "5 millis", jitter: 0 })
          }).pipe(Layer.provide(transport))
          const [find, create] = yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            const find = yield* Effect.exit(intercom.contacts.find({ contact_id: "c1" }))
            const create = yield* Effect.exit(intercom.contacts.create({ email: "a@example.com" }))
            return [find, create] as const
          }).pipe(Effect.provide(layer), Effect.withTracer(tracer))

          assert(Exit.isFailure(find) && Exit.isFailure(create))
          // 3 attempts of the GET (idempotent, mid-exchange failure), 1 of the POST
          assert.isAtLeast(server.count(), 4)
          assert.isAtLeast(spans.length, 6, "operation spans and HTTP spans")
          assert.isTrue(spans.some((s) => s.exit !== undefined && Exit.isFailure(s.exit) && s.parentId !== undefined))

          const texts = RecordingTracer.dumpSpans(spans)
          for (const exit of [find, create] as ReadonlyArray<Exit.Exit<unknown, unknown>>) {
            for (const form of RecordingTracer.serialise(exit)) texts.push(["call exit", form])
            const error = Exit.isFailure(exit) ? exit.cause : undefined
            for (const form of RecordingTracer.serialise(error)) texts.push(["call cause", form])
            const failure = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
            assert.isDefined(failure)
            assert.strictEqual((failure as { _tag: string })._tag, "RequestError")
            RecordingTracer.causeChain(failure).forEach((c, i) => {
              for (const form of RecordingTracer.serialise(c)) texts.push([`error cause[${i}]`, form])
            })
          }
          // the dumps do show the requests, so they would show the header
          assert.isTrue(texts.some(([, t]) => t.includes("/contacts/c1")))
          const { count, where } = tokenCount(texts)
          assert.strictEqual(count, 0, `the token was found ${count} times: ${summary(where)}`)
        }).pipe(Effect.scoped),
      { timeout: 10_000 }
    )
  }
})
