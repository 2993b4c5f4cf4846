/**
 * The token never appears in any span, nor in the error a call returns,
 * however they are serialised: a connection reset on 127.0.0.1 (the server
 * reads the request, then destroys the socket), a recording tracer that keeps
 * every span with its attributes, events and exit, and every span, exit and
 * error printed with `JSON.stringify`, `util.inspect` (depth Infinity) and
 * `String` outside any fiber (as an exporter does), along `cause` chains;
 * and the retry and rate-limit wait events, their `Debug` log lines and the
 * metrics' tags.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Metric from "effect/Metric"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import type * as http from "node:http"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as RateLimit from "../../packages/client/src/RateLimit.js"
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

/** Every call's exit, its cause, and each failure's cause chain, every serialisation. */
const dumpExits = (exits: ReadonlyArray<Exit.Exit<unknown, unknown>>): Array<readonly [string, string]> => {
  const texts: Array<readonly [string, string]> = []
  for (const exit of exits) {
    for (const form of RecordingTracer.serialise(exit)) texts.push(["call exit", form])
    if (Exit.isFailure(exit)) {
      for (const form of RecordingTracer.serialise(exit.cause)) texts.push(["call cause", form])
      if (exit.cause._tag === "Fail") {
        RecordingTracer.causeChain(exit.cause.error).forEach((c, i) => {
          for (const form of RecordingTracer.serialise(c)) texts.push([`error cause[${i}]`, form])
        })
      }
    } else {
      for (const form of RecordingTracer.serialise(exit.value)) texts.push(["call value", form])
    }
  }
  return texts
}

// One server for every outcome: a contact, a 404, a reset, a download, a download that stalls, silence.
const seen: Array<http.IncomingHttpHeaders> = []
const everything: Loopback.Handler = (request, response) => {
  const path = request.url ?? "/"
  seen.push(request.headers)
  request.resume()
  if (path.startsWith("/contacts/ok") || path === "/contacts") {
    response.writeHead(200, { "content-type": "application/json", "x-request-id": "r1" })
    response.end(JSON.stringify({ type: "contact", id: "ok" }))
  } else if (path.startsWith("/contacts/missing")) {
    response.writeHead(404, { "content-type": "application/json" })
    response.end(
      JSON.stringify({ type: "error.list", request_id: "r2", errors: [{ code: "not_found", message: "No" }] })
    )
  } else if (path.startsWith("/contacts/reset")) {
    request.socket.resetAndDestroy()
  } else if (path.startsWith("/download/content/data/ok")) {
    response.writeHead(200, { "content-type": "application/octet-stream" })
    response.end(Buffer.from("bytes"))
  } else if (path.startsWith("/download/content/data/stall")) {
    response.writeHead(200, { "content-type": "application/octet-stream" })
    response.write(Buffer.from("by")) // and nothing more
  } else if (path.startsWith("/download/content/data/cut")) {
    response.writeHead(200, { "content-type": "application/octet-stream" })
    response.write(Buffer.from("by"), () => request.socket.resetAndDestroy())
  } // else: silence
}

describe("faults: the token never leaks, whatever the outcome", () => {
  for (const [name, transport] of transports) {
    it.live(
      `${name}: success, 404, reset, time-out, downloads (whole, stalled, cut), with trace propagation and a transformClient: 0 occurrences`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.http(everything)
          const { spans, tracer } = RecordingTracer.make()
          const layer = Intercom.layer({
            token: Redacted.make(TOKEN),
            baseUrl: server.url,
            retry: false,
            timeout: "150 millis",
            idleTimeout: "150 millis",
            propagateTraces: true,
            // a transform that copies the request (a proxy header), before the platform's client sees it
            transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader("x-proxy", "p1"))
          }).pipe(Layer.provide(transport))
          const exits = yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            const download = (id: string) =>
              Effect.flatMap(intercom.dataExport.download({ job_identifier: id }), (s) => Stream.runCollect(s))
            return [
              yield* Effect.exit(intercom.contacts.find({ contact_id: "ok" })),
              yield* Effect.exit(intercom.contacts.find({ contact_id: "missing" })),
              yield* Effect.exit(intercom.contacts.find({ contact_id: "reset" })),
              yield* Effect.exit(intercom.contacts.find({ contact_id: "silent" })),
              yield* Effect.exit(
                intercom.contacts.create({ email: "a@example.com" }).pipe(IntercomClient.withResponse)
              ),
              yield* Effect.exit(download("ok")),
              yield* Effect.exit(download("stall")),
              yield* Effect.exit(download("cut")),
              yield* Effect.exit(intercom.contacts.find({ contact_id: ".." }))
            ] as ReadonlyArray<Exit.Exit<unknown, unknown>>
          }).pipe(Effect.provide(layer), Effect.withTracer(tracer))

          const tags = exits.map((e) =>
            Exit.isSuccess(e) ? "ok" : e.cause._tag === "Fail" ? (e.cause.error as any)._tag : e.cause._tag
          )
          assert.deepStrictEqual(tags, [
            "ok",
            "NotFoundError",
            "RequestError",
            "TimeoutError",
            "ok",
            "ok",
            "TimeoutError",
            "ResponseError",
            "InvalidInputError"
          ])
          // the transform and the trace context reached the server
          assert.isAtLeast(server.count(), 8)
          const http = spans.filter((s) => s.name.startsWith("http.client"))
          assert.isAtLeast(http.length, 8)
          assert.strictEqual(http[0].attributes.get("http.request.header.authorization"), "<redacted>")
          const received = seen[seen.length - 1]
          assert.strictEqual(received["x-proxy"], "p1")
          assert.strictEqual(received["authorization"], `Bearer ${TOKEN}`)
          assert.isString(received["traceparent"])

          const texts = [...RecordingTracer.dumpSpans(spans), ...dumpExits(exits)]
          assert.isTrue(texts.some(([, t]) => t.includes("intercom-version")), "the dumps show the request headers")
          const { count, where } = tokenCount(texts)
          assert.strictEqual(count, 0, `the token was found ${count} times: ${summary(where)}`)
        }).pipe(Effect.scoped),
      { timeout: 10_000 }
    )
  }

  it.live(
    "control: the platform's own HTTP span does hold the token (what the suite would catch)",
    () =>
      Effect.gen(function*() {
        const server = yield* Loopback.http(everything)
        const { spans, tracer } = RecordingTracer.make()
        // the platform client alone, with Intercom's header, as the client used it before its own span
        const exits = yield* Effect.gen(function*() {
          const client = yield* HttpClient.HttpClient
          const send = (path: string) =>
            Effect.exit(client.execute(
              HttpClientRequest.get(server.url + path).pipe(
                HttpClientRequest.setHeader("authorization", `Bearer ${TOKEN}`)
              )
            ))
          return [yield* send("/contacts/ok"), yield* send("/contacts/reset")]
        }).pipe(
          Effect.provide(NodeHttpClient.layerUndici),
          Effect.locally(Headers.currentRedactedNames, ["authorization"]),
          Effect.withTracer(tracer)
        )
        assert.deepStrictEqual(exits.map((e) => e._tag), ["Success", "Failure"])
        const texts = RecordingTracer.dumpSpans(spans)
        const { count } = tokenCount(texts)
        // success (the response holds the request) and failure (the error holds it), several serialisations each
        assert.isAbove(count, 0)
        assert.isTrue(texts.some(([label, t]) => label.includes("exit JSON.stringify") && t.includes(TOKEN)))
      }).pipe(Effect.scoped),
    { timeout: 5_000 }
  )
})

// Retries and waits: a 500, then a 429 that spends the window, then a success that spends it again.
let flaky = 0
const retriesAndWaits: Loopback.Handler = (request, response) => {
  request.resume()
  const reset = String(Math.ceil(Date.now() / 1000))
  const limits = { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }
  const n = flaky++ % 3
  if (n === 0) {
    response.writeHead(500, { "content-type": "application/json", "x-request-id": "r500" })
    response.end(JSON.stringify({ type: "error.list", request_id: "r500", errors: [{ code: "oops", message: "No" }] }))
  } else if (n === 1) {
    response.writeHead(429, { "content-type": "application/json", "x-request-id": "r429", ...limits })
    response.end(JSON.stringify({ type: "error.list", request_id: "r429", errors: [{ code: "slow", message: "No" }] }))
  } else {
    response.writeHead(200, { "content-type": "application/json", "x-request-id": "r200", ...limits })
    response.end(JSON.stringify({ type: "contact", id: "ok" }))
  }
}

describe("faults: the token never leaks from retries and waits", () => {
  for (const [name, transport] of transports) {
    it.live(
      `${name}: retry and wait events, their Debug log lines, the metrics' tags: 0 occurrences`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.http(retriesAndWaits)
          const { spans, tracer } = RecordingTracer.make()
          const lines: Array<unknown> = []
          const logger = Logger.make(({ annotations, logLevel, message }) => {
            lines.push({
              level: logLevel.label,
              message,
              annotations: Object.fromEntries(HashMap.toEntries(annotations))
            })
          })
          const layer = Intercom.layer({
            token: Redacted.make(TOKEN),
            baseUrl: server.url,
            retry: Retry.policy({ maxRetries: 3, baseDelay: "5 millis", maxDelay: "20 millis", jitter: 0 }),
            // waits capped short: the test is about what they record
            rateLimiter: RateLimit.adaptive({ margin: 0, maxWait: "20 millis" })
          }).pipe(Layer.provide(transport))
          const exits = yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            return [
              yield* Effect.exit(intercom.contacts.find({ contact_id: "flaky" })),
              yield* Effect.exit(intercom.contacts.find({ contact_id: "held" }))
            ] as ReadonlyArray<Exit.Exit<unknown, unknown>>
          }).pipe(
            Effect.provide(layer),
            Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
            Logger.withMinimumLogLevel(LogLevel.Debug),
            Effect.withTracer(tracer)
          )
          assert.deepStrictEqual(exits.map((e) => e._tag), ["Success", "Success"])

          const events = spans.flatMap((s) => s.events.map((e) => e.name))
          assert.include(events, "intercom.retry")
          assert.include(events, "intercom.rate_limit.wait")
          assert.isAtLeast(lines.length, 3)
          const texts = [...RecordingTracer.dumpSpans(spans), ...dumpExits(exits)]
          for (const line of lines) for (const form of RecordingTracer.serialise(line)) texts.push(["log line", form])
          for (const pair of yield* Metric.snapshot) {
            for (const form of RecordingTracer.serialise(pair.metricKey)) texts.push(["metric", form])
          }
          assert.isTrue(texts.some(([, t]) => t.includes("r429")), "the dumps show the request ids")
          const { count, where } = tokenCount(texts)
          assert.strictEqual(count, 0, `the token was found ${count} times: ${summary(where)}`)
        }).pipe(Effect.scoped),
      { timeout: 10_000 }
    )
  }
})
