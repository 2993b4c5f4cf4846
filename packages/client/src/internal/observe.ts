/**
 * What a call reports besides its result: each retry and each wait for the
 * rate-limit window as a span event on the operation's span (only when a
 * tracer records) and a `Debug` log line with the same annotations (only when
 * the minimum log level lets it through; nothing is built otherwise); the
 * metrics of the call (`metrics.ts`); the operation span's last attributes.
 *
 * Nothing here holds a secret: operation names, attempt numbers, delays,
 * statuses, error tags and Intercom's request ids.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import { globalValue } from "effect/GlobalValue"
import * as LogLevel from "effect/LogLevel"
import type * as MetricLabel from "effect/MetricLabel"
import type * as Tracer from "effect/Tracer"
import type { Operation } from "../Operation.js"
import * as Metrics from "./metrics.js"
import { defaultTracer } from "./tracing.js"

/**
 * The number of the attempt being made, for the rate limiter's report of a
 * wait: 1 unless a retry sets it (so the first attempt sets nothing).
 *
 * @internal
 */
export const currentAttempt: FiberRef.FiberRef<number> = globalValue(
  Symbol.for("@effect-intercom/client/internal/observe/currentAttempt"),
  () => FiberRef.unsafeMake(1)
)

/** @internal */
export const retryEvent = "intercom.retry"
/** @internal */
export const waitEvent = "intercom.rate_limit.wait"

/** Why a limiter held a request. */
export type WaitReason =
  /** `X-RateLimit-Remaining` said the window is spent: held until `X-RateLimit-Reset`. */
  | "window_spent"
  /** The window is spent and its reset is unknown: held for `unknownResetWait`. */
  | "reset_unknown"
  /** The shared (Redis) window is spent. */
  | "shared_window"
  /** A user's `RateLimiter` (`RateLimit.reportWait`): its own reason, `custom` by default. */
  | (string & {})

/** @internal */
export const clockOf = (fiber: Fiber.RuntimeFiber<any, any>): Clock.Clock =>
  Context.get(fiber.currentDefaultServices, Clock.Clock)

/** @internal */
export const debugEnabled = (fiber: Fiber.RuntimeFiber<any, any>): boolean =>
  LogLevel.lessThanEqual(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)

/** @internal */
export const metricLabels = (fiber: Fiber.RuntimeFiber<any, any>): ReadonlyArray<MetricLabel.MetricLabel> =>
  fiber.getFiberRef(FiberRef.currentMetricLabels)

/** The span a report goes to: the current one, when a tracer that records is installed. */
const recordingSpan = (fiber: Fiber.RuntimeFiber<any, any>): Tracer.Span | undefined => {
  if (!fiber.getFiberRef(FiberRef.currentTracerEnabled) || fiber.currentTracer === defaultTracer()) return undefined
  const span = fiber.currentSpan
  return span !== undefined && span._tag === "Span" ? span : undefined
}

/**
 * A report: the event on the span (when a tracer records) and the `Debug`
 * line with the same annotations (when Debug is on; its text is built only
 * then).
 */
const emit = (
  fiber: Fiber.RuntimeFiber<any, any>,
  span: Tracer.Span | undefined,
  log: boolean,
  event: string,
  attributes: Record<string, unknown>,
  message: () => string
): Effect.Effect<void> => {
  if (span !== undefined) span.event(event, clockOf(fiber).unsafeCurrentTimeNanos(), attributes)
  return log ? Effect.annotateLogs(Effect.logDebug(message()), attributes) : Effect.void
}

/**
 * The tag of a failure (`"Defect"` for what is not a tagged error).
 *
 * @internal
 */
export const tagOf = (error: unknown): string =>
  typeof error === "object" && error !== null && typeof (error as { _tag?: unknown })._tag === "string"
    ? (error as { _tag: string })._tag
    : "Defect"

const fieldOf = <A>(error: unknown, field: string, type: "number" | "string"): A | undefined => {
  if (typeof error !== "object" || error === null) return undefined
  const value = (error as Record<string, unknown>)[field]
  return typeof value === type ? value as A : undefined
}

/**
 * The HTTP status of a failed attempt, when it had a response.
 *
 * @internal
 */
export const statusOf = (error: unknown): number | undefined => fieldOf<number>(error, "status", "number")

/**
 * Intercom's request id of a failed attempt, when it had a response that said it.
 *
 * @internal
 */
export const requestIdOf = (error: unknown): string | undefined => fieldOf<string>(error, "requestId", "string")

/**
 * A retry: counted (`intercom.retries`), an `intercom.retry` event on the
 * operation's span (`span` is `undefined` when no tracer records), a `Debug`
 * log line; `attempt` is the attempt that failed.
 *
 * @internal
 */
export const reportRetry = (
  fiber: Fiber.RuntimeFiber<any, any>,
  span: Tracer.Span | undefined,
  op: Operation<any, any, any>,
  metrics: Metrics.OperationMetrics,
  attempt: number,
  error: unknown,
  delayMillis: number
): Effect.Effect<void> => {
  const tag = tagOf(error)
  metrics.retry(tag).unsafeUpdate(1, metricLabels(fiber))
  const log = debugEnabled(fiber)
  if (span === undefined && !log) return Effect.void
  const status = statusOf(error)
  const requestId = requestIdOf(error)
  const delay = Math.round(delayMillis)
  const attributes: Record<string, unknown> = {
    "intercom.operation": op.name,
    "intercom.attempt": attempt,
    "intercom.delay_ms": delay,
    "error.type": tag
  }
  if (status !== undefined) attributes["http.response.status_code"] = status
  if (requestId !== undefined) attributes["intercom.request_id"] = requestId
  return emit(
    fiber,
    span,
    log,
    retryEvent,
    attributes,
    () =>
      `Intercom ${op.name}: attempt ${attempt} failed (${tag}${status !== undefined ? ` ${status}` : ""}${
        requestId !== undefined ? `, request ${requestId}` : ""
      }); retrying in ${delay} ms`
  )
}

/**
 * A wait for the rate-limit window, reported by a limiter before it sleeps:
 * recorded (`intercom.rate_limit.wait_ms`), an `intercom.rate_limit.wait`
 * event on the operation's span when a tracer records, a `Debug` log line.
 * `requestId`: of the response that said the window was spent, when known.
 *
 * @internal
 */
export const reportWait = (
  op: Operation<any, any, any>,
  delayMillis: number,
  reason: WaitReason,
  requestId?: string | undefined
): Effect.Effect<void> =>
  Effect.withFiberRuntime((fiber) => {
    const delay = Math.round(delayMillis)
    Metrics.forOperation(op).wait(reason).unsafeUpdate(delay, metricLabels(fiber))
    const span = recordingSpan(fiber)
    const log = debugEnabled(fiber)
    if (span === undefined && !log) return Effect.void
    const attempt = fiber.getFiberRef(currentAttempt)
    const attributes: Record<string, unknown> = {
      "intercom.operation": op.name,
      "intercom.attempt": attempt,
      "intercom.delay_ms": delay,
      "intercom.rate_limit.reason": reason
    }
    if (requestId !== undefined) attributes["intercom.request_id"] = requestId
    return emit(fiber, span, log, waitEvent, attributes, () =>
      `Intercom ${op.name}: attempt ${attempt} waits ${delay} ms for the rate-limit window (${reason})`)
  })

/**
 * The operation span's last attributes: how many attempts were made, and the
 * status and request id of the last response (when there was one).
 *
 * @internal
 */
export const finalAttributes = (
  span: Tracer.Span,
  attempts: number,
  status: number | undefined,
  requestId: string | undefined
): void => {
  span.attribute("intercom.attempts", attempts)
  if (status !== undefined) span.attribute("http.response.status_code", status)
  if (requestId !== undefined && requestId !== "") span.attribute("intercom.request_id", requestId)
}
