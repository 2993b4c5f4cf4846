/**
 * A worker process for the shared rate-limit test: makes CALLS calls at
 * CONCURRENCY through a client whose limiter is the Redis-backed one, and
 * prints a JSON line with the outcome.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as RedisRateLimit from "../../packages/client/src/RedisRateLimit.js"

const env = (name: string) => {
  const value = process.env[name]
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}

const calls = Number(env("CALLS"))
const layer = Intercom.layer({ token: Redacted.make("t"), baseUrl: env("BASE_URL") }).pipe(
  Layer.provide(
    RedisRateLimit.layer({
      key: env("KEY"),
      limit: Number(env("LIMIT")),
      window: Duration.millis(Number(env("WINDOW_MS")))
    })
  ),
  Layer.provide(RedisRateLimit.layerStore({ host: "127.0.0.1", port: Number(env("REDIS_PORT")) })),
  Layer.provide(NodeHttpClient.layerUndici)
)

const program = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const started = Date.now()
  const results = yield* Effect.forEach(
    Array.from({ length: calls }, (_, i) => i),
    (i) => Effect.either(intercom.contacts.find({ contact_id: `w${process.pid}-${i}` })),
    { concurrency: Number(env("CONCURRENCY")) }
  )
  const failed = results.filter((r) => r._tag === "Left")
  return {
    calls,
    failed: failed.length,
    errors: failed.slice(0, 3).map((f) => String(f.left)),
    ms: Date.now() - started
  }
})

Effect.runPromise(program.pipe(Effect.provide(layer))).then(
  (result) => {
    process.stdout.write(JSON.stringify(result) + "\n")
    process.exit(0)
  },
  (error) => {
    process.stderr.write(String(error) + "\n")
    process.exit(1)
  }
)
