/**
 * The Intercom client service: the access token, region, API version and
 * time-outs every operation runs with, and the combinators that change them
 * for one call.
 *
 * The service needs an `HttpClient` from `@effect/platform`: provide
 * `FetchHttpClient.layer`, `NodeHttpClient.layerUndici` or a mock.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import { Config, Layer } from "effect"
 *
 * // reads INTERCOM_TOKEN, INTERCOM_REGION, INTERCOM_BASE_URL, INTERCOM_VERSION
 * export const FromEnv = IntercomClient.layerConfig().pipe(Layer.provide(FetchHttpClient.layer))
 *
 * export const Eu = IntercomClient.layerConfig({
 *   token: Config.redacted("MY_INTERCOM_TOKEN"),
 *   region: Config.succeed("eu")
 * }).pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as callOptions from "./internal/callOptions.js"
import * as decodePolicy from "./internal/decodePolicy.js"
import * as internal from "./internal/interpreter.js"
import type { CommonError, Operation } from "./Operation.js"
import * as RateLimit from "./RateLimit.js"
import * as Retry from "./Retry.js"

/**
 * An Intercom hosting region.
 *
 * @since 0.1.0
 * @category models
 */
export type Region = "us" | "eu" | "au"

/**
 * The API base URL of each region.
 *
 * @since 0.1.0
 * @category constants
 */
export const regionBaseUrls: { readonly [R in Region]: string } = {
  us: "https://api.intercom.io",
  eu: "https://api.eu.intercom.io",
  au: "https://api.au.intercom.io"
}

/**
 * The `Intercom-Version` sent by default: the version the stable schemas
 * were generated from.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultVersion: string = decodePolicy.schemaVersion

/**
 * The default time-out of one attempt: 30 seconds to send the request,
 * receive the response headers and read a JSON, text or error body. A
 * timed-out attempt fails with a `TimeoutError` (`kind: "attempt"`), which
 * the default retry policy retries for idempotent operations.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultTimeout: Duration.Duration = Duration.seconds(30)

/**
 * The default idle time-out of a binary download (a byte `Stream`): 60
 * seconds without a byte while the stream is read fail it with a
 * `TimeoutError` (`kind: "idle"`). A download that keeps flowing is never
 * cut off, however long it takes.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultIdleTimeout: Duration.Duration = Duration.seconds(60)

/**
 * How a success body that does not match its schema is handled:
 *
 * - `strict`: the call fails with a `ResponseDecodeError` listing every
 *   mismatch (up to `IntercomError.maxMismatches`), each with its JSON path;
 * - `lenient`: the call succeeds with the parsed body as Intercom sent it,
 *   and each mismatch is reported (a warning log line and a
 *   `intercom.response.mismatch` event on the operation's span, naming the
 *   operation, JSON path, expected and actual), once per operation and path
 *   per layer.
 *
 * The default is `strict` at the version the schemas were generated from
 * (`defaultVersion`) and `lenient` when another version is pinned, per layer
 * or per call. An empty or non-JSON body fails under both.
 *
 * @since 0.1.0
 * @category models
 */
export type DecodePolicy = "strict" | "lenient"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** An access token (or an OAuth token of the workspace). */
  readonly token: Redacted.Redacted<string>
  /** Defaults to `us`. */
  readonly region?: Region | undefined
  /** Overrides the region's base URL, for example for a proxy or a mock server. */
  readonly baseUrl?: string | undefined
  /** The `Intercom-Version` of stable operations. Defaults to `2.14`. */
  readonly version?: string | undefined
  /**
   * The time-out of each attempt: sending the request, the response headers,
   * and reading a JSON, text or error body (default `defaultTimeout`, 30 s).
   * A retried call gets it per attempt. `false` (or `Duration.infinity`): no
   * time-out.
   */
  readonly timeout?: Duration.DurationInput | false | undefined
  /**
   * The longest wait for the next bytes of a binary download while its
   * stream is read (default `defaultIdleTimeout`, 60 s). `false` (or
   * `Duration.infinity`): none.
   */
  readonly idleTimeout?: Duration.DurationInput | false | undefined
  /** Transforms the `HttpClient` once, for example to add a proxy header. */
  readonly transformClient?: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
  /**
   * Send the trace context (`traceparent`, `b3`) with requests to Intercom
   * (default false: a third party has no use for it).
   */
  readonly propagateTraces?: boolean | undefined
  /**
   * How a body that does not match its schema is handled (default `strict`
   * at `defaultVersion`, `lenient` at any other `version`).
   */
  readonly decode?: DecodePolicy | undefined
  /** The retry policy (default `Retry.defaultPolicy`); `false` for none. */
  readonly retry?: Retry.Policy | false | undefined
  /**
   * The rate limiter shared by every call made through this client (default:
   * the `RateLimit.SharedRateLimiter` in context if any, else a new
   * `RateLimit.adaptive()` per layer); `false` for none.
   */
  readonly rateLimiter?: RateLimit.RateLimiter | false | undefined
}

/**
 * The configuration the service runs with. The token stays `Redacted`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ResolvedConfig {
  readonly token: Redacted.Redacted<string>
  readonly region: Region
  /** Without a trailing slash. */
  readonly baseUrl: string
  readonly version: string
  /** The per-attempt time-out; `undefined`: none (opted out). */
  readonly timeout: Duration.Duration | undefined
  /** The idle time-out of binary bodies; `undefined`: none (opted out). */
  readonly idleTimeout: Duration.Duration | undefined
  /** `undefined`: `strict` at `defaultVersion`, `lenient` at another version. */
  readonly decode: DecodePolicy | undefined
  readonly retry: Retry.Policy | undefined
  readonly rateLimiter: RateLimit.RateLimiter | undefined
}

/**
 * The status and headers of a response, as `withResponse` returns them.
 *
 * @since 0.1.0
 * @category models
 */
export interface ResponseInfo {
  readonly status: number
  readonly headers: Headers.Headers
}

/**
 * @since 0.1.0
 * @category models
 */
export interface WithResponse<A> {
  readonly value: A
  readonly response: ResponseInfo
}

/**
 * The Intercom client service.
 *
 * @since 0.1.0
 * @category tags
 */
export class IntercomClient extends Context.Tag("@effect-intercom/client/IntercomClient")<
  IntercomClient,
  IntercomClient.Service
>() {}

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace IntercomClient {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    readonly config: ResolvedConfig
    /** The `HttpClient` requests are sent with (after `transformClient`). */
    readonly httpClient: HttpClient.HttpClient
    /** Run an operation: validate the input, send the request, decode the response. */
    readonly execute: <I, A, E>(operation: Operation<I, A, E>, input: I) => Effect.Effect<A, E | CommonError>
  }
}

/** `false` and infinite durations mean none (`undefined`). */
const resolveTimeout = (
  input: Duration.DurationInput | false | undefined,
  fallback: Duration.Duration
): Duration.Duration | undefined => {
  if (input === false) return undefined
  const duration = input === undefined ? fallback : Duration.decode(input)
  return Duration.isFinite(duration) ? duration : undefined
}

const resolve = (options: Options): ResolvedConfig => {
  const region = options.region ?? "us"
  const baseUrl = (options.baseUrl ?? regionBaseUrls[region]).replace(/\/+$/, "")
  return {
    token: options.token,
    region,
    baseUrl,
    version: options.version ?? defaultVersion,
    timeout: resolveTimeout(options.timeout, defaultTimeout),
    idleTimeout: resolveTimeout(options.idleTimeout, defaultIdleTimeout),
    decode: options.decode,
    retry: options.retry === false ? undefined : options.retry ?? Retry.defaultPolicy,
    rateLimiter: options.rateLimiter === false ? undefined : options.rateLimiter ?? RateLimit.adaptive()
  }
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<IntercomClient.Service, never, HttpClient.HttpClient> =>
  Effect.map(
    Effect.zip(HttpClient.HttpClient, Effect.serviceOption(RateLimit.SharedRateLimiter)),
    ([httpClient, shared]) =>
      internal.makeService(
        options.transformClient === undefined ? httpClient : options.transformClient(httpClient),
        resolve(
          options.rateLimiter === undefined && Option.isSome(shared)
            ? { ...options, rateLimiter: shared.value }
            : options
        ),
        // W3C / B3 trace headers go to Intercom only when asked for.
        options.propagateTraces === true
      )
  )

const redactAuthorization = Layer.fiberRefLocallyScopedWith(
  Headers.currentRedactedNames,
  (names) => names.includes("authorization") ? names : [...names, "authorization"]
)

/**
 * The service as a layer. It also makes sure `authorization` is among
 * `Headers.currentRedactedNames`, so HTTP spans never record the token.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<IntercomClient, never, HttpClient.HttpClient> =>
  Layer.merge(Layer.effect(IntercomClient, make(options)), redactAuthorization)

/**
 * The default configuration, from the environment:
 * `INTERCOM_TOKEN` (required), `INTERCOM_REGION` (`us`, `eu` or `au`),
 * `INTERCOM_BASE_URL` and `INTERCOM_VERSION` (default `2.14`).
 *
 * @since 0.1.0
 * @category config
 */
export const defaultConfig: Config.Config<Options> = Config.all({
  token: Config.redacted("INTERCOM_TOKEN"),
  region: Config.literal("us", "eu", "au")("INTERCOM_REGION").pipe(Config.option, Config.map(Option.getOrUndefined)),
  baseUrl: Config.string("INTERCOM_BASE_URL").pipe(Config.option, Config.map(Option.getOrUndefined)),
  version: Config.string("INTERCOM_VERSION").pipe(Config.withDefault(defaultVersion))
})

/**
 * The service as a layer, configured with `Config`. Without an argument it
 * reads the environment variables of `defaultConfig`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Config.Config.Wrap<Options> = defaultConfig
): Layer.Layer<IntercomClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.unwrapEffect(Effect.map(Config.unwrap(options), layer))

// -----------------------------------------------------------------------------
// per-call overrides
// -----------------------------------------------------------------------------

/**
 * Run the Intercom calls of an effect with another access token, for example
 * the OAuth token of one of the workspaces of a multi-workspace app.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withToken: {
  (token: Redacted.Redacted<string>): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, token: Redacted.Redacted<string>): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, token: Redacted.Redacted<string>): Effect.Effect<A, E, R> =>
    callOptions.locally(self, "token", token)
)

/**
 * Run the stable Intercom calls of an effect with another `Intercom-Version`.
 * Preview operations always send `Unstable`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withVersion: {
  (version: string): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, version: string): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, version: string): Effect.Effect<A, E, R> =>
    callOptions.locally(self, "version", version)
)

/**
 * Add headers to the Intercom calls of an effect. Names are case-insensitive;
 * the innermost `withHeaders` wins, and these headers win over the client's
 * own.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withHeaders: {
  (headers: Readonly<Record<string, string>>): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, headers: Readonly<Record<string, string>>): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, headers: Readonly<Record<string, string>>): Effect.Effect<A, E, R> => {
    const lower: Record<string, string> = {}
    for (const key of Object.keys(headers)) lower[key.toLowerCase()] = headers[key]
    return Effect.locallyWith(
      self,
      callOptions.currentCallOptions,
      (options) => ({ ...options, headers: options.headers === undefined ? lower : { ...options.headers, ...lower } })
    )
  }
)

/**
 * Add query parameters to the Intercom calls of an effect. A parameter also
 * set by the operation's input is replaced.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withQueryParams: {
  (
    params: Readonly<Record<string, string | number | boolean>>
  ): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(
    self: Effect.Effect<A, E, R>,
    params: Readonly<Record<string, string | number | boolean>>
  ): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(
    self: Effect.Effect<A, E, R>,
    params: Readonly<Record<string, string | number | boolean>>
  ): Effect.Effect<A, E, R> => {
    const query: Record<string, string> = {}
    for (const key of Object.keys(params)) query[key] = String(params[key])
    return Effect.locallyWith(
      self,
      callOptions.currentCallOptions,
      (options) => ({ ...options, query: options.query === undefined ? query : { ...options.query, ...query } })
    )
  }
)

/**
 * Give each attempt of the Intercom calls of an effect another time-out
 * (replacing the client's, `defaultTimeout` unless configured): sending the
 * request, the response headers, and reading a JSON, text or error body. An
 * attempt that takes longer fails with a `TimeoutError` (`kind: "attempt"`),
 * which the retry policy may retry. `false` (or `Duration.infinity`): no
 * time-out.
 *
 * @example
 * ```ts
 * import { Intercom, IntercomClient } from "@effect-intercom/client"
 * import { Effect } from "effect"
 *
 * export const quick = Effect.gen(function*() {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* intercom.admins.identify()
 * }).pipe(IntercomClient.withTimeout("5 seconds"))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withTimeout: {
  (duration: Duration.DurationInput | false): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, duration: Duration.DurationInput | false): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, duration: Duration.DurationInput | false): Effect.Effect<A, E, R> =>
    callOptions.locally(self, "timeout", duration === false ? Duration.infinity : Duration.decode(duration))
)

/**
 * Give the binary downloads of an effect another idle time-out (replacing the
 * client's, `defaultIdleTimeout` unless configured): the byte `Stream` fails
 * with a `TimeoutError` (`kind: "idle"`) when no bytes arrive for that long
 * while it is read. `false` (or `Duration.infinity`): none.
 *
 * @example
 * ```ts
 * import { Intercom, IntercomClient } from "@effect-intercom/client"
 * import { Effect, Stream } from "effect"
 *
 * export const download = Effect.gen(function*() {
 *   const intercom = yield* Intercom.Intercom
 *   const bytes = yield* intercom.dataExport.download({ job_identifier: "job1" })
 *   return yield* Stream.runFold(bytes, 0, (n, chunk) => n + chunk.length)
 * }).pipe(IntercomClient.withIdleTimeout("2 minutes"))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withIdleTimeout: {
  (duration: Duration.DurationInput | false): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, duration: Duration.DurationInput | false): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, duration: Duration.DurationInput | false): Effect.Effect<A, E, R> =>
    callOptions.locally(self, "idleTimeout", duration === false ? Duration.infinity : Duration.decode(duration))
)

/**
 * Decode the responses of the Intercom calls of an effect with another
 * policy (replacing the layer's): `lenient` for a bulk job that must not
 * lose a page to a field the spec describes wrongly, `strict` to fail fast.
 *
 * @example
 * ```ts
 * import { Intercom, IntercomClient } from "@effect-intercom/client"
 * import { Effect, Stream } from "effect"
 *
 * export const sync = Effect.gen(function*() {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* intercom.contacts.listStream({ per_page: 150 }).pipe(Stream.runCount)
 * }).pipe(IntercomClient.withDecodePolicy("lenient"))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withDecodePolicy: {
  (policy: DecodePolicy): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: DecodePolicy): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: DecodePolicy): Effect.Effect<A, E, R> =>
    callOptions.locally(self, "decode", policy)
)

/**
 * Return the status and headers of the response beside the decoded value, for
 * example to read the rate-limit headers. When the effect makes several
 * Intercom calls, the last response is returned. An effect that makes none
 * dies.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withResponse = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<WithResponse<A>, E, R> =>
  Effect.suspend(() => {
    const sink: callOptions.ResponseSink = { current: undefined }
    return Effect.flatMap(
      Effect.locallyWith(self, callOptions.currentCallOptions, (options) => ({ ...options, sink })),
      (value) =>
        sink.current === undefined
          ? Effect.dieMessage("IntercomClient.withResponse: the effect made no Intercom call")
          : Effect.succeed({ value, response: sink.current })
    )
  })
