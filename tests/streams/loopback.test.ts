/**
 * The shared rate limiter against a real loopback server (127.0.0.1) that
 * enforces 100 requests per 1,000 ms window with Intercom's headers: 600 calls
 * at concurrency 16 all succeed. Prints the 429 count and the wall time
 * against the ideal 6 s.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as RateLimitServer from "../support/RateLimitServer.js"

describe("rate limiting against a loopback server", () => {
  it.live("600 calls at concurrency 16 within 100 requests per second all succeed", () =>
    Effect.gen(function*() {
      const server = yield* RateLimitServer.start({ limit: 100, windowMillis: 1000 })
      const layer = Intercom.layer({ token: Redacted.make("t"), baseUrl: server.url }).pipe(
        Layer.provide(NodeHttpClient.layerUndici)
      )
      const started = Date.now()
      const results = yield* Effect.gen(function*() {
        const intercom = yield* Intercom.Intercom
        return yield* Effect.forEach(
          Array.from({ length: 600 }, (_, i) => i),
          (i) => Effect.either(intercom.contacts.find({ contact_id: `c${i}` })),
          { concurrency: 16 }
        )
      }).pipe(Effect.provide(layer))
      const wall = Date.now() - started
      const failed = results.filter((r) => r._tag === "Left")
      console.log(
        `loopback rate limit: 600 calls, ${failed.length} failed, ${server.stats.rejected} 429s, ${server.stats.served} served, wall ${wall} ms (ideal 6000 ms)`
      )
      assert.strictEqual(failed.length, 0)
      assert.strictEqual(server.stats.served, 600)
    }).pipe(Effect.scoped), { timeout: 60_000 })
})
