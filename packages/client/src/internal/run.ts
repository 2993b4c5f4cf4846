/**
 * Running a call: one attempt (rate-limit permit, send, read, the attempt's
 * time-out, the idle time-out of a binary body), the retry driver that
 * feeds failed attempts to the retry policy, and what the call reports
 * (its metrics, each retry, the operation span's last attributes: `observe.ts`).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Cause from "effect/Cause"
import type * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Option from "effect/Option"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleIntervals from "effect/ScheduleIntervals"
import * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import type * as IntercomClient from "../IntercomClient.js"
import * as IntercomError from "../IntercomError.js"
import type { CommonError, Operation } from "../Operation.js"
import type { CallOptions, RetryAttempt } from "./callOptions.js"
import { compile } from "./compiled.js"
import * as Metrics from "./metrics.js"
import * as Observe from "./observe.js"
import { redactError } from "./redact.js"
import { buildRequest } from "./request.js"
import { decodeBody, handleResponse } from "./response.js"
import { tracedExecute } from "./tracing.js"

const manualRedirect = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(
    Effect.serviceOption(FetchHttpClient.RequestInit),
    (init) =>
      Effect.provideService(effect, FetchHttpClient.RequestInit, {
        ...Option.getOrUndefined(init),
        redirect: "manual"
      })
  )

/** The same error, recording how many attempts were made. */
const withAttempts = (error: unknown, attempts: number): unknown => {
  if (typeof error !== "object" || error === null || !("_tag" in error)) return error
  const tag = (error as { _tag: string })._tag
  if (tag === "TimeoutError" || ("status" in error && "errors" in error)) {
    const ErrorClass = error.constructor as new(props: object, disableValidation: boolean) => unknown
    return new ErrorClass({ ...error, attempts }, true)
  }
  return error
}

/** A time-out that applies: finite (`Duration.infinity` in call options means none). */
const finite = (timeout: Duration.Duration | undefined): Duration.Duration | undefined =>
  timeout !== undefined && Duration.isFinite(timeout) ? timeout : undefined

const timeoutError = (op: Operation<any, any, any>, timeout: Duration.Duration, kind: IntercomError.TimeoutKind) =>
  new IntercomError.TimeoutError({
    operation: op.name,
    method: op.method,
    path: op.path,
    durationMs: Duration.toMillis(timeout),
    kind
  }, true)

let liveClock: Clock.Clock | undefined
/** Effect's default clock (real time), as opposed to `TestClock` or a user's. */
const defaultClock = (): Clock.Clock => (liveClock ??= Effect.runSync(Effect.clock))

/** Now in milliseconds: sub-millisecond on the default clock, the clock's own time otherwise (`TestClock`). */
const now = (clock: Clock.Clock): number =>
  clock === defaultClock() ? performance.now() : clock.unsafeCurrentTimeMillis()

/** The longest `setTimeout` delay. */
const maxTimer = 2 ** 31 - 1

/**
 * `Effect.timeoutFail` for one attempt, at a third of its cost on the default
 * clock: the attempt runs in one child fiber (not two, plus a sleeping one)
 * and a plain timer races it. On time-out the attempt is interrupted without
 * waiting for it to wind down, so an attempt stuck in its own clean-up cannot
 * hold the call either. With another clock (`TestClock`), `Effect.timeoutFail`.
 */
const timeoutAttempt = <A, E, E2>(
  effect: Effect.Effect<A, E>,
  timeout: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2> =>
  Effect.clockWith((clock) => {
    const millis = Duration.toMillis(timeout)
    if (clock !== defaultClock() || millis > maxTimer) {
      return Effect.timeoutFail(effect, { duration: timeout, onTimeout })
    }
    return Effect.uninterruptibleMask((restore) =>
      Effect.flatMap(Effect.fork(restore(effect)), (child) =>
        Effect.async<A, E | E2>((resume) => {
          let done = false
          const timer = setTimeout(() => {
            if (done) return
            done = true
            child.unsafeInterruptAsFork(FiberId.none)
            resume(Effect.fail(onTimeout()))
          }, millis)
          child.addObserver((exit) => {
            if (done) return
            done = true
            clearTimeout(timer)
            resume(exit)
          })
          // the caller was interrupted
          return Effect.suspend(() => {
            done = true
            clearTimeout(timer)
            return child.interruptAsFork(FiberId.none)
          })
        }))
    )
  })

/**
 * A binary body that fails when no bytes arrive for `idle` while it is read
 * (the wait runs only while the consumer pulls, so a slow consumer is fine).
 */
const idleTimeout = (op: Operation<any, any, any>, idle: Duration.Duration) => (stream: unknown): unknown =>
  Stream.timeoutFail(stream as Stream.Stream<Uint8Array, unknown>, () => timeoutError(op, idle, "idle"), idle)

const noDelay = Effect.void

/**
 * `span`: the operation's span, `undefined` when no tracer records (the HTTP
 * client's spans are off too); with one, each attempt runs in our HTTP span
 * (`tracing.ts`), with trace headers when `propagate`. `fiber`: the caller's,
 * for its clock, metric labels and log level, read only when needed.
 *
 * What a call that needs no retry and no wait pays for being observed: two
 * clock reads, one `WeakMap` look-up (the operation's metrics) and two metric
 * updates, all without allocating; the handlers that see its end replace the
 * `catchAll` the retry driver needed anyway (without a retry policy, they are
 * one `matchCauseEffect` more).
 *
 * @internal
 */
export const run = (
  httpClient: HttpClient.HttpClient,
  config: IntercomClient.ResolvedConfig,
  op: Operation<any, any, any>,
  input: unknown,
  call: CallOptions,
  fiber: Fiber.RuntimeFiber<any, any>,
  span: Tracer.Span | undefined,
  propagate: boolean
): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
  if (call.baseUrlIssue !== undefined) {
    // `withBaseUrl` was given a URL that cannot be used: nothing is sent.
    return notSent(
      fiber,
      op,
      new IntercomError.InvalidInputError({ operation: op.name, jsonPath: "$baseUrl", issue: call.baseUrlIssue }, true)
    )
  }
  const compiled = compile(op)
  const request = buildRequest(config, op, compiled, input, call)
  if (request instanceof IntercomError.InvalidInputError) return notSent(fiber, op, request)
  const sink = call.sink
  const limiter = config.rateLimiter
  const timeout = finite(call.timeout ?? config.timeout)
  const idle = op.response === "binary" ? finite(call.idleTimeout ?? config.idleTimeout) : undefined
  const clock = Observe.clockOf(fiber)
  const started = now(clock)
  const metrics = Metrics.forOperation(op)
  let attempts = 1
  // The last response's status and request id, for the operation's span.
  let status: number | undefined
  let requestId: string | undefined

  // One attempt: wait for rate-limit budget, send, read the response, tell the limiter what it said.
  const send = (): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
    let headers: Headers.Headers | undefined
    let effect = Effect.flatMap(
      span === undefined ? httpClient.execute(request) : tracedExecute(httpClient, request, propagate),
      (response) => {
        headers = response.headers
        if (span !== undefined) {
          status = response.status
          requestId = response.headers["x-request-id"]
        }
        return handleResponse(op, sink, response)
      }
    )
    effect = Effect.mapError(effect, redactError)
    if (op.response === "redirect") effect = manualRedirect(effect)
    if (idle !== undefined) effect = Effect.map(effect, idleTimeout(op, idle))
    if (timeout !== undefined) {
      // Covers sending, the response headers and reading the body (for a binary body: until its headers).
      effect = timeoutAttempt(effect, timeout, () => timeoutError(op, timeout, "attempt"))
    }
    if (limiter !== undefined) {
      const attempt = effect
      effect = Effect.flatMap(
        limiter.acquire(op),
        (permit) => Effect.onExit(attempt, () => limiter.release(permit, headers))
      )
    }
    // A JSON body is decoded here, after the attempt (see `JsonBody`).
    return op.response === "json"
      ? Effect.flatMap(effect, (value) => decodeBody(op, compiled, value, config, call))
      : effect
  }

  const policy = call.retry ?? config.retry
  let state = policy?.initial

  // The end of each attempt. They replace the `catchAll` the retry driver needed anyway: a call that succeeds at
  // once pays nothing more for its metrics than a clock read and the updates. What only failures need is made in
  // `onFailure`.
  const handlers = {
    onSuccess: (value: unknown): Effect.Effect<unknown> => {
      const labels = Observe.metricLabels(fiber)
      metrics.success.unsafeUpdate(1, labels)
      metrics.duration.unsafeUpdate(now(clock) - started, labels)
      if (span !== undefined) Observe.finalAttributes(span, attempts, status, requestId)
      return Effect.succeed(value)
    },
    onFailure: (
      cause: Cause.Cause<CommonError | IntercomError.HttpStatusError>
    ): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
      const error = Cause.isFailType(cause) ? cause.error : Option.getOrUndefined(Cause.failureOption(cause))

      // The call failed for good: its metrics and span attributes, then the cause, or the error with the
      // number of attempts when the retry policy gave up.
      const fail = (gaveUp: boolean): Effect.Effect<never, CommonError | IntercomError.HttpStatusError> => {
        const labels = Observe.metricLabels(fiber)
        const outcome = error === undefined
          ? (Cause.isInterruptedOnly(cause) ? "Interrupted" : "Defect")
          : Observe.tagOf(error)
        metrics.outcome(outcome).unsafeUpdate(1, labels)
        metrics.duration.unsafeUpdate(now(clock) - started, labels)
        if (span !== undefined) {
          Observe.finalAttributes(
            span,
            attempts,
            error === undefined ? status : Observe.statusOf(error) ?? status,
            error === undefined ? requestId : Observe.requestIdOf(error) ?? requestId
          )
        }
        if (error === undefined || !gaveUp) return Effect.failCause(cause)
        return Effect.fail(withAttempts(error, attempts) as CommonError | IntercomError.HttpStatusError)
      }

      if (error === undefined) return fail(false)
      if (error._tag === "RateLimitError") metrics.rateLimited.unsafeUpdate(1, Observe.metricLabels(fiber))
      // A defect beside the failure is not retried (as `catchAll` would not).
      if (policy === undefined || Cause.isDie(cause)) return fail(false)

      // Feed the failed attempt to the retry policy: stepped here (not through `Schedule.driver`) to know the
      // delay before sleeping it, so the retry is reported when it is decided.
      return Effect.suspend(() => {
        const at = clock.unsafeCurrentTimeMillis()
        return Effect.flatMap(
          policy.step(at, { error, operation: op, attempt: attempts } satisfies RetryAttempt, state),
          ([next, _, decision]) => {
            state = next
            if (ScheduleDecision.isDone(decision)) return fail(true)
            const delay = Math.max(0, ScheduleIntervals.start(decision.intervals) - at)
            const report = Observe.reportRetry(fiber, span, op, metrics, attempts, error, delay)
            attempts++
            const attempt = Effect.locally(Effect.matchCauseEffect(send(), handlers), Observe.currentAttempt, attempts)
            const sleep = delay > 0 ? Effect.sleep(Duration.millis(delay)) : noDelay
            return Effect.zipRight(Effect.zipRight(report, sleep), attempt)
          }
        )
      })
    }
  }
  return Effect.matchCauseEffect(send(), handlers)
}

/** A call that failed before anything was sent: counted, with no duration. */
const notSent = (
  fiber: Fiber.RuntimeFiber<any, any>,
  op: Operation<any, any, any>,
  error: IntercomError.InvalidInputError
): Effect.Effect<never, IntercomError.InvalidInputError> => {
  Metrics.forOperation(op).outcome(error._tag).unsafeUpdate(1, Observe.metricLabels(fiber))
  return Effect.fail(error)
}
