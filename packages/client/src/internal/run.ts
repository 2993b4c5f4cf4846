/**
 * Running a call: one attempt (rate-limit permit, send, read, the attempt's
 * time-out, the idle time-out of a binary body), and the retry driver that
 * feeds failed attempts to the retry policy.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import type * as IntercomClient from "../IntercomClient.js"
import * as IntercomError from "../IntercomError.js"
import type { CommonError, Operation } from "../Operation.js"
import type { CallOptions, RetryAttempt } from "./callOptions.js"
import { compile } from "./compiled.js"
import { redactError } from "./redact.js"
import { buildRequest } from "./request.js"
import { handleResponse } from "./response.js"
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

/**
 * `tracing`: `undefined` when no tracer records (the HTTP client's spans are
 * off too), else each attempt runs in our HTTP span (`tracing.ts`).
 *
 * @internal
 */
export const run = (
  httpClient: HttpClient.HttpClient,
  config: IntercomClient.ResolvedConfig,
  op: Operation<any, any, any>,
  input: unknown,
  call: CallOptions,
  tracing: { readonly propagate: boolean } | undefined
): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
  if (call.baseUrlIssue !== undefined) {
    // `withBaseUrl` was given a URL that cannot be used: nothing is sent.
    return Effect.fail(
      new IntercomError.InvalidInputError({ operation: op.name, jsonPath: "$baseUrl", issue: call.baseUrlIssue }, true)
    )
  }
  const compiled = compile(op)
  const request = buildRequest(config, op, compiled, input, call)
  if (request instanceof IntercomError.InvalidInputError) return Effect.fail(request)
  const sink = call.sink
  const limiter = config.rateLimiter
  const timeout = finite(call.timeout ?? config.timeout)
  const idle = op.response === "binary" ? finite(call.idleTimeout ?? config.idleTimeout) : undefined

  // One attempt: wait for rate-limit budget, send, read the response, tell the limiter what it said.
  const send = (): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
    let headers: Headers.Headers | undefined
    let effect = Effect.flatMap(
      tracing === undefined ? httpClient.execute(request) : tracedExecute(httpClient, request, tracing.propagate),
      (response) => {
        headers = response.headers
        return handleResponse(op, compiled, sink, response, config, call)
      }
    )
    effect = Effect.mapError(effect, redactError)
    if (op.response === "redirect") effect = manualRedirect(effect)
    if (idle !== undefined) effect = Effect.map(effect, idleTimeout(op, idle))
    if (timeout !== undefined) {
      // Covers sending, the response headers and reading the body (for a binary body: until its headers).
      effect = timeoutAttempt(effect, timeout, () => timeoutError(op, timeout, "attempt"))
    }
    if (limiter === undefined) return effect
    return Effect.flatMap(
      limiter.acquire(op),
      (permit) => Effect.onExit(effect, () => limiter.release(permit, headers))
    )
  }

  const policy = call.retry ?? config.retry
  if (policy === undefined) return send()
  // The retry schedule only starts after a failure: a call that succeeds at once pays nothing for it.
  return Effect.catchAll(send(), (error) =>
    Effect.flatMap(Schedule.driver(policy), (driver) => {
      let attempts = 1
      const retry = (error: CommonError | IntercomError.HttpStatusError): Effect.Effect<
        unknown,
        CommonError | IntercomError.HttpStatusError
      > =>
        Effect.matchEffect(driver.next({ error, operation: op, attempt: attempts } satisfies RetryAttempt), {
          onFailure: () => Effect.fail(withAttempts(error, attempts) as CommonError | IntercomError.HttpStatusError),
          onSuccess: () => {
            attempts++
            return Effect.catchAll(send(), retry)
          }
        })
      return retry(error)
    }))
}
