/**
 * Client-side rate limiting: a limiter shared by every call made through one
 * `IntercomClient` layer holds requests back before they are sent when the
 * rate-limit window is spent, instead of letting concurrent callers collect
 * 429s.
 *
 * The default limiter (`RateLimit.adaptive()`) learns the budget from the
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` headers
 * of every response: it lets a request go while the window has budget left
 * (what Intercom said remains, less the requests sent in this window and not
 * yet answered), and otherwise waits until the window resets. It is in-process; to share one budget among
 * several processes, see `@effect-intercom/client/RedisRateLimit`.
 *
 * Each wait is reported before it starts: an `intercom.rate_limit.wait` event
 * on the operation's span (when a tracer records), a `Debug` log line, and the
 * `intercom.rate_limit.wait_ms` histogram (`IntercomMetrics.rateLimitWait`).
 *
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as RateLimit from "@effect-intercom/client/RateLimit"
 *
 * Intercom.layer({ token })                                   // adaptive, in-process (default)
 * Intercom.layer({ token, rateLimiter: RateLimit.none })      // no client-side limiting
 * ```
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as IntercomError from "./IntercomError.js"
import * as Observe from "./internal/observe.js"
import type * as Operation from "./Operation.js"

/**
 * A rate limiter: `acquire` a permit before each attempt, `release` it with
 * the response's headers after the attempt (`undefined` when there was no
 * response).
 *
 * @since 0.1.0
 * @category models
 */
export interface RateLimiter {
  readonly acquire: (operation: Operation.Operation<any, any, any>) => Effect.Effect<Permit>
  readonly release: (
    permit: Permit,
    headers: Readonly<Record<string, string | undefined>> | undefined
  ) => Effect.Effect<void>
}

/**
 * What `acquire` hands out and `release` takes back (opaque to callers).
 *
 * @since 0.1.0
 * @category models
 */
export type Permit = unknown

/**
 * No client-side limiting.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: RateLimiter = {
  acquire: () => Effect.void,
  release: () => Effect.void
}

/**
 * Reports that a limiter holds an attempt, as the built-in limiters do: one
 * observation of `IntercomMetrics.rateLimitWait` (by `operation` and
 * `reason`), an `intercom.rate_limit.wait` event on the operation's span when
 * a tracer records, and a `Debug` log line. A `RateLimiter` of your own calls
 * it from `acquire`, before it waits, so that its waits show beside the
 * client's (`reason` defaults to `custom`).
 *
 * @example
 * ```ts
 * import * as RateLimit from "@effect-intercom/client/RateLimit"
 * import * as Effect from "effect/Effect"
 *
 * // one request at a time, each held 100 ms
 * export const slow: RateLimit.RateLimiter = {
 *   acquire: (operation) =>
 *     Effect.zipRight(RateLimit.reportWait(operation, "100 millis", "one_at_a_time"), Effect.sleep("100 millis")),
 *   release: () => Effect.void
 * }
 * ```
 *
 * @since 0.1.0
 * @category observability
 */
export const reportWait = (
  operation: Operation.Operation<any, any, any>,
  delay: Duration.DurationInput,
  reason: string = "custom"
): Effect.Effect<void> => Observe.reportWait(operation, Duration.toMillis(delay), reason)

/**
 * @since 0.1.0
 * @category models
 */
export interface AdaptiveOptions {
  /**
   * Added to the reset time before a held request is let go, because
   * `X-RateLimit-Reset` has a resolution of one second (default 50 ms).
   */
  readonly margin?: Duration.DurationInput | undefined
  /** How long to hold a request when the window is spent but its reset is unknown (default 1 s). */
  readonly unknownResetWait?: Duration.DurationInput | undefined
  /**
   * The longest a request is held for one window (default 60 s, Intercom's
   * windows last 10 s): a `X-RateLimit-Reset` further ahead is taken as this
   * far ahead, so a wrong header cannot hold calls for ever. A request let go
   * too early meets a 429, which the retry policy handles.
   */
  readonly maxWait?: Duration.DurationInput | undefined
}

/**
 * The in-process limiter that learns the budget from the rate-limit headers.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as RateLimit from "@effect-intercom/client/RateLimit"
 * import * as Redacted from "effect/Redacted"
 *
 * const token = Redacted.make("dG9rOmFiYw==")
 * Intercom.layer({ token }) // adaptive, in-process: the default
 * Intercom.layer({ token, rateLimiter: RateLimit.adaptive({ margin: "100 millis" }) })
 * Intercom.layer({ token, rateLimiter: false })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const adaptive = (options: AdaptiveOptions = {}): RateLimiter => {
  const margin = Duration.toMillis(options.margin ?? Duration.millis(50))
  const unknownWait = Duration.toMillis(options.unknownResetWait ?? Duration.seconds(1))
  const maxWait = Duration.toMillis(options.maxWait ?? Duration.seconds(60))
  // What the latest window said, and the requests sent in it that have not been answered.
  let remaining: number | undefined
  let limit: number | undefined
  let resetAt: number | undefined
  let window = 0
  let inFlight = 0

  // The response that said the window was spent (its request id goes with the waits it causes).
  let spentBy: string | undefined

  const newWindow = () => {
    window++
    inFlight = 0
    spentBy = undefined
  }

  // One acquiring effect per operation (made on its first call), so a wait is reported with the
  // operation's name while a permit given at once allocates nothing.
  const acquireFor = (op: Operation.Operation<any, any, any>): Effect.Effect<Permit> => {
    const acquire: Effect.Effect<Permit> = Effect.flatMap(Clock.currentTimeMillis, (now) => {
      if (resetAt !== undefined && now >= resetAt + margin) {
        // The window is over: assume the next one has the full budget until a response says otherwise.
        // Requests still in flight were counted in the old window.
        remaining = limit
        resetAt = undefined
        newWindow()
      }
      if (remaining === undefined || remaining - inFlight > 0) {
        inFlight++
        return Effect.succeed(window)
      }
      if (resetAt !== undefined && resetAt + margin - now > maxWait) resetAt = now + maxWait - margin
      const wait = Math.max(1, resetAt !== undefined ? resetAt + margin - now : Math.min(unknownWait, maxWait))
      return Effect.zipRight(
        Observe.reportWait(op, wait, resetAt !== undefined ? "window_spent" : "reset_unknown", spentBy),
        Effect.zipRight(Effect.sleep(Duration.millis(wait)), acquire)
      )
    })
    return acquire
  }
  const acquires = new WeakMap<Operation.Operation<any, any, any>, Effect.Effect<Permit>>()

  const release = (permit: Permit, headers: Readonly<Record<string, string | undefined>> | undefined) =>
    Effect.sync(() => {
      if (permit === window && inFlight > 0) inFlight--
      const rateLimit = headers === undefined ? undefined : IntercomError.parseRateLimit(headers)
      if (rateLimit === undefined) return
      const reset = rateLimit.reset * 1000
      if (resetAt === undefined || reset > resetAt) {
        // A newer window than we knew of.
        if (resetAt !== undefined) newWindow()
        resetAt = reset
        remaining = rateLimit.remaining
      } else if (reset === resetAt) {
        // Responses of one window may arrive out of order: the lowest count is the latest.
        remaining = Math.min(remaining ?? rateLimit.remaining, rateLimit.remaining)
      }
      if (rateLimit.remaining === 0 && reset === resetAt) spentBy = headers!["x-request-id"]
      limit = rateLimit.limit
    })

  return {
    acquire: (op) => {
      let acquire = acquires.get(op)
      if (acquire === undefined) {
        acquire = acquireFor(op)
        acquires.set(op, acquire)
      }
      return acquire
    },
    release
  }
}

/**
 * Both limiters: a permit from `first`, then from `second`; both released.
 *
 * @since 0.1.0
 * @category combinators
 */
export const both = (first: RateLimiter, second: RateLimiter): RateLimiter => ({
  acquire: (operation) =>
    Effect.flatMap(first.acquire(operation), (a) => Effect.map(second.acquire(operation), (b) => [a, b] as const)),
  release: (permit, headers) => {
    const [a, b] = permit as readonly [Permit, Permit]
    return Effect.zipRight(first.release(a, headers), second.release(b, headers))
  }
})

/**
 * A rate limiter for every `IntercomClient` built where it is provided (and
 * not given one in its options), for example a limiter shared by several
 * processes through Redis.
 *
 * @since 0.1.0
 * @category tags
 */
export class SharedRateLimiter extends Context.Tag("@effect-intercom/client/RateLimit/SharedRateLimiter")<
  SharedRateLimiter,
  RateLimiter
>() {}

/**
 * Provide a `SharedRateLimiter`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerShared = (limiter: RateLimiter): Layer.Layer<SharedRateLimiter> =>
  Layer.succeed(SharedRateLimiter, limiter)
