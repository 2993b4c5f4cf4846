/**
 * One rate-limit budget for several processes: a `SharedRateLimiter` backed by
 * `@effect/experimental`'s `RateLimiter` and its Redis store (`ioredis` 5), in
 * front of the in-process adaptive limiter. Every process using the same Redis
 * and `key` takes its permits from the same window, so together they stay
 * inside the budget instead of each spending it whole.
 *
 * Optional: needs the peer dependencies `@effect/experimental` and `ioredis`.
 *
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as RedisRateLimit from "@effect-intercom/client/RedisRateLimit"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Layer from "effect/Layer"
 *
 * // Intercom's default: 1,000 calls a minute, spread over 10-second windows.
 * const IntercomLive = Intercom.layerConfig().pipe(
 *   Layer.provide(RedisRateLimit.layer({ key: "intercom:my-app", limit: 166, window: "10 seconds" })),
 *   Layer.provide(RedisRateLimit.layerStore({ host: "127.0.0.1", port: 6379 })),
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 * ```
 *
 * If Redis cannot be reached, requests are not held by it (a warning is
 * logged): the adaptive limiter and the retry policy still apply.
 *
 * A wait for the shared window is reported like the adaptive limiter's: an
 * `intercom.rate_limit.wait` event (reason `shared_window`), a `Debug` log
 * line, the `intercom.rate_limit.wait_ms` histogram.
 *
 * @since 0.1.0
 */
import * as ExperimentalRateLimiter from "@effect/experimental/RateLimiter"
import * as RedisStore from "@effect/experimental/RateLimiter/Redis"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Observe from "./internal/observe.js"
import * as RateLimit from "./RateLimit.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The budget's name in Redis: one per Intercom app (default `intercom`). */
  readonly key?: string | undefined
  /** Requests allowed per window, across all processes. */
  readonly limit: number
  /** The window. */
  readonly window: Duration.DurationInput
  /** Options of the in-process adaptive limiter that follows the Redis one; `false` for none. */
  readonly adaptive?: RateLimit.AdaptiveOptions | false | undefined
}

/**
 * A limiter that takes a permit from the shared Redis window (waiting when it
 * is spent), then from an in-process adaptive limiter.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options
): Effect.Effect<RateLimit.RateLimiter, never, ExperimentalRateLimiter.RateLimiter> =>
  Effect.map(ExperimentalRateLimiter.RateLimiter, (limiter) => {
    const consume = {
      algorithm: "fixed-window" as const,
      onExceeded: "delay" as const,
      key: options.key ?? "intercom",
      limit: options.limit,
      window: options.window
    }
    const shared: RateLimit.RateLimiter = {
      acquire: (op) =>
        limiter.consume(consume).pipe(
          Effect.flatMap(({ delay }) => {
            const millis = Duration.toMillis(delay)
            return millis > 0
              ? Effect.zipRight(Observe.reportWait(op, millis, "shared_window"), Effect.sleep(delay))
              : Effect.void
          }),
          Effect.catchAll((error) =>
            Effect.logWarning("Intercom: the shared rate limiter is unavailable; not holding requests", error)
          )
        ),
      release: () => Effect.void
    }
    return options.adaptive === false ? shared : RateLimit.both(shared, RateLimit.adaptive(options.adaptive ?? {}))
  })

/**
 * The `SharedRateLimiter` for every client built where it is provided; needs
 * a Redis store (`layerStore`).
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as RedisRateLimit from "@effect-intercom/client/RedisRateLimit"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Layer from "effect/Layer"
 *
 * // Intercom's default: 1,000 calls a minute, spread over 10-second windows.
 * const IntercomLive = Intercom.layerConfig().pipe(
 *   Layer.provide(RedisRateLimit.layer({ key: "intercom:my-app", limit: 166, window: "10 seconds" })),
 *   Layer.provide(RedisRateLimit.layerStore({ host: "127.0.0.1", port: 6379 })),
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<RateLimit.SharedRateLimiter, never, ExperimentalRateLimiter.RateLimiterStore> =>
  Layer.effect(RateLimit.SharedRateLimiter, make(options)).pipe(Layer.provide(ExperimentalRateLimiter.layer))

/**
 * The Redis store (`@effect/experimental/RateLimiter/Redis`): `ioredis`
 * options plus a key `prefix`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStore = RedisStore.layerStore
