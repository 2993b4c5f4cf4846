/**
 * Per-call options: what `IntercomClient.withToken`, `withVersion`,
 * `withHeaders`, `withQueryParams`, `withTimeout`, `withIdleTimeout`,
 * `withResponse` and `Retry.withPolicy` set for the calls of an effect, in one
 * `FiberRef`.
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { globalValue } from "effect/GlobalValue"
import type * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import type * as IntercomClient from "../IntercomClient.js"
import type { Operation } from "../Operation.js"

/** @internal */
export interface ResponseSink {
  current: IntercomClient.ResponseInfo | undefined
}

/** @internal */
export interface CallOptions {
  readonly token: Redacted.Redacted<string> | undefined
  readonly version: string | undefined
  /** Replaces the layer's base URL (without a trailing slash). */
  readonly baseUrl: string | undefined
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

/**
 * Run the Intercom calls of an effect with one call option replaced: what
 * every per-call combinator (`IntercomClient.withToken`, ...) does.
 *
 * @internal
 */
export const locally = <A, E, R, K extends keyof CallOptions>(
  self: Effect.Effect<A, E, R>,
  key: K,
  value: CallOptions[K]
): Effect.Effect<A, E, R> => Effect.locallyWith(self, currentCallOptions, (options) => ({ ...options, [key]: value }))
