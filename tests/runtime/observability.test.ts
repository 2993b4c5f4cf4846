/**
 * What a call shows at the HTTP boundary (mock `HttpClient`, `TestClock`):
 * each retry and each wait for the rate-limit window as an event on the
 * operation's span and a `Debug` log line with the same annotations, the
 * operation span's last attributes (status, request id, attempts), the
 * metrics of `IntercomMetrics`, and never the token.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Metric from "effect/Metric"
import type * as MetricState from "effect/MetricState"
import * as TestClock from "effect/TestClock"
import type * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as IntercomMetrics from "../../packages/client/src/IntercomMetrics.js"
import * as Operation from "../../packages/client/src/Operation.js"
import * as RateLimit from "../../packages/client/src/RateLimit.js"
import * as Retry from "../../packages/client/src/Retry.js"
import * as RecordingTracer from "../support/RecordingTracer.js"
import { findContact, json, mock, TOKEN } from "./_mock.js"

const exact = Retry.policy({ jitter: 0, rateLimitJitter: 0, baseDelay: "100 millis" })

const contact = (headers: Record<string, string> = {}) =>
  json({ type: "contact", id: "c1" }, { headers: { "x-request-id": "req-ok", ...headers } })

const serverError = () =>
  json({ type: "error.list", request_id: "req-500", errors: [{ code: "server_error", message: "Oops" }] }, {
    status: 500
  })

/** Answers with `answers` in turn, then the contact forever. */
const sequence = (...answers: Array<() => Response>) => {
  let i = 0
  return () => (i < answers.length ? answers[i++]() : contact())
}

const setup = (respond: () => Response, options: Partial<IntercomClient.Options> = {}) => {
  const http = mock(respond)
  return { requests: http.requests, layer: http.layer({ retry: exact, rateLimiter: false, ...options }) }
}

const find = (contactId = "c1") => Operation.execute(findContact, { contact_id: contactId })

interface LogLine {
  readonly level: string
  readonly message: string
  readonly annotations: Record<string, unknown>
}

/** A logger that keeps every line it is given, and the layer that installs it at `Debug`. */
const collectLogs = () => {
  const lines: Array<LogLine> = []
  const logger = Logger.make(({ annotations, logLevel, message }) => {
    lines.push({
      level: logLevel.label,
      message: Array.isArray(message) ? message.map(String).join(" ") : String(message),
      annotations: Object.fromEntries(HashMap.toEntries(annotations))
    })
  })
  const layer = Layer.merge(Logger.replace(Logger.defaultLogger, logger), Logger.minimumLogLevel(LogLevel.Debug))
  return { lines, layer }
}

const operationSpan = (spans: ReadonlyArray<RecordingTracer.RecordedSpan>, name = "Intercom.contacts.find") => {
  const found = spans.filter((s) => s.name === name)
  assert.strictEqual(found.length, 1, `one ${name} span`)
  return found[0]
}

const ours = (span: RecordingTracer.RecordedSpan) =>
  span.events.filter((e) => e.name === "intercom.retry" || e.name === "intercom.rate_limit.wait")

const counter = (metric: Metric.Metric.Counter<number>, tags: Record<string, string>) =>
  Effect.map(
    Metric.value(Object.entries(tags).reduce((m, [k, v]) => Metric.tagged(m, k, v), metric)),
    (state) => state.count
  )

const histogram = (metric: Metric.Metric.Histogram<number>, tags: Record<string, string>) =>
  Metric.value(Object.entries(tags).reduce((m, [k, v]) => Metric.tagged(m, k, v), metric)) as Effect.Effect<
    MetricState.MetricState.Histogram
  >

describe("observability: retries", () => {
  it.effect("500 then 200: one retry event (attempt, status, delay, request id), the span's last attributes", () =>
    Effect.gen(function*() {
      const { layer, requests } = setup(sequence(serverError))
      const { spans, tracer } = RecordingTracer.make()
      const fiber = yield* Effect.fork(find().pipe(Effect.provide(layer), Effect.withTracer(tracer)))
      yield* TestClock.adjust("99 millis")
      assert.strictEqual(requests.length, 1, "the retry waits its back-off")
      yield* TestClock.adjust("1 millis")
      const found = yield* Fiber.join(fiber)
      assert.strictEqual(found.id, "c1")
      assert.strictEqual(requests.length, 2)

      const span = operationSpan(spans)
      assert.deepStrictEqual(ours(span), [{
        name: "intercom.retry",
        attributes: {
          "intercom.operation": "contacts.find",
          "intercom.attempt": 1,
          "intercom.delay_ms": 100,
          "error.type": "ServerError",
          "http.response.status_code": 500,
          "intercom.request_id": "req-500"
        }
      }])
      assert.strictEqual(span.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(span.attributes.get("intercom.request_id"), "req-ok")
      assert.strictEqual(span.attributes.get("intercom.attempts"), 2)
      // the events are on the operation's span, not on the HTTP spans of the attempts
      const http = spans.filter((s) => s.name === "http.client GET")
      assert.strictEqual(http.length, 2)
      for (const s of http) assert.deepStrictEqual(s.events, [])
    }))

  it.effect("a call that fails for good: the span says the last status, request id and attempts", () =>
    Effect.gen(function*() {
      const { layer } = setup(serverError, {
        retry: Retry.policy({ maxRetries: 2, jitter: 0, baseDelay: "10 millis" })
      })
      const { spans, tracer } = RecordingTracer.make()
      const fiber = yield* Effect.fork(Effect.flip(find().pipe(Effect.provide(layer), Effect.withTracer(tracer))))
      yield* TestClock.adjust("10 millis")
      yield* TestClock.adjust("20 millis")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ServerError")
      assert.strictEqual((error as { attempts?: number }).attempts, 3)
      const span = operationSpan(spans)
      assert.deepStrictEqual(
        ours(span).map((e) => [e.attributes?.["intercom.attempt"], e.attributes?.["intercom.delay_ms"]]),
        [[1, 10], [2, 20]]
      )
      assert.strictEqual(span.attributes.get("http.response.status_code"), 500)
      assert.strictEqual(span.attributes.get("intercom.request_id"), "req-500")
      assert.strictEqual(span.attributes.get("intercom.attempts"), 3)
    }))

  it.effect("a call that succeeds at once: no event; attempts 1, status and request id on its span", () =>
    Effect.gen(function*() {
      const { layer } = setup(() => contact())
      const { spans, tracer } = RecordingTracer.make()
      yield* find().pipe(Effect.provide(layer), Effect.withTracer(tracer))
      const span = operationSpan(spans)
      assert.deepStrictEqual(span.events, [])
      assert.strictEqual(span.attributes.get("intercom.attempts"), 1)
      assert.strictEqual(span.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(span.attributes.get("intercom.request_id"), "req-ok")
    }))
})

describe("observability: rate-limit waits", () => {
  it.effect("a 429 with X-RateLimit-Reset (TestClock): the retry waits until the reset, the limiter holds what follows", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const limited = () =>
        json(
          { type: "error.list", request_id: "req-429", errors: [{ code: "rate_limit_exceeded", message: "Slow" }] },
          {
            status: 429,
            headers: {
              "x-request-id": "req-429",
              "x-ratelimit-limit": "100",
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": "1700000010"
            }
          }
        )
      // after the 429, a success that spends the next window (reset at t + 20 s)
      const spent = () =>
        contact({
          "x-request-id": "req-spent",
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "1700000020"
        })
      const { layer, requests } = setup(sequence(limited, spent), { rateLimiter: RateLimit.adaptive() })
      const { spans, tracer } = RecordingTracer.make()
      const before = {
        limited: yield* counter(IntercomMetrics.rateLimited, { operation: "contacts.find" }),
        retries: yield* counter(IntercomMetrics.retries, { operation: "contacts.find", reason: "RateLimitError" }),
        waits: (yield* histogram(IntercomMetrics.rateLimitWait, { operation: "contacts.find", reason: "window_spent" }))
      }

      const fiber = yield* Effect.fork(
        Effect.zip(find(), find("c2")).pipe(Effect.provide(layer), Effect.withTracer(tracer))
      )
      yield* TestClock.adjust("10 seconds") // the 429's reset: the retry is sent ...
      assert.strictEqual(requests.length, 1)
      yield* TestClock.adjust("50 millis") // ... once the limiter's margin after the reset is over
      assert.strictEqual(requests.length, 2)
      yield* TestClock.adjust("9999 millis") // the second call is held until the next reset (+ margin)
      assert.strictEqual(requests.length, 2)
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(requests.length, 3)

      const [first, second] = spans.filter((s) => s.name === "Intercom.contacts.find")
      assert.deepStrictEqual(ours(first), [
        {
          name: "intercom.retry",
          attributes: {
            "intercom.operation": "contacts.find",
            "intercom.attempt": 1,
            "intercom.delay_ms": 10_000,
            "error.type": "RateLimitError",
            "http.response.status_code": 429,
            "intercom.request_id": "req-429"
          }
        },
        {
          // the retried attempt (2) is held for the margin the limiter adds to the reset the 429 told it
          name: "intercom.rate_limit.wait",
          attributes: {
            "intercom.operation": "contacts.find",
            "intercom.attempt": 2,
            "intercom.delay_ms": 50,
            "intercom.rate_limit.reason": "window_spent",
            "intercom.request_id": "req-429"
          }
        }
      ])
      assert.deepStrictEqual(ours(second), [{
        name: "intercom.rate_limit.wait",
        attributes: {
          "intercom.operation": "contacts.find",
          "intercom.attempt": 1,
          "intercom.delay_ms": 10_000,
          "intercom.rate_limit.reason": "window_spent",
          "intercom.request_id": "req-spent"
        }
      }])
      assert.strictEqual(first.attributes.get("intercom.attempts"), 2)

      assert.strictEqual(
        (yield* counter(IntercomMetrics.rateLimited, { operation: "contacts.find" })) - before.limited,
        1
      )
      assert.strictEqual(
        (yield* counter(IntercomMetrics.retries, { operation: "contacts.find", reason: "RateLimitError" })) -
          before.retries,
        1
      )
      const waits = yield* histogram(IntercomMetrics.rateLimitWait, {
        operation: "contacts.find",
        reason: "window_spent"
      })
      assert.strictEqual(waits.count - before.waits.count, 2)
      assert.strictEqual(waits.sum - before.waits.sum, 10_050)
    }))

  it.effect("with no tracer installed, waits and retries make no events but are measured and logged", () =>
    Effect.gen(function*() {
      const { layer } = setup(sequence(serverError))
      const logs = collectLogs()
      const before = yield* counter(IntercomMetrics.retries, { operation: "contacts.find", reason: "ServerError" })
      const fiber = yield* Effect.fork(find().pipe(Effect.provide(layer), Effect.provide(logs.layer)))
      yield* TestClock.adjust("100 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(
        (yield* counter(IntercomMetrics.retries, { operation: "contacts.find", reason: "ServerError" })) - before,
        1
      )
      assert.deepStrictEqual(logs.lines.map((l) => [l.level, l.message]), [[
        "DEBUG",
        "Intercom contacts.find: attempt 1 failed (ServerError 500, request req-500); retrying in 100 ms"
      ]])
    }))
})

describe("observability: a RateLimiter of the user's own", () => {
  it.effect("RateLimit.reportWait: its waits are measured, traced and logged as the built-in limiters' are", () =>
    Effect.gen(function*() {
      const held: RateLimit.RateLimiter = {
        acquire: (operation) =>
          Effect.zipRight(RateLimit.reportWait(operation, "250 millis", "one_at_a_time"), Effect.sleep("250 millis")),
        release: () => Effect.void
      }
      const { layer, requests } = setup(sequence(), { rateLimiter: held })
      const { spans, tracer } = RecordingTracer.make()
      const logs = collectLogs()
      const tags = { operation: "contacts.find", reason: "one_at_a_time" }
      const before = yield* histogram(IntercomMetrics.rateLimitWait, tags)
      const fiber = yield* Effect.fork(
        find().pipe(Effect.provide(layer), Effect.provide(logs.layer), Effect.withTracer(tracer))
      )
      yield* TestClock.adjust("249 millis")
      assert.strictEqual(requests.length, 0, "held by the limiter")
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(requests.length, 1)

      const attributes = {
        "intercom.operation": "contacts.find",
        "intercom.attempt": 1,
        "intercom.delay_ms": 250,
        "intercom.rate_limit.reason": "one_at_a_time"
      }
      assert.deepStrictEqual(ours(operationSpan(spans)), [{ name: "intercom.rate_limit.wait", attributes }])
      assert.deepStrictEqual(logs.lines.map((l) => [l.level, l.message, l.annotations]), [[
        "DEBUG",
        "Intercom contacts.find: attempt 1 waits 250 ms for the rate-limit window (one_at_a_time)",
        attributes
      ]])
      const after = yield* histogram(IntercomMetrics.rateLimitWait, tags)
      assert.strictEqual(after.count - before.count, 1)
      assert.strictEqual(after.sum - before.sum, 250)
      // the reason defaults to `custom`
      const custom = yield* histogram(IntercomMetrics.rateLimitWait, { operation: "contacts.find", reason: "custom" })
      yield* RateLimit.reportWait(findContact, "5 millis")
      assert.strictEqual(
        (yield* histogram(IntercomMetrics.rateLimitWait, { operation: "contacts.find", reason: "custom" })).count -
          custom.count,
        1
      )
    }))
})

describe("observability: log lines", () => {
  it.effect("at Debug, each retry and wait is a log line annotated like its event", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const spent = () =>
        contact({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000002" })
      const { layer } = setup(sequence(serverError, spent), { rateLimiter: RateLimit.adaptive({ margin: 0 }) })
      const { spans, tracer } = RecordingTracer.make()
      const logs = collectLogs()
      const fiber = yield* Effect.fork(
        Effect.zip(find(), find("c2")).pipe(
          Effect.provide(layer),
          Effect.provide(logs.layer),
          Effect.withTracer(tracer)
        )
      )
      yield* TestClock.adjust("100 millis")
      yield* TestClock.adjust("2 seconds")
      yield* Fiber.join(fiber)

      const events = spans.filter((s) => s.name === "Intercom.contacts.find").flatMap(ours)
      assert.deepStrictEqual(events.map((e) => e.name), ["intercom.retry", "intercom.rate_limit.wait"])
      assert.deepStrictEqual(logs.lines.map((l) => l.message), [
        "Intercom contacts.find: attempt 1 failed (ServerError 500, request req-500); retrying in 100 ms",
        "Intercom contacts.find: attempt 1 waits 1900 ms for the rate-limit window (window_spent)"
      ])
      for (const [i, line] of logs.lines.entries()) {
        assert.strictEqual(line.level, "DEBUG")
        assert.deepStrictEqual(line.annotations, events[i].attributes)
      }
      // Effect's tracer logger puts the log lines on the span too (as events named by their message)
      const first = spans.find((s) => s.name === "Intercom.contacts.find")!
      assert.isTrue(first.events.some((e) => e.name.startsWith("Intercom contacts.find: attempt 1 failed")))
    }))

  it.effect("at the default level (Info), no line", () =>
    Effect.gen(function*() {
      const { layer } = setup(sequence(serverError))
      const lines: Array<unknown> = []
      const logger = Logger.make(({ message }) => void lines.push(message))
      const fiber = yield* Effect.fork(
        find().pipe(Effect.provide(layer), Effect.provide(Logger.replace(Logger.defaultLogger, logger)))
      )
      yield* TestClock.adjust("100 millis")
      yield* Fiber.join(fiber)
      assert.deepStrictEqual(lines, [])
    }))
})

describe("observability: metrics", () => {
  it.effect("requests by operation and outcome, latency by operation, after N calls", () =>
    Effect.gen(function*() {
      // every answer takes 20 ms of the test's clock
      let i = 0
      const http = mock(() =>
        Effect.as(
          Effect.sleep("20 millis"),
          ++i % 4 === 0
            ? json({ type: "error.list", errors: [{ code: "not_found", message: "No" }] }, { status: 404 })
            : contact()
        )
      )
      const layer = http.layer({ rateLimiter: false })
      const tags = { operation: "contacts.find" }
      const before = {
        success: yield* counter(IntercomMetrics.requests, { ...tags, outcome: "success" }),
        notFound: yield* counter(IntercomMetrics.requests, { ...tags, outcome: "NotFoundError" }),
        invalid: yield* counter(IntercomMetrics.requests, { ...tags, outcome: "InvalidInputError" }),
        duration: yield* histogram(IntercomMetrics.duration, tags)
      }
      const fiber = yield* Effect.fork(
        Effect.forEach([1, 2, 3, 4, 5, 6, 7, 8], () => Effect.exit(find())).pipe(Effect.provide(layer))
      )
      for (let n = 0; n < 8; n++) yield* TestClock.adjust("20 millis")
      const exits = yield* Fiber.join(fiber)
      assert.deepStrictEqual(exits.map((e) => e._tag), [
        "Success",
        "Success",
        "Success",
        "Failure",
        "Success",
        "Success",
        "Success",
        "Failure"
      ])
      // an input that fails before anything is sent is counted too (with no duration)
      yield* Effect.exit(find("..").pipe(Effect.provide(layer)))

      assert.strictEqual(
        (yield* counter(IntercomMetrics.requests, { ...tags, outcome: "success" })) - before.success,
        6
      )
      assert.strictEqual(
        (yield* counter(IntercomMetrics.requests, { ...tags, outcome: "NotFoundError" })) - before.notFound,
        2
      )
      assert.strictEqual(
        (yield* counter(IntercomMetrics.requests, { ...tags, outcome: "InvalidInputError" })) - before.invalid,
        1
      )
      const duration = yield* histogram(IntercomMetrics.duration, tags)
      assert.strictEqual(duration.count - before.duration.count, 8)
      assert.strictEqual(duration.sum - before.duration.sum, 8 * 20)
      // the bucket of 25 ms holds them, the one of 10 ms does not
      const bucket = (le: number) => duration.buckets.find(([b]) => b === le)![1]
      const bucketBefore = (le: number) => before.duration.buckets.find(([b]) => b === le)?.[1] ?? 0
      assert.strictEqual(bucket(25) - bucketBefore(25), 8)
      assert.strictEqual(bucket(10) - bucketBefore(10), 0)
    }))

  it.effect("the fiber's metric tags are added (Effect.tagMetrics), after the client's", () =>
    Effect.gen(function*() {
      const { layer } = setup(() => contact())
      yield* find().pipe(Effect.provide(layer), Effect.tagMetrics("tenant", "acme"))
      yield* find().pipe(Effect.provide(layer), Effect.tagMetrics("tenant", "acme"))
      const count = yield* Metric.value(
        IntercomMetrics.requests.pipe(
          Metric.tagged("operation", "contacts.find"),
          Metric.tagged("outcome", "success"),
          Metric.tagged("tenant", "acme")
        )
      )
      assert.strictEqual(count.count, 2)
    }))

  it.effect("the metrics are in the snapshot with their names and tags", () =>
    Effect.gen(function*() {
      const { layer } = setup(() => contact())
      yield* find().pipe(Effect.provide(layer))
      const snapshot = yield* Metric.snapshot
      const names = new Set(snapshot.map((pair) => pair.metricKey.name))
      for (const name of ["intercom.requests", "intercom.request.duration_ms"]) assert.isTrue(names.has(name), name)
      const requests = snapshot.find((pair) =>
        pair.metricKey.name === "intercom.requests" &&
        pair.metricKey.tags.some((t) => t.key === "outcome" && t.value === "success")
      )
      assert.deepStrictEqual(requests?.metricKey.tags.map((t) => t.key), ["operation", "outcome"])
    }))
})

describe("observability: no secret", () => {
  it.effect("the token is in no event, span attribute, log line or metric tag", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const limited = () =>
        json(
          { type: "error.list", request_id: "req-429", errors: [{ code: "rate_limit_exceeded", message: "Slow" }] },
          {
            status: 429,
            headers: { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000001" }
          }
        )
      const { layer, requests } = setup(sequence(serverError, limited), { rateLimiter: RateLimit.adaptive() })
      const { spans, tracer } = RecordingTracer.make()
      const logs = collectLogs()
      const fiber = yield* Effect.fork(
        find().pipe(Effect.provide(layer), Effect.provide(logs.layer), Effect.withTracer(tracer))
      )
      for (let n = 0; n < 5; n++) yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      // the token was sent ...
      assert.strictEqual(requests[0].headers["authorization"], `Bearer ${TOKEN}`)
      assert.isAtLeast(logs.lines.length, 3)
      // ... and is nowhere in what was recorded
      const texts = RecordingTracer.dumpSpans(spans)
      for (const line of logs.lines) for (const form of RecordingTracer.serialise(line)) texts.push(["log", form])
      for (const pair of yield* Metric.snapshot) {
        for (const form of RecordingTracer.serialise(pair.metricKey)) texts.push(["metric", form])
      }
      assert.isTrue(texts.some(([, t]) => t.includes("intercom.rate_limit.wait")))
      for (const needle of [TOKEN, Buffer.from(TOKEN).toString("base64")]) {
        const { count, where } = RecordingTracer.occurrences(texts, needle)
        assert.strictEqual(count, 0, where.join("; "))
      }
    }))
})
