/**
 * Per-call options: what `IntercomClient.withToken`, `withVersion`,
 * `withHeaders`, `withQueryParams`, `withTimeout`, `withIdleTimeout`,
 * `withDecodePolicy`, `withBaseUrl`, `withRegion`, `withResponse` and
 * `Retry.withPolicy` set for the calls of an effect or a stream, in one
 * `FiberRef`.
 *
 * On an effect the option is set with `Effect.locallyWith`. A stream has no
 * `locally` in Effect 3, and `FiberRef.locallyScopedWith` would set it on the
 * fiber that starts the stream only (not on the fiber of each pull of
 * `Stream.toAsyncIterable`, and for both sides of a `Stream.zip` at once), so
 * a stream is turned into its pull (`Stream.toPull`) and every pull runs with
 * the option (`Effect.locallyWith`): each page request, however late it is
 * pulled and by whichever fiber, sees it, and fibers the stream forks
 * (`Stream.buffer`, `Stream.merge`) inherit it. The consumer's own effects
 * run outside the pull and do not.
 */
import type * as Headers from "@effect/platform/Headers"
import * as Chunk from "effect/Chunk"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import { globalValue } from "effect/GlobalValue"
import { hasProperty } from "effect/Predicate"
import type * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import type * as IntercomClient from "../IntercomClient.js"
import * as IntercomError from "../IntercomError.js"
import type { Operation } from "../Operation.js"

/** @internal Where `withResponse` collects the response of each call (and of the calls of inner `withResponse`s). */
export interface ResponseSink {
  current: IntercomClient.ResponseInfo | undefined
  /** The sink of the enclosing `withResponse`, which sees the same responses. */
  readonly parent: ResponseSink | undefined
  /** Record a response here and in the parents. */
  readonly record: (status: number, headers: Headers.Headers) => void
}

/** @internal */
export interface CallOptions {
  readonly token: Redacted.Redacted<string> | undefined
  readonly version: string | undefined
  /** Replaces the layer's base URL (without a trailing slash). */
  readonly baseUrl: string | undefined
  /** Why the base URL given to `withBaseUrl` cannot be used: each call fails with an `InvalidInputError`. */
  readonly baseUrlIssue: string | undefined
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>> | undefined
  readonly query: Readonly<Record<string, string>> | undefined
  /** Replaces the layer's per-attempt time-out; `Duration.infinity`: none. */
  readonly timeout: Duration.Duration | undefined
  /** Replaces the layer's idle time-out of binary bodies; `Duration.infinity`: none. */
  readonly idleTimeout: Duration.Duration | undefined
  readonly sink: ResponseSink | undefined
  /** Replaces the layer's decode policy. */
  readonly decode: IntercomClient.DecodePolicy | undefined
  /** Replaces the layer's retry policy. */
  readonly retry: Schedule.Schedule<unknown, RetryAttempt> | undefined
}

/** @internal What the retry schedule sees (`Retry.Attempt`). */
export interface RetryAttempt {
  readonly error: any
  readonly operation: Operation<any, any, any>
  readonly attempt: number
}

const emptyCallOptions: CallOptions = {
  token: undefined,
  version: undefined,
  baseUrl: undefined,
  baseUrlIssue: undefined,
  headers: undefined,
  query: undefined,
  timeout: undefined,
  idleTimeout: undefined,
  sink: undefined,
  decode: undefined,
  retry: undefined
}

/** @internal */
export const currentCallOptions: FiberRef.FiberRef<CallOptions> = globalValue(
  Symbol.for("@effect-intercom/client/IntercomClient/currentCallOptions"),
  () => FiberRef.unsafeMake(emptyCallOptions)
)

// -----------------------------------------------------------------------------
// effects and streams
// -----------------------------------------------------------------------------

type Target = IntercomClient.Overridable
type Same<Self> = IntercomClient.Overridden<Self>

/**
 * @internal A `Stream` that is not an `Effect`: in Effect 3 every effect is
 * also a stream (of its one value), so effects are told apart first.
 */
export const isStream = (u: unknown): u is Stream.Stream<unknown, unknown, unknown> =>
  !Effect.isEffect(u) && hasProperty(u, Stream.StreamTypeId)

/** Every pull of the stream (and the creation of its pull) runs under `wrap`. */
const wrapPulls = <A, E, R>(
  self: Stream.Stream<A, E, R>,
  wrap: <X, Y, Z>(effect: Effect.Effect<X, Y, Z>) => Effect.Effect<X, Y, Z>
): Stream.Stream<A, E, R> => Stream.fromPull(Effect.map(wrap(Stream.toPull(self)), wrap))

/**
 * Run the Intercom calls of an effect, or of every pull of a stream, with the
 * call options changed by `f`: what every per-call combinator
 * (`IntercomClient.withToken`, ...) does.
 *
 * @internal
 */
export const locallyWith = <Self extends Target>(self: Self, f: (options: CallOptions) => CallOptions): Same<Self> =>
  (isStream(self)
    ? wrapPulls(self, (effect) => Effect.locallyWith(effect, currentCallOptions, f))
    : Effect.locallyWith(self as Effect.Effect<unknown, unknown, unknown>, currentCallOptions, f)) as Same<Self>

/**
 * Run the Intercom calls of an effect or a stream with one call option
 * replaced.
 *
 * @internal
 */
export const locally = <Self extends Target, K extends keyof CallOptions>(
  self: Self,
  key: K,
  value: CallOptions[K]
): Same<Self> => locallyWith(self, (options) => ({ ...options, [key]: value }))

// -----------------------------------------------------------------------------
// responses
// -----------------------------------------------------------------------------

/** @internal A sink that also records into `parent` (an enclosing `withResponse`'s). */
export const makeSink = (parent: ResponseSink | undefined): ResponseSink => {
  const sink: ResponseSink = {
    current: undefined,
    parent,
    record: (status, headers) => {
      const requestId = headers["x-request-id"]
      const info: IntercomClient.ResponseInfo = {
        status,
        headers,
        requestId: requestId === undefined || requestId === "" ? undefined : requestId,
        rateLimit: IntercomError.parseRateLimit(headers)
      }
      for (let s: ResponseSink | undefined = sink; s !== undefined; s = s.parent) s.current = info
    }
  }
  return sink
}

const withSink = <A, E, R>(self: Effect.Effect<A, E, R>, sink: ResponseSink): Effect.Effect<A, E, R> =>
  Effect.locallyWith(self, currentCallOptions, (options) => ({ ...options, sink }))

/**
 * @internal For a page fetched ahead of its consumer (read-ahead, concurrent
 * pages): its calls' response, kept beside the value instead of recorded
 * into the sink of the enclosing `withResponse` (which its consumer has not
 * reached yet); `undefined` when no `withResponse` listens.
 */
export const captureResponse = <A, E, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<readonly [A, IntercomClient.ResponseInfo | undefined], E, R> =>
  Effect.withFiberRuntime((fiber) => {
    const options = fiber.getFiberRef(currentCallOptions)
    if (options.sink === undefined) return Effect.map(self, (value) => [value, undefined] as const)
    const own = makeSink(undefined)
    return Effect.map(
      Effect.locally(self, currentCallOptions, { ...options, sink: own }),
      (value) => [value, own.current] as const
    )
  })

/**
 * @internal A captured response recorded where its consumer is, into the
 * sink of its `withResponse` (and the enclosing ones), as the call would have.
 */
export const replayResponse = <A>(
  value: A,
  response: IntercomClient.ResponseInfo | undefined
): Effect.Effect<A> =>
  response === undefined ? Effect.succeed(value) : Effect.withFiberRuntime((fiber) => {
    for (let s = fiber.getFiberRef(currentCallOptions).sink; s !== undefined; s = s.parent) s.current = response
    return Effect.succeed(value)
  })

const noCall = "IntercomClient.withResponse: the effect made no Intercom call"

const effectWithResponse = <A, E, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<IntercomClient.WithResponse<A>, E, R> =>
  Effect.withFiberRuntime((fiber) => {
    const sink = makeSink(fiber.getFiberRef(currentCallOptions).sink)
    return Effect.flatMap(withSink(self, sink), (value) =>
      sink.current === undefined
        ? Effect.dieMessage(noCall)
        : Effect.succeed({ value, response: sink.current }))
  })

/**
 * Each element of the stream with the response of the latest Intercom call
 * the stream made before emitting it (its page's, when pages are fetched as
 * they are pulled). One sink per run of the stream.
 */
const streamWithResponse = <A, E, R>(
  self: Stream.Stream<A, E, R>
): Stream.Stream<IntercomClient.WithResponse<A>, E, R> =>
  Stream.fromPull(Effect.withFiberRuntime((fiber) => {
    const sink = makeSink(fiber.getFiberRef(currentCallOptions).sink)
    return Effect.map(withSink(Stream.toPull(self), sink), (pull) =>
      Effect.flatMap(withSink(pull, sink), (chunk) => {
        const response = sink.current
        if (response === undefined) {
          return Chunk.isEmpty(chunk)
            ? Effect.succeed(Chunk.empty<IntercomClient.WithResponse<A>>())
            : Effect.dieMessage("IntercomClient.withResponse: the stream emitted an element before any Intercom call")
        }
        return Effect.succeed(Chunk.map(chunk, (value) => ({ value, response })))
      }))
  }))

/** @internal */
export const withResponse = <Self extends Target>(self: Self): IntercomClient.WithResponseOf<Self> =>
  (isStream(self)
    ? streamWithResponse(self)
    : effectWithResponse(self as Effect.Effect<unknown, unknown, unknown>)) as IntercomClient.WithResponseOf<Self>

// -----------------------------------------------------------------------------
// base URLs
// -----------------------------------------------------------------------------

/**
 * The base URL requests are sent to (origin and path, without a trailing
 * slash), or why it cannot be used: it must be an absolute `http://` or
 * `https://` URL without credentials (the token goes in `authorization`),
 * query string or fragment (the request path is appended to it). The issue
 * never repeats the URL: it may hold a secret.
 *
 * @internal
 */
export const parseBaseUrl = (input: string): Either.Either<string, string> => {
  if (typeof input !== "string" || input.trim() === "") return Either.left("must not be empty")
  const text = input.trim()
  if (!/^https?:\/\//i.test(text)) {
    return Either.left("must be an absolute URL starting with http:// or https://")
  }
  if (text.includes("?") || text.includes("#")) {
    return Either.left("must not have a query string or a fragment (the request path is appended to it)")
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return Either.left("is not a valid URL")
  }
  if (url.username !== "" || url.password !== "") {
    return Either.left("must not contain credentials (the access token is sent in the authorization header)")
  }
  return Either.right(`${url.origin}${url.pathname}`.replace(/\/+$/, ""))
}
