/**
 * The retry policy and the rate limiter, with TestClock: exact waits for given
 * headers, back-off, idempotency rules, attempts on the final error, per-call
 * and per-layer replacement.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { findOperation } from "../../packages/client/src/generated/stable/Contacts.js"
import * as Intercom from "../../packages/client/src/Intercom.js"
import type * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as RateLimit from "../../packages/client/src/RateLimit.js"
import * as Retry from "../../packages/client/src/Retry.js"
import * as MockHttp from "../support/MockHttp.js"

const exact = Retry.policy({ jitter: 0, rateLimitJitter: 0 })

const rateLimited = (reset: number, extra: Record<string, string> = {}) =>
  MockHttp.json(429, {
    type: "error.list",
    request_id: "r429",
    errors: [{ code: "rate_limit_exceeded", message: "Too many" }]
  }, {
    "x-ratelimit-limit": "100",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(reset),
    ...extra
  })

const serverError = () =>
  MockHttp.json(500, { type: "error.list", errors: [{ code: "server_error", message: "Oops" }] })

const setup = (respond: MockHttp.Responder, options: Partial<IntercomClient.Options> = {}) => {
  const mock = MockHttp.make(respond)
  const layer = Intercom.layer({ token: Redacted.make("t"), retry: exact, ...options }).pipe(Layer.provide(mock.layer))
  return { mock, layer }
}

/** Answers with `answers` in turn, then 200 `{}` forever. */
const sequence = (...answers: Array<() => Response>): MockHttp.Responder => {
  let i = 0
  return () => (i < answers.length ? answers[i++]() : MockHttp.json(200, { type: "contact", id: "c1" }))
}

const attempt = (error: unknown, attemptNumber = 1): Retry.Attempt => ({
  error: error as Retry.Attempt["error"],
  operation: findOperation,
  attempt: attemptNumber
})

describe("Retry.delay", () => {
  it.effect("a 429 waits exactly until X-RateLimit-Reset", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const error = { _tag: "RateLimitError", rateLimit: { limit: 100, remaining: 0, reset: 1_700_000_007 } }
      const wait = yield* Retry.delay(attempt(error), { rateLimitJitter: 0 })
      assert.strictEqual(Duration.toMillis(wait), 7000)
    }))

  it.effect("Retry-After wins over the reset; waits are capped by maxDelay", () =>
    Effect.gen(function*() {
      const error = { _tag: "RateLimitError", retryAfter: 3, rateLimit: { limit: 100, remaining: 0, reset: 99_999 } }
      assert.strictEqual(Duration.toMillis(yield* Retry.delay(attempt(error), { rateLimitJitter: 0 })), 3000)
      const far = { _tag: "RateLimitError", rateLimit: { limit: 100, remaining: 0, reset: 10_000 } }
      assert.strictEqual(
        Duration.toMillis(yield* Retry.delay(attempt(far), { rateLimitJitter: 0, maxDelay: "30 seconds" })),
        30_000
      )
    }))

  it.effect("rate-limit jitter stays within its bound", () =>
    Effect.gen(function*() {
      const error = { _tag: "RateLimitError", rateLimit: { limit: 100, remaining: 0, reset: 5 } }
      for (let i = 0; i < 20; i++) {
        const wait = Duration.toMillis(yield* Retry.delay(attempt(error), { rateLimitJitter: "1 second" }))
        assert.isAtLeast(wait, 5000)
        assert.isBelow(wait, 6000)
      }
    }))

  it.effect("5xx back off exponentially from baseDelay, capped", () =>
    Effect.gen(function*() {
      const waits: Array<number> = []
      for (let n = 1; n <= 6; n++) {
        waits.push(
          Duration.toMillis(
            yield* Retry.delay(attempt({ _tag: "ServerError" }, n), { jitter: 0, maxDelay: "10 seconds" })
          )
        )
      }
      assert.deepStrictEqual(waits, [500, 1000, 2000, 4000, 8000, 10_000])
      const jittered = Duration.toMillis(yield* Retry.delay(attempt({ _tag: "ServerError" }, 3), { jitter: 0.2 }))
      assert.isAtLeast(jittered, 1600)
      assert.isAtMost(jittered, 2400)
    }))
})

describe("retries", () => {
  it.effect("a 429 is retried after the reset, then succeeds", () => {
    const { mock, layer } = setup(sequence(() => rateLimited(2)))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* Effect.fork(intercom.contacts.find({ contact_id: "c1" }))
      yield* TestClock.adjust("1999 millis")
      assert.strictEqual(mock.requests.length, 1)
      yield* TestClock.adjust("1 millis") // the policy's wait ends at the reset ...
      assert.strictEqual(
        mock.requests.length,
        1,
        "... and the limiter holds it 50 ms more (the reset has a 1 s resolution)"
      )
      yield* TestClock.adjust("50 millis")
      const contact = yield* Fiber.join(fiber)
      assert.strictEqual(contact.id, "c1")
      assert.strictEqual(mock.requests.length, 2)
    }).pipe(Effect.provide(layer))
  })

  it.effect("when retries run out, the error carries the attempts and the last rate-limit headers", () => {
    const { mock, layer } = setup(() => rateLimited(1), {
      retry: Retry.policy({ maxRetries: 2, jitter: 0, rateLimitJitter: 0 })
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* Effect.fork(Effect.flip(intercom.contacts.find({ contact_id: "c1" })))
      yield* TestClock.adjust("10 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "RateLimitError")
      if (error._tag === "RateLimitError") {
        assert.strictEqual(error.attempts, 3)
        assert.deepStrictEqual(error.rateLimit, { limit: 100, remaining: 0, reset: 1 })
        assert.include(error.message, "after 3 attempts")
      }
      assert.strictEqual(mock.requests.length, 3)
    }).pipe(Effect.provide(layer))
  })

  it.effect("GET is retried after a 5xx; a POST that writes is not", () => {
    const { mock, layer } = setup(sequence(serverError, serverError))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.contacts.create({ email: "a@b.c" }))
      assert.strictEqual(error._tag, "ServerError")
      assert.strictEqual(mock.requests.length, 1, "the write may have happened: not retried")
      const fiber = yield* Effect.fork(intercom.contacts.find({ contact_id: "c1" }))
      yield* TestClock.adjust("500 millis")
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      assert.strictEqual(mock.requests.length, 3)
    }).pipe(Effect.provide(layer))
  })

  it.effect("read-only POSTs (searches) are retried after a 5xx; retryNonIdempotent opts writes in", () => {
    const { mock, layer } = setup(sequence(serverError, serverError))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const search = yield* Effect.fork(
        intercom.contacts.search({ query: { field: "email", operator: "=", value: "a@b.c" } })
      )
      yield* TestClock.adjust("500 millis")
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(search)
      assert.strictEqual(mock.requests.length, 3)
      mock.requests.length = 0
      const { mock: mock2, layer: layer2 } = setup(sequence(serverError), {
        retry: Retry.policy({ jitter: 0, retryNonIdempotent: true })
      })
      const create = yield* Effect.fork(
        Effect.flatMap(Intercom.Intercom, (i) => i.contacts.create({ email: "a@b.c" })).pipe(Effect.provide(layer2))
      )
      yield* TestClock.adjust("500 millis")
      yield* Fiber.join(create)
      assert.strictEqual(mock2.requests.length, 2)
    }).pipe(Effect.provide(layer))
  })

  it.effect("a POST that writes is retried after a 429 and after a connection that was never made", () => {
    let calls = 0
    const refused = Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) => {
        calls++
        if (calls === 1) {
          return Effect.fail(
            new HttpClientError.RequestError({
              request,
              reason: "Transport",
              cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })
            })
          )
        }
        if (calls === 2) {
          return Effect.succeed(MockHttp.json(429, {}, { "retry-after": "1" })).pipe(
            Effect.map((r) => HttpClientResponseFromWeb(request, r))
          )
        }
        return Effect.succeed(HttpClientResponseFromWeb(request, MockHttp.json(200, { type: "contact", id: "new" })))
      })
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* Effect.fork(intercom.contacts.create({ email: "a@b.c" }))
      yield* TestClock.adjust("500 millis") // after the refused connection
      yield* TestClock.adjust("1 second") // Retry-After: 1
      const contact = yield* Fiber.join(fiber)
      assert.strictEqual(contact.id, "new")
      assert.strictEqual(calls, 3)
    }).pipe(Effect.provide(Intercom.layer({ token: Redacted.make("t"), retry: exact }).pipe(Layer.provide(refused))))
  })

  it.effect("Retry.withPolicy replaces the policy for one call; any Schedule works as a policy", () => {
    const { mock, layer } = setup(() => serverError())
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* Effect.flip(intercom.contacts.find({ contact_id: "c1" }).pipe(Retry.withPolicy(Retry.none)))
      assert.strictEqual(mock.requests.length, 1)
      mock.requests.length = 0
      const fiber = yield* Effect.fork(
        Effect.flip(
          intercom.contacts.find({ contact_id: "c1" }).pipe(
            Retry.withPolicy(Schedule.spaced("1 second").pipe(Schedule.compose(Schedule.recurs(2))))
          )
        )
      )
      yield* TestClock.adjust("2 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ServerError")
      assert.strictEqual(mock.requests.length, 3)
    }).pipe(Effect.provide(layer))
  })
})

describe("RateLimit.adaptive", () => {
  const headers = (remaining: number, reset: number) => ({
    "x-ratelimit-limit": "10",
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(reset)
  })

  it.effect("holds requests when the window is spent, until it resets", () =>
    Effect.gen(function*() {
      const limiter = RateLimit.adaptive({ margin: 0 })
      yield* limiter.release(yield* limiter.acquire(findOperation), headers(2, 5)) // 2 left until t = 5 s
      // 16 concurrent callers: two go now, the rest wait for the reset
      let started = 0
      const permits: Array<RateLimit.Permit> = []
      const fibers = yield* Effect.forEach(
        Array.from({ length: 16 }),
        () =>
          Effect.fork(
            Effect.tap(limiter.acquire(findOperation), (permit) => Effect.sync(() => (started++, permits.push(permit))))
          ),
        { concurrency: "unbounded" }
      )
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(started, 2)
      yield* TestClock.adjust("4998 millis")
      assert.strictEqual(started, 2)
      yield* TestClock.adjust("1 millis") // t = 5 s: the window resets with the full limit (10)
      assert.strictEqual(started, 12)
      // the other 4 wait until responses tell the new window's budget
      yield* TestClock.adjust("1 second")
      assert.strictEqual(started, 12)
      yield* Effect.forEach([...permits], (permit) => limiter.release(permit, headers(5, 7)))
      yield* TestClock.adjust("1 second")
      assert.strictEqual(started, 16)
      yield* Effect.forEach(fibers, Fiber.join)
    }))

  it.effect("counts requests in flight against what the server said remains", () =>
    Effect.gen(function*() {
      const limiter = RateLimit.adaptive({ margin: 0 })
      yield* limiter.release(yield* limiter.acquire(findOperation), headers(3, 100))
      const first = yield* limiter.acquire(findOperation)
      yield* limiter.acquire(findOperation)
      yield* limiter.acquire(findOperation)
      const fourth = yield* Effect.fork(limiter.acquire(findOperation))
      yield* TestClock.adjust("1 millis")
      assert.isNull(fourth.unsafePoll(), "3 in flight, 3 remaining: the fourth waits")
      // one answers: 2 left now, 2 in flight: still no budget
      yield* limiter.release(first, headers(2, 100))
      yield* TestClock.adjust("1 millis")
      assert.isNull(fourth.unsafePoll())
      // the window resets at t = 100 s: the fourth goes
      yield* TestClock.adjust("100 seconds")
      assert.isNotNull(fourth.unsafePoll())
    }))

  it.effect("a reset announced far ahead (a wrong header) holds a request for maxWait at most", () =>
    Effect.gen(function*() {
      const limiter = RateLimit.adaptive({ margin: 0, maxWait: "60 seconds" })
      // spent, "until 2100"
      yield* limiter.release(yield* limiter.acquire(findOperation), headers(0, 4_102_444_800))
      const held = yield* Effect.fork(limiter.acquire(findOperation))
      yield* TestClock.adjust("59 seconds")
      assert.isNull(held.unsafePoll(), "held while the window may still be spent")
      yield* TestClock.adjust("1 second")
      assert.isNotNull(held.unsafePoll(), "let go after maxWait: a 429 would go to the retry policy")
    }))

  it.effect("unknown budget: requests go", () =>
    Effect.gen(function*() {
      const limiter = RateLimit.adaptive()
      yield* Effect.forEach(Array.from({ length: 50 }), () => limiter.acquire(findOperation))
    }))
})

import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
const HttpClientResponseFromWeb = HttpClientResponse.fromWeb
