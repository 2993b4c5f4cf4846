/**
 * The client's metrics, made with `effect/Metric`, so any Effect metrics
 * exporter sees them (`@effect/opentelemetry`'s `NodeSdk` with a
 * `metricReader`, a Prometheus exporter, `Metric.snapshot`). Every call made
 * through an `IntercomClient` layer records them; they are global, like every
 * `effect/Metric`, and carry the fiber's metric tags too (`Effect.tagMetrics`).
 *
 * | metric | type | tags | unit |
 * | --- | --- | --- | --- |
 * | `intercom.requests` | counter | `operation`, `outcome` (`success` or the error's tag) | calls |
 * | `intercom.retries` | counter | `operation`, `reason` (the tag of the error retried) | retries |
 * | `intercom.rate_limited` | counter | `operation` | 429 responses |
 * | `intercom.request.duration_ms` | histogram | `operation` | milliseconds |
 * | `intercom.rate_limit.wait_ms` | histogram | `operation`, `reason` (`window_spent`, `reset_unknown`, `shared_window`, a custom limiter's) | milliseconds |
 *
 * `operation` is the method's name as in `intercom.contacts.find`
 * (`contacts.find`; Preview methods start with `unstable.`). A call is counted
 * once, when it ends, with the outcome of its last attempt; its duration spans
 * every attempt, back-off and rate-limit wait. A call that fails before it is
 * sent (`InvalidInputError`) is counted with no duration; an interrupted call
 * is not counted.
 *
 * @example
 * ```ts
 * import * as IntercomMetrics from "@effect-intercom/client/IntercomMetrics"
 * import * as Effect from "effect/Effect"
 * import * as Metric from "effect/Metric"
 *
 * // how many `contacts.find` calls succeeded, and their latency
 * export const report = Effect.gen(function*() {
 *   const found = yield* Metric.value(
 *     IntercomMetrics.requests.pipe(Metric.tagged("operation", "contacts.find"), Metric.tagged("outcome", "success"))
 *   )
 *   const latency = yield* Metric.value(IntercomMetrics.duration.pipe(Metric.tagged("operation", "contacts.find")))
 *   yield* Effect.log(`${found.count} calls, ${latency.count} timed, at most ${latency.max} ms`)
 * })
 * ```
 *
 * @since 0.1.0
 */
import type * as Metric from "effect/Metric"
import * as internal from "./internal/metrics.js"

/**
 * `intercom.requests`: Intercom calls, by `operation` and `outcome`
 * (`success`, or the tag of the error the call failed with: `NotFoundError`,
 * `RateLimitError`, `TimeoutError`, `RequestError`, `InvalidInputError`, ...;
 * `Defect` for a defect). Counted once per call, when it ends.
 *
 * @example
 * ```ts
 * import * as IntercomMetrics from "@effect-intercom/client/IntercomMetrics"
 * import * as Effect from "effect/Effect"
 * import * as Metric from "effect/Metric"
 *
 * export const notFound = Metric.value(
 *   IntercomMetrics.requests.pipe(Metric.tagged("operation", "contacts.find"), Metric.tagged("outcome", "NotFoundError"))
 * ).pipe(Effect.map((state) => state.count))
 * ```
 *
 * @since 0.1.0
 * @category metrics
 */
export const requests: Metric.Metric.Counter<number> = internal.requests

/**
 * `intercom.retries`: retries decided by the retry policy, by `operation`
 * and `reason` (the tag of the error of the attempt retried: `ServerError`,
 * `RateLimitError`, `TimeoutError`, `RequestError`, ...).
 *
 * @since 0.1.0
 * @category metrics
 */
export const retries: Metric.Metric.Counter<number> = internal.retries

/**
 * `intercom.rate_limited`: 429 responses received, by `operation` (each
 * attempt answered with a 429, whether it was retried or not).
 *
 * @since 0.1.0
 * @category metrics
 */
export const rateLimited: Metric.Metric.Counter<number> = internal.rateLimited

/**
 * `intercom.request.duration_ms`: the duration of each call in milliseconds,
 * by `operation`, from the call's start to its end: every attempt, back-off
 * and rate-limit wait included (sub-millisecond on the default clock; on
 * `TestClock`, the test's time). Boundaries: 5, 10, 25, 50, 100, 250, 500,
 * 1,000, 2,500, 5,000, 10,000, 30,000 and 60,000 ms.
 *
 * @since 0.1.0
 * @category metrics
 */
export const duration: Metric.Metric.Histogram<number> = internal.duration

/**
 * `intercom.rate_limit.wait_ms`: each wait of a call held by the client-side
 * rate limiter, in milliseconds, by `operation` and `reason`: `window_spent`
 * (`X-RateLimit-Remaining` said the window is spent, held until
 * `X-RateLimit-Reset`), `reset_unknown` (spent, reset unknown: held for
 * `unknownResetWait`), `shared_window` (the shared Redis window of
 * `RedisRateLimit`), or a custom limiter's own (`RateLimit.reportWait`,
 * `custom` by default). Its count is the number of waits. Boundaries: 10, 50,
 * 100, 250, 500, 1,000, 2,500, 5,000, 10,000, 30,000 and 60,000 ms.
 *
 * @since 0.1.0
 * @category metrics
 */
export const rateLimitWait: Metric.Metric.Histogram<number> = internal.rateLimitWait
