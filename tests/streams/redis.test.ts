/**
 * Two processes sharing one budget through the Redis-backed limiter, against
 * one loopback server enforcing 100 requests per 1,000 ms: zero failed calls.
 * Needs `redis-server` (Debian's package; `.ci/run` installs it).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as RateLimitServer from "../support/RateLimitServer.js"
import * as RedisServer from "../support/RedisServer.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const worker = path.resolve(here, "../support/redisWorker.ts")

const runWorker = (env: Record<string, string>) =>
  Effect.async<{ calls: number; failed: number; errors: Array<string>; ms: number }, Error>((resume) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (err += d))
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      if (code === 0) resume(Effect.succeed(JSON.parse(out.trim().split("\n").pop()!)))
      else resume(Effect.fail(new Error(`worker exited with ${code}: ${err}`)))
    })
  })

const hasRedis = RedisServer.available()
if (!hasRedis) {
  console.warn(
    "\n!!! redis-server is not installed: the shared rate-limiter test is SKIPPED. Install Debian's redis-server (.ci/run does). !!!\n"
  )
}

describe("rate limiting shared across processes (Redis)", () => {
  it.live.skipIf(!hasRedis)(
    "two processes, 300 calls each at concurrency 8, one 100/s budget: zero failed calls",
    () =>
      Effect.gen(function*() {
        const redis = yield* RedisServer.start
        const server = yield* RateLimitServer.start({ limit: 100, windowMillis: 1000 })
        const env = {
          BASE_URL: server.url,
          REDIS_PORT: String(redis.port),
          KEY: `intercom-test-${Date.now()}`,
          LIMIT: "100",
          WINDOW_MS: "1000",
          CALLS: "300",
          CONCURRENCY: "8"
        }
        const started = Date.now()
        const [a, b] = yield* Effect.all([runWorker(env), runWorker(env)], { concurrency: 2 })
        const wall = Date.now() - started
        console.log(
          `shared rate limit (Redis): 2 processes x 300 calls, failed ${
            a.failed + b.failed
          }, ${server.stats.rejected} 429s, ${server.stats.served} served, wall ${wall} ms (ideal 6000 ms; worker times ${a.ms} and ${b.ms} ms)`
        )
        assert.strictEqual(a.failed + b.failed, 0, [...a.errors, ...b.errors].join("\n"))
        assert.strictEqual(server.stats.served, 600)
      }).pipe(Effect.scoped),
    { timeout: 90_000 }
  )
})
