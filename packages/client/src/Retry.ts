/**
 * The retry policy: a `Schedule` over failed attempts, on by default,
 * replaceable per layer (`IntercomClient.layer({ retry })`) and per call
 * (`Retry.withPolicy`).
 *
 * The default policy (`Retry.policy()`):
 *
 * - a 429 waits until `X-RateLimit-Reset` (or `Retry-After` when sent), plus
 *   up to `rateLimitJitter` (default 1 s), capped at `maxDelay`;
 * - 408, 5xx, time-outs and transport failures back off exponentially from
 *   `baseDelay` (default 500 ms), with ±`jitter` (default 20 %), capped;
 * - at most `maxRetries` retries (default 5, so 6 attempts);
 * - a non-idempotent request (a POST that writes) is retried after a 429 and
 *   after a connection failure that happened before anything was sent, but not
 *   after a 5xx, a 408, a time-out or a failure mid-exchange, because the write
 *   may have happened; `retryNonIdempotent: true` opts in;
 * - a time-out is that of one attempt (`IntercomClient.Options.timeout`,
 *   default 30 s), so with the defaults a call that never gets an answer ends
 *   after at most 6 × 30 s of attempts plus 15.5 s of back-off (18.6 s with
 *   jitter); a binary download whose bytes stop fails its stream with an idle
 *   `TimeoutError`, which is not retried (part of it was read).
 *
 * When the policy gives up, the error carries `attempts` (and, for HTTP
 * errors, the last rate-limit headers).
 *
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Retry from "@effect-intercom/client/Retry"
 * import * as Schedule from "effect/Schedule"
 *
 * Intercom.layer({ token, retry: Retry.policy({ maxRetries: 2, baseDelay: "1 second" }) })
 * Intercom.layer({ token, retry: Retry.none })
 * // any Schedule over `Retry.Attempt`, for example: only 429s, three times
 * Intercom.layer({
 *   token,
 *   retry: Schedule.recurs(3).pipe(Schedule.whileInput((a: Retry.Attempt) => a.error._tag === "RateLimitError"))
 * })
 * // per call
 * intercom.contacts.create({ email }).pipe(Retry.withPolicy(Retry.policy({ retryNonIdempotent: true })))
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import type * as IntercomClient from "./IntercomClient.js"
import * as callOptions from "./internal/callOptions.js"
import type * as Operation from "./Operation.js"

/**
 * What the retry schedule sees after each failed attempt.
 *
 * @since 0.1.0
 * @category models
 */
export interface Attempt {
  /** The failure of this attempt. */
  readonly error: Operation.CommonError | { readonly _tag: string }
  /** The operation that failed. */
  readonly operation: Operation.Operation<any, any, any>
  /** How many attempts have been made (1 after the first failure). */
  readonly attempt: number
}

/**
 * A retry policy: a `Schedule` fed with each failed `Attempt`; when it stops,
 * the last error is returned.
 *
 * @since 0.1.0
 * @category models
 */
export type Policy = Schedule.Schedule<unknown, Attempt>

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Retries after the first attempt (default 5). */
  readonly maxRetries?: number | undefined
  /** The first back-off after a 5xx, 408, time-out or transport failure; it doubles each time (default 500 ms). */
  readonly baseDelay?: Duration.DurationInput | undefined
  /** The longest single wait, rate-limit waits included (default 60 s). */
  readonly maxDelay?: Duration.DurationInput | undefined
  /** Back-off jitter, as a fraction of the delay, both ways (default 0.2). */
  readonly jitter?: number | undefined
  /** The most added, at random, to a rate-limit wait, so waiting callers do not all fire at once (default 1 s). */
  readonly rateLimitJitter?: Duration.DurationInput | undefined
  /** Also retry non-idempotent requests after 5xx, 408, time-outs and mid-exchange failures (default false). */
  readonly retryNonIdempotent?: boolean | undefined
}

const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CONNECT"
])

const errorCode = (cause: unknown): string | undefined => {
  for (let current: any = cause, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (typeof current.code === "string") return current.code
    current = current.cause
  }
  return undefined
}

/**
 * Whether a transport failure happened before the request was sent (so a
 * retry cannot repeat a write): connection refused, DNS failure, host
 * unreachable, connect time-out.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isNotSent = (error: unknown): boolean =>
  HttpClientError.isHttpClientError(error) && error._tag === "RequestError" &&
  (error.reason === "InvalidUrl" || error.reason === "Encode" ||
    NOT_SENT_CODES.has(errorCode(error.cause) ?? ""))

/**
 * Whether the default policy retries this attempt.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (attempt: Attempt, options: Pick<Options, "retryNonIdempotent"> = {}): boolean => {
  const error = attempt.error
  if (error._tag === "RateLimitError") return true
  if (error._tag === "RequestError") {
    if ((error as HttpClientError.RequestError).reason !== "Transport") return false
    if (isNotSent(error)) return true
  } else if (
    !(error._tag === "ServerError" || error._tag === "TimeoutError" || error._tag === "ResponseError" ||
      (error._tag === "UnexpectedStatusError" && (error as { status?: number }).status === 408))
  ) {
    return false
  }
  return attempt.operation.idempotent || options.retryNonIdempotent === true
}

/**
 * How long to wait before the next attempt, as the default policy computes it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const delay = (attempt: Attempt, options: Options = {}): Effect.Effect<Duration.Duration> =>
  Effect.gen(function*() {
    const maxMillis = Duration.toMillis(options.maxDelay ?? Duration.seconds(60))
    const error = attempt.error as { _tag: string; retryAfter?: number; rateLimit?: { reset: number } }
    if (error._tag === "RateLimitError") {
      const now = yield* Clock.currentTimeMillis
      const wait = error.retryAfter !== undefined
        ? error.retryAfter * 1000
        : error.rateLimit !== undefined
        ? error.rateLimit.reset * 1000 - now
        : undefined
      if (wait !== undefined) {
        const spread = Duration.toMillis(options.rateLimitJitter ?? Duration.seconds(1))
        const extra = spread > 0 ? yield* Random.nextRange(0, spread) : 0
        return Duration.millis(Math.min(maxMillis, Math.max(0, wait) + extra))
      }
    }
    const base = Duration.toMillis(options.baseDelay ?? Duration.millis(500))
    const exponential = Math.min(maxMillis, base * 2 ** (attempt.attempt - 1))
    const jitter = options.jitter ?? 0.2
    const factor = jitter > 0 ? yield* Random.nextRange(1 - jitter, 1 + jitter) : 1
    return Duration.millis(Math.min(maxMillis, exponential * factor))
  })

/**
 * The default policy, configurable.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Retry from "@effect-intercom/client/Retry"
 * import * as Redacted from "effect/Redacted"
 * import * as Schedule from "effect/Schedule"
 *
 * const token = Redacted.make("dG9rOmFiYw==")
 * Intercom.layer({ token, retry: Retry.policy({ maxRetries: 2, baseDelay: "1 second" }) })
 * Intercom.layer({ token, retry: false })
 * // any Schedule over Retry.Attempt: only 429s, three times
 * Intercom.layer({
 *   token,
 *   retry: Schedule.recurs(3).pipe(Schedule.whileInput((a: Retry.Attempt) => a.error._tag === "RateLimitError"))
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const policy = (options: Options = {}): Policy => {
  const maxRetries = options.maxRetries ?? 5
  return Schedule.identity<Attempt>().pipe(
    Schedule.whileInput((attempt: Attempt) => attempt.attempt <= maxRetries && isRetryable(attempt, options)),
    Schedule.addDelayEffect((attempt) => delay(attempt, options))
  )
}

/**
 * The policy the layers use unless told otherwise: `policy()`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultPolicy: Policy = policy()

/**
 * No retries.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: Policy = Schedule.stop

/**
 * Use another retry policy (replacing the layer's) for the Intercom calls of
 * an effect or a stream: on a stream, each page request is retried with it on
 * its own (the stream does not restart).
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Retry from "@effect-intercom/client/Retry"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * export const patient = Effect.flatMap(Intercom.Intercom, (intercom) =>
 *   intercom.contacts.listStream().pipe(
 *     Retry.withPolicy(Retry.policy({ maxRetries: 10, baseDelay: "2 seconds" })),
 *     Stream.runCount
 *   ))
 *
 * export const once = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(
 *   Retry.withPolicy(Retry.none)
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withPolicy: {
  (policy: Policy): <Self extends IntercomClient.Overridable>(self: Self) => IntercomClient.Overridden<Self>
  <Self extends IntercomClient.Overridable>(self: Self, policy: Policy): IntercomClient.Overridden<Self>
} = dual(
  2,
  <Self extends IntercomClient.Overridable>(self: Self, policy: Policy): IntercomClient.Overridden<Self> =>
    callOptions.locally(self, "retry", policy)
)
