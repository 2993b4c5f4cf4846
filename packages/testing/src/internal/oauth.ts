/**
 * The fake's side of OAuth for public apps (the `oauth` option): Intercom's
 * authorize page, which decides at once instead of asking an admin, and its
 * token endpoint. The shapes are those the client's `OAuth` module speaks
 * (`OAuth.authorizeUrl`, `OAuth.readCallback`, `OAuth.exchangeCode`):
 *
 * - `GET /oauth?client_id&state&redirect_uri`: a 302 back to the redirect URL
 *   with `code` and the same `state` (or, with `decision: "deny"`,
 *   `error=access_denied`); 400 for an unknown client id or a redirect URL the
 *   app has not registered;
 * - `POST /auth/eagle/token` with the form fields `code`, `client_id`,
 *   `client_secret`: `{ token, access_token, token_type: "Bearer" }`; each code
 *   works once. A wrong client id or secret is a 401 `invalid_client`, a code
 *   that was never issued or is used again a 400 `invalid_grant` (the OAuth
 *   error shape of RFC 6749 §5.2).
 *
 * Every token issued is accepted by the API routes beside the fake's own
 * (all of them act on the fake's one workspace).
 */
import * as Redacted from "effect/Redacted"
import type { OAuthOptions } from "../FakeIntercom.js"
import type * as Prng from "./prng.js"

/** The path of the authorize page (Intercom serves it on `app.intercom.com`). */
export const authorizePath = "/oauth"
/** The path of the token endpoint (`OAuth.tokenPath`). */
export const tokenPath = "/auth/eagle/token"

/** What a route of the provider answers: a redirect, or a JSON body with its status. */
export type Answer =
  | { readonly _tag: "Redirect"; readonly location: string }
  | { readonly _tag: "Json"; readonly status: number; readonly body: unknown }

const oauthError = (status: number, error: string, description: string): Answer => ({
  _tag: "Json",
  status,
  body: { error, error_description: description }
})

export class Provider {
  /** Codes issued and not yet exchanged, with the client id they were issued to. */
  private readonly codes = new Map<string, string>()
  private readonly tokens = new Set<string>()
  private readonly clientSecret: string

  constructor(private readonly options: OAuthOptions, private readonly prng: Prng.Prng) {
    this.clientSecret = typeof options.clientSecret === "string"
      ? options.clientSecret
      : Redacted.value(options.clientSecret)
  }

  /** Whether `token` was issued by the token endpoint. */
  issued(token: string): boolean {
    return this.tokens.has(token)
  }

  /** The authorize page: where the admin's browser is sent next. */
  authorize(params: URLSearchParams): Answer {
    if (params.get("client_id") !== this.options.clientId) {
      return oauthError(400, "invalid_request", "unknown client_id")
    }
    const registered = this.options.redirectUris ?? []
    const given = params.get("redirect_uri")
    const redirectUri = given ?? registered[0]
    if (redirectUri === undefined) {
      return oauthError(400, "invalid_request", "no redirect_uri, and the app has none registered")
    }
    if (registered.length > 0 && !registered.includes(redirectUri)) {
      return oauthError(400, "invalid_request", "redirect_uri is not one of the app's redirect URLs")
    }
    let location: URL
    try {
      location = new URL(redirectUri)
    } catch {
      return oauthError(400, "invalid_request", "redirect_uri is not a URL")
    }
    if (this.options.decision === "deny") {
      location.searchParams.set("error", "access_denied")
      location.searchParams.set("error_description", "The admin declined to install the app")
    } else {
      const code = `code_${this.prng.hex(32)}`
      this.codes.set(code, this.options.clientId)
      location.searchParams.set("code", code)
    }
    const state = params.get("state")
    if (state !== null) location.searchParams.set("state", state)
    return { _tag: "Redirect", location: location.toString() }
  }

  /** The token endpoint, given the request's form body. */
  exchange(form: URLSearchParams): Answer {
    if (form.get("client_id") !== this.options.clientId || form.get("client_secret") !== this.clientSecret) {
      return oauthError(401, "invalid_client", "client_id or client_secret is wrong")
    }
    const code = form.get("code") ?? ""
    if (this.codes.get(code) !== this.options.clientId) {
      return oauthError(400, "invalid_grant", "the code is unknown or was already used")
    }
    this.codes.delete(code)
    const token = `oauth_${this.prng.hex(40)}`
    this.tokens.add(token)
    return { _tag: "Json", status: 200, body: { token, access_token: token, token_type: "Bearer" } }
  }
}
