/**
 * OAuth for public Intercom apps: send the admin to Intercom's authorize page
 * with a random `state`, check the `state` on the callback, and exchange the
 * `code` for the workspace's access token, which then runs calls with
 * `IntercomClient.withToken` / `withRegion` (or `OAuth.withToken`, both at
 * once), so one process serves every workspace that installed the app.
 *
 * Intercom's flow (developer docs, "Setting up OAuth" and "Regional hosting"
 * of the Intercom Developer Hub; not in Intercom's OpenAPI descriptions, so
 * not verifiable offline in this repository, which the facts below are
 * marked against):
 *
 * 1. Redirect the admin to `https://app.intercom.com/oauth?client_id=…&state=…`
 *    (`redirect_uri` optional; it must be one of the app's configured
 *    redirect URLs). Workspaces hosted in the EU or Australia authorize on
 *    `app.eu.intercom.com` / `app.au.intercom.com` (docs, not verifiable
 *    offline).
 * 2. Intercom redirects back to the redirect URL with `code` and the same
 *    `state` (docs, not verifiable offline). Compare the `state` with the one
 *    you issued (`checkState`, constant-time) before using the code.
 * 3. `POST https://api.intercom.io/auth/eagle/token` with the form fields
 *    `code`, `client_id` and `client_secret`; the answer is JSON with the
 *    token under `access_token` (and, in older answers, `token`) and
 *    `token_type` `Bearer` (docs, not verifiable offline). The EU and
 *    Australian endpoints are the same path on the region's API host
 *    (`IntercomClient.regionBaseUrls`). Intercom's access tokens do not
 *    expire (no refresh token); an uninstall revokes them (the spec's
 *    webhook topic `oauth_token_revocation`).
 *
 * Every URL can be overridden (`authorizeUrl`, `tokenUrl`), for a proxy, a
 * fake, or a change on Intercom's side.
 *
 * The client secret and the token are `Redacted`; neither appears in an
 * error, a log line, a span, or a string form of anything. The exchange
 * runs in a span of its own (`Intercom.oauth.exchangeCode`) with the
 * `HttpClient`'s span turned off for it (its exit would hold the request, and
 * with it the secret in the form body). Errors carry no request.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as IntercomClient from "@effect-intercom/client/IntercomClient"
 * import * as OAuth from "@effect-intercom/client/OAuth"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 * import * as Stream from "effect/Stream"
 *
 * const app = {
 *   clientId: "my-client-id",
 *   clientSecret: Redacted.make("my-client-secret"),
 *   redirectUri: "https://example.com/intercom/callback"
 * }
 *
 * // 1. the install link, with a state kept in the admin's session
 * export const start = Effect.map(OAuth.makeState, (state) => ({ state, url: OAuth.authorizeUrl({ ...app, state }) }))
 *
 * // 2.–3. the callback: check the state, exchange the code (an HttpClient is needed)
 * export const callback = (url: string, expectedState: string) =>
 *   Effect.flatMap(OAuth.readCallback(url, expectedState), (code) => OAuth.exchangeCode({ ...app, code }))
 *
 * // then, per workspace: every call (every page request of a stream) with its token and region
 * export const contactsOf = (token: OAuth.Token) =>
 *   Stream.unwrap(Effect.map(Intercom.Intercom, (intercom) => intercom.contacts.listStream())).pipe(
 *     IntercomClient.withToken(token.accessToken),
 *     IntercomClient.withRegion(token.region)
 *   )
 *
 * // the same, in one combinator
 * export const adminOf = (token: OAuth.Token) =>
 *   Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(OAuth.withToken(token))
 * ```
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Encoding from "effect/Encoding"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as IntercomClient from "./IntercomClient.js"
import * as IntercomError from "./IntercomError.js"
import { notRedacted } from "./internal/secret.js"

// -----------------------------------------------------------------------------
// models
// -----------------------------------------------------------------------------

/**
 * A public app's credentials and settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The app's client id (Developer Hub, Authentication). */
  readonly clientId: string
  /** The app's client secret. */
  readonly clientSecret: Redacted.Redacted<string>
  /**
   * Where Intercom sends the admin back: one of the app's configured
   * redirect URLs. Optional for Intercom (docs); sent when given.
   */
  readonly redirectUri?: string | undefined
  /**
   * The region of the authorize page and token endpoint (default `us`); a
   * call may give another (`authorizeUrl`'s and `exchangeCode`'s `region`).
   */
  readonly region?: IntercomClient.Region | undefined
  /** Replaces the authorize page of every region (`authorizeUrls`), for a proxy or a fake. */
  readonly authorizeUrl?: string | undefined
  /** Replaces the token endpoint of every region (`tokenUrls`), for a proxy or a fake. */
  readonly tokenUrl?: string | undefined
  /**
   * The API base URL the exchanged tokens are for, instead of their region's
   * (`IntercomClient.regionBaseUrls`): a proxy or a fake. It goes into the
   * `Token` (`baseUrl`), so `withToken` and `clientOptions` send the
   * workspace's calls there rather than to Intercom.
   */
  readonly apiBaseUrl?: string | undefined
  /**
   * The time-out of the exchange (default `IntercomClient.defaultTimeout`,
   * 30 s), as an `IntercomError.TimeoutError`; `false` for none. The
   * exchange is never retried: a code is used once.
   */
  readonly timeout?: Duration.DurationInput | false | undefined
}

/**
 * A workspace's access token, as the exchange returns it, with the region
 * whose API it is for. Store `Redacted.value(token.accessToken)` and the
 * region (encrypted at rest); a stored token is a `Token` again as
 * `{ accessToken: Redacted.make(value), tokenType: "Bearer", region }`.
 *
 * `JSON.stringify`, `util.inspect` and `String` show `<redacted>` for the
 * token.
 *
 * @since 0.1.0
 * @category models
 */
export interface Token {
  readonly accessToken: Redacted.Redacted<string>
  /** `token_type` of the answer (`Bearer`). */
  readonly tokenType: string
  /** The region the code was exchanged in: send the workspace's calls there. */
  readonly region: IntercomClient.Region
  /**
   * Where the workspace's calls go instead of the region's API host, when
   * the exchange was given `apiBaseUrl` (a proxy, a fake).
   */
  readonly baseUrl?: string | undefined
}

/**
 * Why an OAuth step failed, apart from an HTTP status (those are the
 * `IntercomError` classes of the status: `BadRequestError`,
 * `UnauthorizedError`, ...):
 *
 * - `StateMismatch`: the callback's `state` is missing or is not the one
 *   issued (a forged or replayed callback: do not use its code);
 * - `Denied`: the callback carries an `error` instead of a `code` (the admin
 *   declined); `description` is Intercom's `error` / `error_description`;
 * - `MissingCode`: the callback has neither `code` nor `error`;
 * - `InvalidResponse`: the token endpoint answered 2xx with a body that is not
 *   JSON or has no token (the body is not kept: it could hold a token);
 * - `Transport`: the request could not be sent or its answer read
 *   (`description` says why; the request, whose body holds the client
 *   secret, is not kept).
 *
 * @since 0.1.0
 * @category errors
 */
export class OAuthError extends Schema.TaggedError<OAuthError>()("OAuthError", {
  reason: Schema.Literal("StateMismatch", "Denied", "MissingCode", "InvalidResponse", "Transport"),
  description: Schema.String,
  /** The HTTP status, for `InvalidResponse`. */
  status: Schema.optional(Schema.Number)
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return `OAuth ${this.reason}: ${this.description}${this.status !== undefined ? ` (status ${this.status})` : ""}`
  }
}

/**
 * The errors of the code exchange: the status errors the token endpoint can
 * answer with (400 and 401 for a bad code or bad credentials, and the
 * always-possible 403, 409, 429, 5xx; any other status is an
 * `UnexpectedStatusError`), a time-out, an empty input
 * (`InvalidInputError`, nothing sent), and `OAuthError`.
 *
 * @since 0.1.0
 * @category errors
 */
export type ExchangeError =
  | IntercomError.BadRequestError
  | IntercomError.UnauthorizedError
  | IntercomError.ForbiddenError
  | IntercomError.ConflictError
  | IntercomError.RateLimitError
  | IntercomError.ServerError
  | IntercomError.UnexpectedStatusError
  | IntercomError.TimeoutError
  | IntercomError.InvalidInputError
  | OAuthError

// -----------------------------------------------------------------------------
// URLs
// -----------------------------------------------------------------------------

/**
 * The authorize page of each region (Intercom's docs; not verifiable
 * offline).
 *
 * @since 0.1.0
 * @category constants
 */
export const authorizeUrls: { readonly [R in IntercomClient.Region]: string } = {
  us: "https://app.intercom.com/oauth",
  eu: "https://app.eu.intercom.com/oauth",
  au: "https://app.au.intercom.com/oauth"
}

/**
 * The path of the token endpoint on a region's API host
 * (`IntercomClient.regionBaseUrls`).
 *
 * @since 0.1.0
 * @category constants
 */
export const tokenPath = "/auth/eagle/token"

/**
 * The token endpoint of each region: `tokenPath` on the region's API host
 * (Intercom's docs; not verifiable offline).
 *
 * @since 0.1.0
 * @category constants
 */
export const tokenUrls: { readonly [R in IntercomClient.Region]: string } = {
  us: IntercomClient.regionBaseUrls.us + tokenPath,
  eu: IntercomClient.regionBaseUrls.eu + tokenPath,
  au: IntercomClient.regionBaseUrls.au + tokenPath
}

/**
 * The URL to send an admin to, to install the app: the region's authorize
 * page (or `authorizeUrl`) with `client_id`, `state` and, when given,
 * `redirect_uri`, URL-encoded.
 *
 * @example
 * ```ts
 * import * as OAuth from "@effect-intercom/client/OAuth"
 *
 * const url = OAuth.authorizeUrl({
 *   clientId: "abc",
 *   state: "s1",
 *   redirectUri: "https://example.com/cb?x=1",
 *   region: "eu"
 * })
 * console.log(url)
 * // https://app.eu.intercom.com/oauth?client_id=abc&state=s1&redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const authorizeUrl = (
  options:
    & Pick<Options, "clientId" | "redirectUri" | "region" | "authorizeUrl">
    & Partial<Pick<Options, "clientSecret">>
    & { readonly state: string }
): string => {
  const url = new URL(options.authorizeUrl ?? authorizeUrls[options.region ?? "us"])
  url.searchParams.set("client_id", options.clientId)
  url.searchParams.set("state", options.state)
  if (options.redirectUri !== undefined) url.searchParams.set("redirect_uri", options.redirectUri)
  return url.toString()
}

// -----------------------------------------------------------------------------
// state
// -----------------------------------------------------------------------------

/**
 * A fresh `state`: 32 random bytes from the platform's cryptographic random
 * source (`crypto.getRandomValues`), base64url-encoded (43 characters). Keep
 * it with the admin's session and check it on the callback.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeState: Effect.Effect<string> = Effect.sync(() => {
  const bytes = new Uint8Array(32)
  globalThis.crypto.getRandomValues(bytes)
  return Encoding.encodeBase64Url(bytes)
})

const encoder = new TextEncoder()

/**
 * Whether a callback's `state` is the one issued, compared in constant time
 * (the time depends on the length of `expected` only). An empty `expected`
 * matches nothing.
 *
 * @since 0.1.0
 * @category predicates
 */
export const stateMatches = (expected: string, received: string | null | undefined): boolean => {
  if (typeof received !== "string" || expected.length === 0) return false
  const a = encoder.encode(expected)
  const b = encoder.encode(received)
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ (i < b.length ? b[i] : 0)
  return diff === 0
}

/**
 * Succeeds when the callback's `state` is the one issued (`stateMatches`),
 * else fails with an `OAuthError` (`StateMismatch`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkState = (expected: string, received: string | null | undefined): Effect.Effect<void, OAuthError> =>
  stateMatches(expected, received) ? Effect.void : Effect.fail(
    new OAuthError({
      reason: "StateMismatch",
      description: received == null || received === ""
        ? "the callback has no state"
        : "the callback's state is not the one issued"
    })
  )

/**
 * Reads the redirect Intercom sends the admin back with (the full URL, its
 * query string, or its `URLSearchParams`): checks the `state` first
 * (`checkState`), then returns the `code`. An `error` parameter instead of a
 * code is an `OAuthError` (`Denied`); neither is `MissingCode`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const readCallback = (
  callback: string | URL | URLSearchParams,
  expectedState: string
): Effect.Effect<string, OAuthError> =>
  Effect.suspend(() => {
    const params = callback instanceof URLSearchParams
      ? callback
      : callback instanceof URL
      ? callback.searchParams
      : callback.includes("://")
      ? new URL(callback).searchParams
      : new URLSearchParams(callback)
    return Effect.zipRight(
      checkState(expectedState, params.get("state")),
      Effect.suspend(() => {
        const code = params.get("code")
        if (code !== null && code !== "") return Effect.succeed(code)
        const error = params.get("error")
        if (error !== null) {
          const description = params.get("error_description")
          return Effect.fail(
            new OAuthError({ reason: "Denied", description: description === null ? error : `${error}: ${description}` })
          )
        }
        return Effect.fail(new OAuthError({ reason: "MissingCode", description: "the callback has no code" }))
      })
    )
  })

// -----------------------------------------------------------------------------
// the code exchange
// -----------------------------------------------------------------------------

const operation = "oauth.exchangeCode"
const documented: ReadonlyArray<number> = [400, 401]

const invalid = (jsonPath: string, issue: string) =>
  Effect.fail(IntercomError.invalidInput({ operation, jsonPath, issue }))

/** Keeps a secret out of an error body, should an endpoint ever echo it. */
const scrub = (body: string, secrets: ReadonlyArray<string>): string => {
  let out = body
  for (const secret of secrets) if (secret !== "") out = out.split(secret).join("<redacted>")
  return out
}

/**
 * The status error of a failed exchange: `IntercomError.fromResponse`, and
 * an OAuth-style body (`{"error": …, "error_description": …}`, RFC 6749
 * §5.2) read into `errors` when there is no `error.list`.
 */
const statusError = (status: number, body: string, headers: Readonly<Record<string, string | undefined>>) => {
  const error = IntercomError.fromResponse({
    status,
    documented,
    body,
    headers,
    operation,
    method: "POST",
    path: tokenPath
  })
  if (error.errors.length > 0) return error
  try {
    const json = JSON.parse(body) as unknown
    if (typeof json === "object" && json !== null && typeof (json as any).error === "string") {
      const code: string = (json as any).error
      const text = (json as any).error_description
      const ErrorClass = IntercomError.classFor(status, documented)
      return new ErrorClass({
        status: error.status,
        errors: [{ code, message: typeof text === "string" ? text : code }],
        body: error.body,
        operation,
        method: "POST",
        path: tokenPath,
        ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
        ...(error.rateLimit !== undefined ? { rateLimit: error.rateLimit } : {}),
        ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {})
      }, true)
    }
  } catch {
    // not JSON: as fromResponse made it
  }
  return error
}

const transport = (error: HttpClientError.HttpClientError): OAuthError =>
  new OAuthError({
    reason: "Transport",
    description: error.description === undefined ? error.reason : `${error.reason}: ${error.description}`
  })

/** The platform client's span would end with the request, whose body holds the client secret. */
const untraced = (client: HttpClient.HttpClient): HttpClient.HttpClient =>
  HttpClient.withTracerDisabledWhen(client, () => true)

const readToken = (
  status: number,
  body: string,
  region: IntercomClient.Region,
  baseUrl: string | undefined
): Effect.Effect<Token, OAuthError> => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return Effect.fail(new OAuthError({ reason: "InvalidResponse", description: "the answer is not JSON", status }))
  }
  const record = typeof json === "object" && json !== null ? json as Record<string, unknown> : {}
  const value = typeof record.access_token === "string" && record.access_token !== ""
    ? record.access_token
    : typeof record.token === "string" && record.token !== ""
    ? record.token
    : undefined
  if (value === undefined) {
    return Effect.fail(
      new OAuthError({ reason: "InvalidResponse", description: "the answer has no access_token", status })
    )
  }
  return Effect.succeed({
    accessToken: Redacted.make(value),
    tokenType: typeof record.token_type === "string" ? record.token_type : "Bearer",
    region,
    ...(baseUrl !== undefined ? { baseUrl } : {})
  })
}

/**
 * Exchanges the `code` of a callback for the workspace's access token:
 * `POST` to the region's token endpoint (`tokenUrls`, or `tokenUrl`) with the
 * form fields `code`, `client_id`, `client_secret` (as Intercom documents;
 * `Accept: application/json`). The token is `Redacted`, with the region it
 * was exchanged in.
 *
 * Needs an `HttpClient` (`FetchHttpClient.layer`, `NodeHttpClient.layerUndici`
 * or a mock). A non-2xx answer is the `IntercomError` class of its status
 * (Intercom's `errors[]`, or the OAuth `error` / `error_description`, in
 * `errors`); an empty `code`, `clientId` or secret is an `InvalidInputError`
 * and nothing is sent. Never retried.
 *
 * @example
 * ```ts
 * import * as OAuth from "@effect-intercom/client/OAuth"
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import * as Config from "effect/Config"
 * import * as Effect from "effect/Effect"
 *
 * export const exchange = (code: string) =>
 *   Effect.gen(function*() {
 *     const clientSecret = yield* Config.redacted("INTERCOM_CLIENT_SECRET")
 *     return yield* OAuth.exchangeCode({ clientId: "my-client-id", clientSecret, code, region: "eu" })
 *   }).pipe(Effect.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const exchangeCode = (
  options: Options & { readonly code: string }
): Effect.Effect<Token, ExchangeError, HttpClient.HttpClient> =>
  Effect.suspend(() => {
    if (options.code === "") return invalid("$.code", "the code is empty")
    if (options.clientId === "") return invalid("$.clientId", "the client id is empty")
    const secretIssue = notRedacted(options.clientSecret, "clientSecret")
    if (secretIssue !== undefined) return invalid("$.clientSecret", `the client secret ${secretIssue}`)
    const secret = Redacted.value(options.clientSecret)
    if (secret === "") return invalid("$.clientSecret", "the client secret is empty")
    const region = options.region ?? "us"
    const url = options.tokenUrl ?? tokenUrls[region]
    let host: string
    try {
      host = new URL(url).host
    } catch {
      return invalid("$.tokenUrl", "the token URL is not a URL")
    }
    const request = HttpClientRequest.post(url).pipe(
      HttpClientRequest.acceptJson,
      HttpClientRequest.bodyUrlParams({ code: options.code, client_id: options.clientId, client_secret: secret })
    )
    const timeout = options.timeout === false
      ? Duration.infinity
      : Duration.decode(options.timeout ?? IntercomClient.defaultTimeout)
    const send = Effect.flatMap(HttpClient.HttpClient, (client) =>
      untraced(client).execute(request).pipe(
        Effect.flatMap((response) =>
          Effect.map(response.text, (body) => ({ status: response.status, headers: response.headers, body }))
        ),
        Effect.scoped,
        Effect.mapError(transport)
      ))
    const exchange = Effect.flatMap(send, ({ body, headers, status }): Effect.Effect<Token, ExchangeError> =>
      status >= 200 && status < 300
        ? readToken(status, body, region, options.apiBaseUrl)
        : Effect.fail(statusError(status, scrub(body, [secret, options.code]), headers) as ExchangeError))
    return (Duration.isFinite(timeout)
      ? Effect.timeoutFail(exchange, {
        duration: timeout,
        onTimeout: () =>
          IntercomError.timeout({ operation, method: "POST", path: tokenPath, durationMs: Duration.toMillis(timeout) })
      })
      : exchange).pipe(
        Effect.withSpan("Intercom.oauth.exchangeCode", {
          kind: "client",
          attributes: { "http.request.method": "POST", "server.address": host, "intercom.region": region }
        })
      )
  })

// -----------------------------------------------------------------------------
// per workspace
// -----------------------------------------------------------------------------

/**
 * Runs the Intercom calls of an effect or a stream with a workspace's token
 * and in its region: `IntercomClient.withToken(token.accessToken)` and
 * `IntercomClient.withRegion(token.region)` at once (every page request of a
 * stream included), or `IntercomClient.withBaseUrl(token.baseUrl)` for a
 * token exchanged with `apiBaseUrl`. The innermost wins.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as OAuth from "@effect-intercom/client/OAuth"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * // two workspaces, possibly in two regions, in one stream
 * export const everyone = (a: OAuth.Token, b: OAuth.Token) => {
 *   const contacts = Stream.unwrap(Effect.map(Intercom.Intercom, (intercom) => intercom.contacts.listStream()))
 *   return Stream.merge(contacts.pipe(OAuth.withToken(a)), contacts.pipe(OAuth.withToken(b)))
 * }
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withToken: {
  (token: Token): <Self extends IntercomClient.Overridable>(self: Self) => IntercomClient.Overridden<Self>
  <Self extends IntercomClient.Overridable>(self: Self, token: Token): IntercomClient.Overridden<Self>
} = dual(
  2,
  <Self extends IntercomClient.Overridable>(self: Self, token: Token): IntercomClient.Overridden<Self> => {
    const withToken = IntercomClient.withToken(self, token.accessToken)
    return (token.baseUrl !== undefined
      ? IntercomClient.withBaseUrl(withToken, token.baseUrl)
      : IntercomClient.withRegion(withToken, token.region)) as any
  }
)

/**
 * `IntercomClient.Options` for one workspace's token: its token and region
 * (or its `baseUrl`), plus the other options given. For a layer per workspace
 * (`Intercom.layer(OAuth.clientOptions(token))`); a process serving many
 * workspaces keeps one layer and uses `withToken` per call instead.
 *
 * @since 0.1.0
 * @category constructors
 */
export const clientOptions = (
  token: Token,
  options: Omit<IntercomClient.Options, "token" | "region"> = {}
): IntercomClient.Options => ({
  ...options,
  token: token.accessToken,
  region: token.region,
  ...(token.baseUrl !== undefined ? { baseUrl: token.baseUrl } : {})
})

// -----------------------------------------------------------------------------
// service
// -----------------------------------------------------------------------------

/**
 * The app's OAuth, with its credentials bound.
 *
 * @since 0.1.0
 * @category tags
 */
export class OAuth extends Context.Tag("@effect-intercom/client/OAuth")<OAuth, OAuth.Service>() {}

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace OAuth {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface CallOptions {
    /** The workspace's region, instead of the app's. */
    readonly region?: IntercomClient.Region | undefined
    /** Another of the app's redirect URLs. */
    readonly redirectUri?: string | undefined
  }

  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    readonly clientId: string
    /** A fresh `state` (`makeState`). */
    readonly makeState: Effect.Effect<string>
    /** The authorize URL for a `state` (`authorizeUrl`). */
    readonly authorizeUrl: (state: string, options?: CallOptions) => string
    /** Exchanges a code (`exchangeCode`). */
    readonly exchangeCode: (code: string, options?: CallOptions) => Effect.Effect<Token, ExchangeError>
    /** Reads a callback (`readCallback`: state checked first) and exchanges its code. */
    readonly callback: (
      callback: string | URL | URLSearchParams,
      expectedState: string,
      options?: CallOptions
    ) => Effect.Effect<Token, ExchangeError>
  }
}

const withCall = (options: Options, call: OAuth.CallOptions | undefined): Options =>
  call === undefined ? options : {
    ...options,
    ...(call.region !== undefined ? { region: call.region } : {}),
    ...(call.redirectUri !== undefined ? { redirectUri: call.redirectUri } : {})
  }

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<OAuth.Service, never, HttpClient.HttpClient> =>
  Effect.map(HttpClient.HttpClient, (client) => {
    const exchange = (code: string, call?: OAuth.CallOptions) =>
      Effect.provideService(exchangeCode({ ...withCall(options, call), code }), HttpClient.HttpClient, client)
    return OAuth.of({
      clientId: options.clientId,
      makeState,
      authorizeUrl: (state, call) => authorizeUrl({ ...withCall(options, call), state }),
      exchangeCode: exchange,
      callback: (callback, expectedState, call) =>
        Effect.flatMap(readCallback(callback, expectedState), (code) => exchange(code, call))
    })
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<OAuth, never, HttpClient.HttpClient> =>
  Layer.effect(OAuth, make(options))

/**
 * The app's credentials from the environment: `INTERCOM_CLIENT_ID`,
 * `INTERCOM_CLIENT_SECRET` (redacted), `INTERCOM_REDIRECT_URI` and
 * `INTERCOM_REGION` (both optional).
 *
 * @since 0.1.0
 * @category config
 */
export const defaultConfig: Config.Config<Options> = Config.all({
  clientId: Config.string("INTERCOM_CLIENT_ID"),
  clientSecret: Config.redacted("INTERCOM_CLIENT_SECRET"),
  redirectUri: Config.string("INTERCOM_REDIRECT_URI").pipe(Config.option, Config.map(Option.getOrUndefined)),
  region: Config.literal("us", "eu", "au")("INTERCOM_REGION").pipe(Config.option, Config.map(Option.getOrUndefined))
})

/**
 * The service as a layer, configured with `Config` (default:
 * `defaultConfig`).
 *
 * @example
 * ```ts
 * import * as OAuth from "@effect-intercom/client/OAuth"
 * import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
 * import * as Config from "effect/Config"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 *
 * const OAuthLive = OAuth.layerConfig({
 *   clientId: Config.string("MY_CLIENT_ID"),
 *   clientSecret: Config.redacted("MY_CLIENT_SECRET")
 * }).pipe(Layer.provide(FetchHttpClient.layer))
 *
 * export const onCallback = (url: string, expectedState: string) =>
 *   Effect.flatMap(OAuth.OAuth, (oauth) => oauth.callback(url, expectedState)).pipe(Effect.provide(OAuthLive))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Config.Config.Wrap<Options> = defaultConfig
): Layer.Layer<OAuth, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.unwrapEffect(Effect.map(Config.unwrap(options), layer))
