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
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Config from "effect/Config"
 * import * as Layer from "effect/Layer"
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
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type * as Stream from "effect/Stream"
import type * as IntercomError from "./IntercomError.js"
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
 * An `Intercom-Version`: the versions Intercom publishes (the enum of the
 * `Intercom-Version` header in its OpenAPI descriptions, `1.0` to `2.16`, and
 * `Unstable`, which preview operations always send), or any other string, for
 * a version released after this package.
 *
 * The stable schemas were generated from `defaultVersion`; responses of
 * another version are decoded leniently unless a decode policy says
 * otherwise (see `DecodePolicy`).
 *
 * @since 0.1.0
 * @category models
 */
export type ApiVersion =
  | "1.0"
  | "1.1"
  | "1.2"
  | "1.3"
  | "1.4"
  | "2.0"
  | "2.1"
  | "2.2"
  | "2.3"
  | "2.4"
  | "2.5"
  | "2.6"
  | "2.7"
  | "2.8"
  | "2.9"
  | "2.10"
  | "2.11"
  | "2.12"
  | "2.13"
  | "2.14"
  | "2.15"
  | "2.16"
  | "Unstable"
  | (string & {})

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
  /**
   * An access token (or an OAuth token of the workspace). It may be left out
   * when every call brings its own (`withToken`, `OAuth.withToken`), as in an
   * app serving many workspaces: a call with no token from either fails with
   * an `InvalidInputError` at `$token` before anything is sent.
   */
  readonly token?: Redacted.Redacted<string> | undefined
  /** Defaults to `us`. */
  readonly region?: Region | undefined
  /**
   * Overrides the region's base URL, for example for a proxy or a mock
   * server: an `http://` or `https://` URL, optionally with a path, without
   * credentials, query string or fragment (trailing slashes are dropped). A
   * URL that parses but breaks these rules makes the layer die with a message
   * saying why (a request must never go somewhere unintended); one that does
   * not parse at all fails each call with a `RequestError` (`InvalidUrl`).
   */
  readonly baseUrl?: string | undefined
  /** The `Intercom-Version` of stable operations. Defaults to `2.14`. */
  readonly version?: ApiVersion | undefined
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
  /** `undefined`: none; each call brings its own (`withToken`). */
  readonly token: Redacted.Redacted<string> | undefined
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
  /** Lower-case names. */
  readonly headers: Headers.Headers
  /** The `X-Request-Id` header, the id to quote to Intercom's support. */
  readonly requestId: string | undefined
  /** The `X-RateLimit-Limit`, `-Remaining` and `-Reset` headers, when all three are there. */
  readonly rateLimit: IntercomError.RateLimit | undefined
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

/** The layer's base URL, or why it cannot be used (see `Options.baseUrl`). */
const resolveBaseUrl = (input: string): Either.Either<string, string> => {
  const checked = callOptions.parseBaseUrl(input)
  if (Either.isRight(checked)) return checked
  try {
    new URL(input)
  } catch {
    // Nothing can be sent to it: each call fails with a `RequestError` (`InvalidUrl`).
    return Either.right(input.replace(/\/+$/, ""))
  }
  return checked
}

const resolve = (options: Options, baseUrl: string): ResolvedConfig => {
  const region = options.region ?? "us"
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
  Either.match(resolveBaseUrl(options.baseUrl ?? regionBaseUrls[options.region ?? "us"]), {
    onLeft: (issue) => Effect.dieMessage(`IntercomClient: the baseUrl option ${issue}`),
    onRight: (baseUrl) =>
      Effect.map(
        Effect.zip(HttpClient.HttpClient, Effect.serviceOption(RateLimit.SharedRateLimiter)),
        ([httpClient, shared]) =>
          internal.makeService(
            options.transformClient === undefined ? httpClient : options.transformClient(httpClient),
            resolve(
              options.rateLimiter === undefined && Option.isSome(shared)
                ? { ...options, rateLimiter: shared.value }
                : options,
              baseUrl
            ),
            // W3C / B3 trace headers go to Intercom only when asked for.
            options.propagateTraces === true
          )
      )
  })

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
// Annotated pure so that a program not using it drops it and Effect's `Config` code with it (0.7 KB gzip).
export const defaultConfig: Config.Config<Options> = /*#__PURE__*/ Config.all({
  token: /*#__PURE__*/ Config.redacted("INTERCOM_TOKEN"),
  region: /*#__PURE__*/ Config.map(
    /*#__PURE__*/ Config.option(/*#__PURE__*/ Config.literal("us", "eu", "au")("INTERCOM_REGION")),
    Option.getOrUndefined
  ),
  baseUrl: /*#__PURE__*/ Config.map(
    /*#__PURE__*/ Config.option(/*#__PURE__*/ Config.string("INTERCOM_BASE_URL")),
    Option.getOrUndefined
  ),
  version: /*#__PURE__*/ Config.withDefault(/*#__PURE__*/ Config.string("INTERCOM_VERSION"), defaultVersion)
})

/**
 * The service as a layer, configured with `Config`. Without an argument it
 * reads the environment variables of `defaultConfig`. A base URL that would
 * send requests elsewhere (`INTERCOM_BASE_URL=https://user:pw@host`, a query,
 * another scheme) fails the layer with a `ConfigError` (`InvalidData` at
 * `baseUrl`), as a bad region does.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Config.Config.Wrap<Options> = defaultConfig
): Layer.Layer<IntercomClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.unwrapEffect(Effect.flatMap(Config.unwrap(options), (resolved) =>
    resolved.baseUrl === undefined
      ? Effect.succeed(layer(resolved))
      : Either.match(resolveBaseUrl(resolved.baseUrl), {
        onLeft: (issue) =>
          Effect.fail(ConfigError.InvalidData(["baseUrl"], `the base URL (INTERCOM_BASE_URL by default) ${issue}`)),
        onRight: () => Effect.succeed(layer(resolved))
      })))

// -----------------------------------------------------------------------------
// per-call overrides
// -----------------------------------------------------------------------------

/**
 * What a per-call combinator applies to: an effect, or a stream (for example
 * the `xStream` or `xPages` of a paginated method).
 *
 * On a stream the option applies to every Intercom call made while the stream
 * runs, each page request included, however late it is pulled and whoever
 * pulls it (`Stream.toAsyncIterable`, `Stream.buffer`, `Stream.merge`, ...);
 * not to the effects of the stream's consumer.
 *
 * @since 0.1.0
 * @category models
 */
export type Overridable = Effect.Effect<unknown, unknown, unknown> | Stream.Stream<unknown, unknown, unknown>

/**
 * The result of a per-call combinator: the same kind (`Effect` or `Stream`)
 * with the same success, error and requirement types. (An `Effect` is tested
 * first: in Effect 3 every effect is also a one-element stream.)
 *
 * @since 0.1.0
 * @category models
 */
export type Overridden<Self> = Self extends Effect.Effect<infer A, infer E, infer R> ? Effect.Effect<A, E, R>
  : Self extends Stream.Stream<infer A, infer E, infer R> ? Stream.Stream<A, E, R>
  : never

/**
 * The result of `withResponse`: an effect of `WithResponse<A>`, or a stream of
 * `WithResponse<A>` elements.
 *
 * @since 0.1.0
 * @category models
 */
export type WithResponseOf<Self> = Self extends Effect.Effect<infer A, infer E, infer R>
  ? Effect.Effect<WithResponse<A>, E, R>
  : Self extends Stream.Stream<infer A, infer E, infer R> ? Stream.Stream<WithResponse<A>, E, R>
  : never

/**
 * Run the Intercom calls of an effect or a stream with another access token,
 * for example the OAuth token of one of the workspaces of a multi-workspace
 * app. The innermost `withToken` wins.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 * import * as Stream from "effect/Stream"
 *
 * // every page request of the stream carries the workspace's token
 * export const contactsOf = (token: Redacted.Redacted<string>) =>
 *   Stream.unwrap(Effect.map(Intercom.Intercom, (intercom) => intercom.contacts.listStream({ per_page: 150 }))).pipe(
 *     IntercomClient.withToken(token)
 *   )
 *
 * export const me = (token: Redacted.Redacted<string>) =>
 *   IntercomClient.withToken(Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()), token)
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withToken: {
  (token: Redacted.Redacted<string>): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, token: Redacted.Redacted<string>): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, token: Redacted.Redacted<string>): Overridden<Self> =>
    callOptions.locally(self, "token", token)
)

/**
 * Run the stable Intercom calls of an effect or a stream with another
 * `Intercom-Version` (an `ApiVersion`). Preview operations always send
 * `Unstable`, and the methods of a later version's service
 * (`Intercom_2_15`, `Intercom_2_16`) always send their own version: their
 * types are that version's, so the header never disagrees with them. Unless
 * a decode policy is set, responses of a 2.14 method called at a version
 * other than `defaultVersion` are decoded leniently.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * export const count = Effect.flatMap(Intercom.Intercom, (intercom) =>
 *   intercom.contacts.listStream().pipe(IntercomClient.withVersion("2.13"), Stream.runCount))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withVersion: {
  (version: ApiVersion): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, version: ApiVersion): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, version: ApiVersion): Overridden<Self> =>
    callOptions.locally(self, "version", version)
)

/**
 * Send the Intercom calls of an effect or a stream to the API of another
 * region (`regionBaseUrls`), for example for a workspace hosted in the EU.
 * It replaces the layer's region and base URL; the innermost `withRegion` or
 * `withBaseUrl` wins.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 *
 * export const euAdmin = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(
 *   IntercomClient.withRegion("eu")
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRegion: {
  (region: Region): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, region: Region): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, region: Region): Overridden<Self> => {
    const baseUrl = regionBaseUrls[region]
    return callOptions.locallyWith(self, (options) => ({ ...options, baseUrl, baseUrlIssue: undefined }))
  }
)

/**
 * Send the Intercom calls of an effect or a stream to another base URL, for
 * example a proxy or a mock server. It replaces the layer's region and base
 * URL; the innermost `withRegion` or `withBaseUrl` wins.
 *
 * The URL must be an absolute `http://` or `https://` URL, optionally with a
 * path, without credentials, query string or fragment; trailing slashes are
 * dropped. Any other value never sends a request anywhere: each Intercom
 * call inside fails with an `InvalidInputError` at `$baseUrl` saying why (the
 * message does not repeat the URL, which could hold a secret).
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 *
 * export const viaProxy = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(
 *   IntercomClient.withBaseUrl("https://proxy.example.com/intercom/")
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withBaseUrl: {
  (url: string): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, url: string): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, url: string): Overridden<Self> => {
    const parsed = callOptions.parseBaseUrl(url)
    const baseUrl = Either.getOrUndefined(parsed)
    const baseUrlIssue = Either.isLeft(parsed)
      ? `the URL given to IntercomClient.withBaseUrl ${parsed.left}`
      : undefined
    return callOptions.locallyWith(self, (options) => ({ ...options, baseUrl, baseUrlIssue }))
  }
)

/**
 * Add headers to the Intercom calls of an effect or a stream. Names are
 * case-insensitive; the innermost `withHeaders` wins, and these headers win
 * over the client's own.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * export const traced = Effect.flatMap(Intercom.Intercom, (intercom) =>
 *   intercom.contacts.listStream().pipe(IntercomClient.withHeaders({ "X-Job-Id": "sync-42" }), Stream.runCount))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withHeaders: {
  (headers: Readonly<Record<string, string>>): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, headers: Readonly<Record<string, string>>): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, headers: Readonly<Record<string, string>>): Overridden<Self> => {
    const lower: Record<string, string> = {}
    for (const key of Object.keys(headers)) lower[key.toLowerCase()] = headers[key]
    return callOptions.locallyWith(
      self,
      (options) => ({ ...options, headers: options.headers === undefined ? lower : { ...options.headers, ...lower } })
    )
  }
)

/**
 * Add query parameters to the Intercom calls of an effect or a stream. A
 * parameter also set by the operation's input is replaced (on a stream of
 * pages, a pagination parameter such as `starting_after` or `page` would be
 * replaced on every page request: leave those to the stream).
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 *
 * export const me = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(
 *   IntercomClient.withQueryParams({ debug: true })
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withQueryParams: {
  (
    params: Readonly<Record<string, string | number | boolean>>
  ): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, params: Readonly<Record<string, string | number | boolean>>): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(
    self: Self,
    params: Readonly<Record<string, string | number | boolean>>
  ): Overridden<Self> => {
    const query: Record<string, string> = {}
    for (const key of Object.keys(params)) query[key] = String(params[key])
    return callOptions.locallyWith(
      self,
      (options) => ({ ...options, query: options.query === undefined ? query : { ...options.query, ...query } })
    )
  }
)

/**
 * Give each attempt of the Intercom calls of an effect or a stream (each page
 * request of a stream) another time-out (replacing the client's,
 * `defaultTimeout` unless configured): sending the request, the response
 * headers, and reading a JSON, text or error body. An attempt that takes
 * longer fails with a `TimeoutError` (`kind: "attempt"`), which the retry
 * policy may retry. `false` (or `Duration.infinity`): no time-out.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * export const quick = Effect.gen(function*() {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* intercom.admins.identify()
 * }).pipe(IntercomClient.withTimeout("5 seconds"))
 *
 * // each page request gets 10 seconds
 * export const pages = Stream.unwrap(Effect.map(Intercom.Intercom, (intercom) => intercom.contacts.listPages())).pipe(
 *   IntercomClient.withTimeout("10 seconds")
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withTimeout: {
  (duration: Duration.DurationInput | false): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, duration: Duration.DurationInput | false): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, duration: Duration.DurationInput | false): Overridden<Self> =>
    callOptions.locally(self, "timeout", duration === false ? Duration.infinity : Duration.decode(duration))
)

/**
 * Give the binary downloads of an effect or a stream another idle time-out
 * (replacing the client's, `defaultIdleTimeout` unless configured): the byte
 * `Stream` fails with a `TimeoutError` (`kind: "idle"`) when no bytes arrive
 * for that long while it is read. `false` (or `Duration.infinity`): none.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
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
  (duration: Duration.DurationInput | false): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, duration: Duration.DurationInput | false): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, duration: Duration.DurationInput | false): Overridden<Self> =>
    callOptions.locally(self, "idleTimeout", duration === false ? Duration.infinity : Duration.decode(duration))
)

/**
 * Decode the responses of the Intercom calls of an effect or a stream with
 * another policy (replacing the layer's): `lenient` for a bulk job that must
 * not lose a page to a field the spec describes wrongly, `strict` to fail
 * fast.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * export const sync = Effect.gen(function*() {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* intercom.contacts.listStream({ per_page: 150 }).pipe(
 *     IntercomClient.withDecodePolicy("lenient"),
 *     Stream.runCount
 *   )
 * })
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withDecodePolicy: {
  (policy: DecodePolicy): <Self extends Overridable>(self: Self) => Overridden<Self>
  <Self extends Overridable>(self: Self, policy: DecodePolicy): Overridden<Self>
} = dual(
  2,
  <Self extends Overridable>(self: Self, policy: DecodePolicy): Overridden<Self> =>
    callOptions.locally(self, "decode", policy)
)

/**
 * Return the response (status, headers, `requestId`, parsed `rateLimit`)
 * beside the decoded value.
 *
 * - On an effect: the response of its last Intercom call. An effect that
 *   makes none dies.
 * - On a stream: a stream of `WithResponse<A>`, each element paired with the
 *   response of the latest Intercom call the stream made before emitting it:
 *   with pages fetched as they are pulled (the default), the response of the
 *   page request that produced the element, also with `readAhead` or page
 *   `concurrency` (each page keeps its response until it is emitted). With
 *   several streams merged inside, it may be another stream's. An element
 *   emitted before any call makes the stream die.
 *
 * An inner `withResponse` does not hide its calls from an outer one.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as Console from "effect/Console"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * export const me = Effect.gen(function*() {
 *   const intercom = yield* Intercom.Intercom
 *   const { response, value } = yield* IntercomClient.withResponse(intercom.admins.identify())
 *   yield* Console.log(response.requestId, response.rateLimit?.remaining)
 *   return value
 * })
 *
 * export const budget = Stream.unwrap(Effect.map(Intercom.Intercom, (intercom) => intercom.contacts.listStream())).pipe(
 *   IntercomClient.withResponse,
 *   Stream.map(({ response, value }) => [value.id, response.rateLimit?.remaining] as const)
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withResponse: <Self extends Overridable>(self: Self) => WithResponseOf<Self> = callOptions.withResponse
