/**
 * No call waits forever: real sockets on 127.0.0.1 that accept and never
 * answer, answer headers and stall the body, or trickle a download, against
 * `NodeHttpClient.layerUndici` and `FetchHttpClient.layer`. Time-outs are
 * short here (set per layer); the defaults are checked on the resolved config
 * and, with `TestClock`, against a silent server.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import type * as http from "node:http"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import type * as IntercomError from "../../packages/client/src/IntercomError.js"
import * as Retry from "../../packages/client/src/Retry.js"
import * as Loopback from "../support/Loopback.js"

const token = Redacted.make("tok_timeouts")

const transports: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["undici", NodeHttpClient.layerUndici],
  ["fetch", FetchHttpClient.layer]
]

const timeoutError = (error: unknown): IntercomError.TimeoutError => {
  assert.strictEqual((error as { _tag: string })._tag, "TimeoutError", String(error))
  return error as IntercomError.TimeoutError
}

const elapsed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const started = Date.now()
    return Effect.map(effect, (a) => [a, Date.now() - started] as const)
  })

/** A download of `chunks` chunks of `size` bytes, `gap` ms apart; stops (never ends) after `stallAfter` chunks. */
const trickle = (options: {
  readonly chunks: number
  readonly size: number
  readonly gap: number
  readonly stallAfter?: number
}): Loopback.Handler =>
(_request, response) => {
  response.writeHead(200, { "content-type": "application/octet-stream" })
  let sent = 0
  const next = () => {
    if (response.destroyed) return
    if (options.stallAfter !== undefined && sent >= options.stallAfter) return // stall, bounded by the client
    if (sent >= options.chunks) return void response.end()
    response.write(Buffer.alloc(options.size, sent))
    sent++
    timers.push(setTimeout(next, options.gap))
  }
  const timers: Array<ReturnType<typeof setTimeout>> = []
  response.on("close", () => timers.forEach(clearTimeout))
  next()
}

/** A few real milliseconds (under `TestClock`, `Effect.sleep` would not pass): the sockets' turn. */
const realPause = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 5)))

const countBytes = <E>(stream: Stream.Stream<Uint8Array, E>) =>
  Stream.runFold(stream, 0, (n, chunk) => n + chunk.length)

describe("faults: the defaults", () => {
  it("a per-attempt time-out and an idle time-out exist by default", () => {
    assert.isTrue(Duration.equals(IntercomClient.defaultTimeout, Duration.seconds(30)))
    assert.isTrue(Duration.equals(IntercomClient.defaultIdleTimeout, Duration.seconds(60)))
  })

  it.effect("the resolved config has them; false and Duration.infinity opt out", () =>
    Effect.gen(function*() {
      const config = (options: Partial<IntercomClient.Options>) =>
        Effect.map(IntercomClient.IntercomClient, (c) => c.config).pipe(
          Effect.provide(IntercomClient.layer({ token, ...options }).pipe(Layer.provide(FetchHttpClient.layer)))
        )
      const defaults = yield* config({})
      assert.isTrue(Duration.equals(defaults.timeout!, IntercomClient.defaultTimeout))
      assert.isTrue(Duration.equals(defaults.idleTimeout!, IntercomClient.defaultIdleTimeout))
      const off = yield* config({ timeout: false, idleTimeout: Duration.infinity })
      assert.isUndefined(off.timeout)
      assert.isUndefined(off.idleTimeout)
      const set = yield* config({ timeout: "5 seconds", idleTimeout: 250 })
      assert.isTrue(Duration.equals(set.timeout!, Duration.seconds(5)))
      assert.isTrue(Duration.equals(set.idleTimeout!, Duration.millis(250)))
      // Intercom.layer passes them through
      const viaIntercom = yield* Effect.map(IntercomClient.IntercomClient, (c) => c.config).pipe(
        Effect.provide(Intercom.layer({ token, timeout: "7 seconds" }).pipe(Layer.provide(FetchHttpClient.layer)))
      )
      assert.isTrue(Duration.equals(viaIntercom.timeout!, Duration.seconds(7)))
    }))

  it.effect(
    "with default options, a silent server fails the call after 6 attempts of 30 s and the back-offs (TestClock)",
    () =>
      Effect.gen(function*() {
        const server = yield* Loopback.http((request) => void request.resume()) // reads, never answers
        const layer = Intercom.layer({ token, baseUrl: server.url }).pipe(Layer.provide(NodeHttpClient.layerUndici))
        const fiber = yield* Effect.fork(
          Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: "c1" })).pipe(
            Effect.provide(layer)
          )
        )
        yield* server.awaitCount(1)
        yield* TestClock.adjust("29999 millis")
        yield* realPause
        assert.isNull(fiber.unsafePoll(), "still waiting just before the default time-out")
        assert.strictEqual(server.count(), 1)
        yield* TestClock.adjust("1 millis")
        // Then let virtual time run, a second at a time, giving the sockets real time in between (bounded).
        let virtual = 30_000
        for (let step = 0; step < 400 && fiber.unsafePoll() === null; step++) {
          yield* realPause
          if (fiber.unsafePoll() !== null) break
          yield* TestClock.adjust("1 second")
          virtual += 1_000
        }
        const error = timeoutError(yield* Effect.flip(Fiber.join(fiber)))
        assert.strictEqual(error.kind, "attempt")
        assert.strictEqual(error.durationMs, 30_000)
        assert.strictEqual(error.attempts, 6)
        assert.strictEqual(server.count(), 6)
        // the documented bound: 6 × 30 s + (0.5 + 1 + 2 + 4 + 8) s × 1.2, plus our 1 s steps
        assert.isAtLeast(virtual, 6 * 30_000 + 15_500 * 0.8)
        assert.isAtMost(virtual, 6 * 30_000 + 15_500 * 1.2 + 6 * 1_000)
      }).pipe(Effect.scoped),
    { timeout: 10_000 }
  )
})

describe("faults: time-outs", () => {
  for (const [name, transport] of transports) {
    const layer = (url: string, options: Partial<IntercomClient.Options> = {}) =>
      Intercom.layer({
        token,
        baseUrl: url,
        retry: false,
        timeout: "200 millis",
        idleTimeout: "200 millis",
        ...options
      })
        .pipe(Layer.provide(transport))

    it.live(
      `${name}: a server that accepts and never answers: TimeoutError within the bound`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.silent
          const [error, ms] = yield* elapsed(
            Effect.flip(Effect.flatMap(Intercom.Intercom, (i) => i.contacts.find({ contact_id: "c1" }))).pipe(
              Effect.provide(layer(server.url))
            )
          )
          const timeout = timeoutError(error)
          assert.strictEqual(timeout.kind, "attempt")
          assert.strictEqual(timeout.durationMs, 200)
          assert.strictEqual(timeout.message, "contacts.find (GET /contacts/{contact_id}) timed out after 200ms")
          assert.isAtLeast(ms, 190)
          assert.isBelow(ms, 1_500)
          assert.strictEqual(server.count(), 1)
          assert.isTrue(yield* server.awaitClosed(1_000), "the timed-out request was aborted: its connection closed")
        }).pipe(Effect.scoped),
      { timeout: 5_000 }
    )

    it.live(`${name}: a call interrupted by its caller aborts its request`, () =>
      Effect.gen(function*() {
        const server = yield* Loopback.silent
        const fiber = yield* Effect.fork(
          Effect.flatMap(Intercom.Intercom, (i) => i.contacts.find({ contact_id: "c1" })).pipe(
            Effect.provide(layer(server.url, { timeout: "1 minute" }))
          )
        )
        yield* server.awaitCount(1)
        yield* Fiber.interrupt(fiber)
        assert.isTrue(yield* server.awaitClosed(1_000), "the connection closed")
      }).pipe(Effect.scoped), { timeout: 5_000 })

    it.live(
      `${name}: headers, then a JSON body that stalls: TimeoutError within the attempt's time-out`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.http((_request, response) => {
            response.writeHead(200, { "content-type": "application/json" })
            response.write(`{"type":"contact","id":"c1","name":"`) // and nothing more
          })
          const [error, ms] = yield* elapsed(
            Effect.flip(Effect.flatMap(Intercom.Intercom, (i) => i.contacts.find({ contact_id: "c1" }))).pipe(
              Effect.provide(layer(server.url))
            )
          )
          assert.strictEqual(timeoutError(error).kind, "attempt")
          assert.isBelow(ms, 1_500)
        }).pipe(Effect.scoped),
      { timeout: 5_000 }
    )

    it.live(
      `${name}: a download that stalls mid-way fails with the idle time-out while it is read`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.http(trickle({ chunks: 100, size: 1024, gap: 10, stallAfter: 5 }))
          let received = 0
          const [error, ms] = yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            const bytes = yield* intercom.dataExport.download({ job_identifier: "job1" })
            return yield* elapsed(
              Effect.flip(Stream.runForEach(bytes, (chunk) => Effect.sync(() => received += chunk.length)))
            )
          }).pipe(Effect.provide(layer(server.url)))
          const timeout = timeoutError(error)
          assert.strictEqual(timeout.kind, "idle")
          assert.strictEqual(timeout.durationMs, 200)
          assert.strictEqual(
            timeout.message,
            "dataExport.download (GET /download/content/data/{job_identifier}) stalled: no bytes of the body for 200ms"
          )
          assert.strictEqual(received, 5 * 1024, "the bytes before the stall were delivered")
          assert.isBelow(ms, 1_500)
        }).pipe(Effect.scoped),
      { timeout: 5_000 }
    )

    it.live(
      `${name}: a download that flows slowly but steadily for longer than both time-outs completes`,
      () =>
        Effect.gen(function*() {
          // 16 chunks 60 ms apart: ~1 s in all, five times the attempt's and the idle time-out
          const server = yield* Loopback.http(trickle({ chunks: 16, size: 512, gap: 60 }))
          const [bytes, ms] = yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            return yield* elapsed(Effect.flatMap(intercom.dataExport.download({ job_identifier: "job1" }), countBytes))
          }).pipe(Effect.provide(layer(server.url)))
          assert.strictEqual(bytes, 16 * 512)
          assert.isAtLeast(ms, 800)
        }).pipe(Effect.scoped),
      { timeout: 5_000 }
    )
  }

  it.live(
    "a slow consumer is not a stalled download: the idle time-out runs only while the stream is read",
    () =>
      Effect.gen(function*() {
        const server = yield* Loopback.http(trickle({ chunks: 4, size: 256, gap: 1 }))
        const layer = Intercom.layer({ token, baseUrl: server.url, retry: false, idleTimeout: "100 millis" }).pipe(
          Layer.provide(NodeHttpClient.layerUndici)
        )
        const chunks = yield* Effect.gen(function*() {
          const intercom = yield* Intercom.Intercom
          const bytes = yield* intercom.dataExport.download({ job_identifier: "job1" })
          return yield* Stream.runCollect(Stream.tap(bytes, () => Effect.sleep("250 millis")))
        }).pipe(Effect.provide(layer))
        assert.strictEqual(Chunk.reduce(chunks, 0, (n, c) => n + c.length), 4 * 256)
      }).pipe(Effect.scoped),
    { timeout: 5_000 }
  )

  it.live("per call: withTimeout(false) and withIdleTimeout replace the layer's", () =>
    Effect.gen(function*() {
      const slow = yield* Loopback.http((_request, response) => {
        const timer = setTimeout(() => {
          response.writeHead(200, { "content-type": "application/json" })
          response.end(JSON.stringify({ type: "contact", id: "c1" }))
        }, 300)
        response.on("close", () => clearTimeout(timer))
      })
      const stalling = yield* Loopback.http(trickle({ chunks: 10, size: 100, gap: 5, stallAfter: 2 }))
      const gappy = yield* Loopback.http(trickle({ chunks: 3, size: 100, gap: 300 }))
      const make = (url: string, options: Partial<IntercomClient.Options>) =>
        Intercom.layer({ token, baseUrl: url, retry: false, ...options }).pipe(
          Layer.provide(NodeHttpClient.layerUndici)
        )
      const find = Effect.flatMap(Intercom.Intercom, (i) => i.contacts.find({ contact_id: "c1" }))
      const download = Effect.flatMap(
        Intercom.Intercom,
        (i) => Effect.flatMap(i.dataExport.download({ job_identifier: "j" }), countBytes)
      )

      // the layer's 100 ms time-out fails, withTimeout(false) waits for the answer
      timeoutError(yield* Effect.flip(find.pipe(Effect.provide(make(slow.url, { timeout: "100 millis" })))))
      const contact = yield* find.pipe(
        IntercomClient.withTimeout(false),
        Effect.provide(make(slow.url, { timeout: "100 millis" }))
      )
      assert.strictEqual(contact.id, "c1")
      // and withTimeout shortens it
      const short = timeoutError(
        yield* Effect.flip(find.pipe(IntercomClient.withTimeout("50 millis"), Effect.provide(make(slow.url, {}))))
      )
      assert.strictEqual(short.durationMs, 50)

      // the layer's idle time-out is long; withIdleTimeout makes it short
      const [idle, ms] = yield* elapsed(Effect.flip(
        download.pipe(
          IntercomClient.withIdleTimeout("150 millis"),
          Effect.provide(make(stalling.url, { idleTimeout: "1 minute" }))
        )
      ))
      assert.strictEqual(timeoutError(idle).kind, "idle")
      assert.strictEqual(timeoutError(idle).durationMs, 150)
      assert.isBelow(ms, 1_500)
      // the layer's idle time-out is short; withIdleTimeout(false) lets 300 ms gaps through
      timeoutError(yield* Effect.flip(download.pipe(Effect.provide(make(gappy.url, { idleTimeout: "100 millis" })))))
      const bytes = yield* download.pipe(
        IntercomClient.withIdleTimeout(false),
        Effect.provide(make(gappy.url, { idleTimeout: "100 millis" }))
      )
      assert.strictEqual(bytes, 300)
    }).pipe(Effect.scoped), { timeout: 8_000 })
})

describe("faults: a timed-out attempt is retried only when that is safe", () => {
  const never: Loopback.Handler = (request: http.IncomingMessage) => void request.resume()
  const retry = Retry.policy({ maxRetries: 2, baseDelay: "5 millis", jitter: 0 })

  for (const [name, transport] of transports) {
    it.live(
      `${name}: an idempotent GET is sent again (3 attempts), a POST that writes once`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.http(never)
          const layer = Intercom.layer({ token, baseUrl: server.url, retry, timeout: "150 millis" }).pipe(
            Layer.provide(transport)
          )
          yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            const get = timeoutError(yield* Effect.flip(intercom.contacts.find({ contact_id: "c1" })))
            assert.strictEqual(get.attempts, 3)
            assert.strictEqual(
              get.message,
              "contacts.find (GET /contacts/{contact_id}) timed out after 150ms (3 attempts)"
            )
            assert.strictEqual(server.count(), 3)
            const post = timeoutError(yield* Effect.flip(intercom.contacts.create({ email: "a@example.com" })))
            assert.strictEqual(post.attempts, 1)
            yield* Effect.sleep("100 millis") // nothing else arrives
            assert.strictEqual(server.count(), 4, "the POST was sent once")
          }).pipe(Effect.provide(layer))
        }).pipe(Effect.scoped),
      { timeout: 5_000 }
    )
  }
})
