/**
 * Identity verification for the Intercom Messenger, computed on your server
 * with the workspace's identity-verification secret (Settings, Security,
 * Messenger), so that nobody can chat as another user by changing the
 * `user_id` or `email` in the page:
 *
 * - `userHash`: the classic `user_hash` setting, the HMAC-SHA256 (hex) of the
 *   user's `user_id` (or, without one, `email`) keyed with the secret
 *   (Intercom's docs, "Enable identity verification for web and mobile":
 *   `OpenSSL::HMAC.hexdigest("sha256", secret, user_id)`; not verifiable
 *   offline in this repository);
 * - `messengerJwt`: the newer Messenger security JWT (`intercom_user_jwt`),
 *   signed HS256 with the same secret, with `user_id` and/or `email`, an
 *   `exp` (Intercom recommends a short-lived token; default here 1 hour), and
 *   any further claims (protected user attributes) (Intercom's docs,
 *   "Authenticating users in the Messenger with JSON Web Tokens"; not
 *   verifiable offline: Intercom's OpenAPI descriptions only say whether a
 *   workspace uses identity verification).
 *
 * Both use the platform's Web Crypto (`globalThis.crypto.subtle`: Node 20,
 * browsers, Deno, Bun, workers) and are `Effect`s (Web Crypto is
 * asynchronous) failing only with an `IdentityError` for bad input; a
 * platform without Web Crypto (a page served over plain `http:`) is a
 * defect. The secret is `Redacted` and appears in no error.
 *
 * The results are credentials of one user (whoever has them is that user
 * to the Messenger, until the JWT's `exp`; a `user_hash` for good): write
 * them into that user's page, do not log them.
 *
 * @example
 * ```ts
 * import * as Identity from "@effect-intercom/client/Identity"
 * import * as Config from "effect/Config"
 * import * as Effect from "effect/Effect"
 *
 * export const messengerSettings = (user: { readonly id: string; readonly email: string }) =>
 *   Effect.gen(function*() {
 *     const secret = yield* Config.redacted("INTERCOM_IDENTITY_SECRET")
 *     const intercom_user_jwt = yield* Identity.messengerJwt({ secret, user_id: user.id, email: user.email })
 *     return { app_id: "abc123", intercom_user_jwt }
 *   })
 * ```
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Encoding from "effect/Encoding"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { notRedacted } from "./internal/secret.js"

/**
 * What an identity input can be wrong about:
 *
 * - `MissingIdentifier`: neither `user_id` nor `email` (or an empty one);
 * - `EmptySecret`: the secret is empty;
 * - `InvalidSecret`: the secret is not a `Redacted` (a plain string from
 *   JavaScript); its value is not shown;
 * - `InvalidExpiry`: `expiresIn` is not a finite duration of at least one
 *   second;
 * - `InvalidClaims`: an extra claim repeats `user_id`, `email` or `exp`, or
 *   the claims are not JSON.
 *
 * @since 0.1.0
 * @category errors
 */
export class IdentityError extends Schema.TaggedError<IdentityError>()("IdentityError", {
  reason: Schema.Literal("MissingIdentifier", "EmptySecret", "InvalidSecret", "InvalidExpiry", "InvalidClaims"),
  /** What is wrong (never a value of the input). */
  issue: Schema.String
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return `Identity ${this.reason}: ${this.issue}`
  }
}

/**
 * Who the Messenger user is: `user_id` and/or `email`, as given to the
 * Messenger.
 *
 * @since 0.1.0
 * @category models
 */
export interface User {
  readonly user_id?: string | undefined
  readonly email?: string | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface UserHashOptions extends User {
  /** The identity-verification secret. */
  readonly secret: Redacted.Redacted<string>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface JwtOptions extends User {
  /** The identity-verification secret. */
  readonly secret: Redacted.Redacted<string>
  /** How long the token is valid: `exp` is now (Effect's `Clock`) plus this, in whole seconds (default 1 hour). */
  readonly expiresIn?: Duration.DurationInput | undefined
  /** Further claims, for example protected attributes (`name`, custom attributes); JSON values. */
  readonly claims?: Readonly<Record<string, unknown>> | undefined
}

/**
 * The default validity of a Messenger JWT: 1 hour.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultExpiresIn: Duration.Duration = Duration.hours(1)

const encoder = new TextEncoder()

const fail = (reason: IdentityError["reason"], issue: string) => Effect.fail(new IdentityError({ reason, issue }))

const subtle = (): SubtleCrypto => {
  const value = globalThis.crypto?.subtle
  if (value === undefined) {
    throw new Error("Identity: Web Crypto (globalThis.crypto.subtle) is not available on this platform")
  }
  return value
}

/** HMAC-SHA256 of `data` keyed with the secret, through Web Crypto. */
const hmac = (secret: string, data: string): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const crypto = subtle()
    const key = await crypto.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign"
    ])
    return new Uint8Array(await crypto.sign("HMAC", key, encoder.encode(data)))
  })

const checkSecret = (secret: Redacted.Redacted<string>): Effect.Effect<string, IdentityError> => {
  const issue = notRedacted(secret, "secret")
  if (issue !== undefined) return fail("InvalidSecret", `the identity-verification secret ${issue}`)
  const value = Redacted.value(secret)
  return value === "" ? fail("EmptySecret", "the identity-verification secret is empty") : Effect.succeed(value)
}

const present = (value: string | undefined): value is string => typeof value === "string" && value !== ""

/**
 * The `user_hash` of a Messenger user: HMAC-SHA256 of the `user_id`, or of
 * the `email` when there is no `user_id` (as Intercom's docs say: the hash
 * is of the identifier the Messenger is booted with), keyed with the
 * identity-verification secret, as lower-case hex (64 characters).
 *
 * @example
 * ```ts
 * import * as Identity from "@effect-intercom/client/Identity"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 *
 * export const settings = Effect.map(
 *   Identity.userHash({ secret: Redacted.make("my-identity-secret"), user_id: "42" }),
 *   (user_hash) => ({ app_id: "abc123", user_id: "42", user_hash })
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const userHash = (options: UserHashOptions): Effect.Effect<string, IdentityError> =>
  Effect.suspend(() => {
    const identifier = present(options.user_id) ? options.user_id : present(options.email) ? options.email : undefined
    if (identifier === undefined) return fail("MissingIdentifier", "a user_hash needs a user_id or an email")
    return Effect.flatMap(checkSecret(options.secret), (secret) =>
      Effect.map(hmac(secret, identifier), Encoding.encodeHex))
  })

const reserved = ["user_id", "email", "exp"] as const

/**
 * A Messenger security JWT (`intercom_user_jwt`): `HS256`, signed with the
 * identity-verification secret through Web Crypto, with the claims
 * `user_id` and/or `email` (at least one; Intercom prefers `user_id`), the
 * `claims` given, and `exp`, now plus `expiresIn` (default 1 hour), in
 * seconds since the epoch, read from Effect's `Clock` (so `TestClock` works).
 *
 * @example
 * ```ts
 * import * as Identity from "@effect-intercom/client/Identity"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 *
 * export const jwt = Identity.messengerJwt({
 *   secret: Redacted.make("my-identity-secret"),
 *   user_id: "42",
 *   email: "ada@example.com",
 *   expiresIn: "15 minutes",
 *   claims: { name: "Ada" }
 * })
 *
 * // a user without an id: email alone
 * export const byEmail = Identity.messengerJwt({ secret: Redacted.make("my-identity-secret"), email: "ada@example.com" })
 *
 * export const both = Effect.all([jwt, byEmail])
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const messengerJwt = (options: JwtOptions): Effect.Effect<string, IdentityError> =>
  Effect.suspend(() => {
    const hasId = present(options.user_id)
    const hasEmail = present(options.email)
    if (!hasId && !hasEmail) return fail("MissingIdentifier", "a Messenger JWT needs a user_id or an email")
    const expiresIn = Option.getOrUndefined(Duration.decodeUnknown(options.expiresIn ?? defaultExpiresIn))
    if (expiresIn === undefined || !Duration.isFinite(expiresIn) || Duration.toMillis(expiresIn) < 1000) {
      return fail("InvalidExpiry", "expiresIn must be a finite duration of at least one second")
    }
    const claims = options.claims ?? {}
    for (const name of reserved) {
      if (Object.prototype.hasOwnProperty.call(claims, name)) {
        return fail("InvalidClaims", `the claim ${name} is set by messengerJwt, not by claims`)
      }
    }
    return Effect.flatMap(checkSecret(options.secret), (secret) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const payload = {
          ...(hasId ? { user_id: options.user_id } : {}),
          ...(hasEmail ? { email: options.email } : {}),
          ...claims,
          exp: Math.floor((now + Duration.toMillis(expiresIn)) / 1000)
        }
        let json: string
        try {
          json = JSON.stringify(payload)
        } catch {
          return fail("InvalidClaims", "the claims are not JSON (a cycle or a BigInt)")
        }
        const signingInput = `${Encoding.encodeBase64Url(`{"alg":"HS256","typ":"JWT"}`)}.${
          Encoding.encodeBase64Url(json)
        }`
        return Effect.map(
          hmac(secret, signingInput),
          (signature) => `${signingInput}.${Encoding.encodeBase64Url(signature)}`
        )
      }))
  })
