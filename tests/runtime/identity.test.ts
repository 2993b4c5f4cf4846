/**
 * Identity verification: `userHash` against Node's `crypto.createHmac` (an
 * independent implementation), the Messenger JWT verified by a separate
 * verifier (Node's HMAC over `header.payload`, a constant-time comparison),
 * its claims and expiry (TestClock), a tampered token failing, bad input as
 * typed errors, and the secret in no error.
 */
import * as Identity from "@effect-intercom/client/Identity"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as crypto from "node:crypto"
import { inspect } from "node:util"
import * as RecordingTracer from "../support/RecordingTracer.js"

const SECRET = "iv_SECRET_do_not_leak_321"
const secret = Redacted.make(SECRET)

const nodeHmac = (key: string, data: string) => crypto.createHmac("sha256", key).update(data, "utf8")

type Verified =
  | { readonly ok: true; readonly header: Record<string, unknown>; readonly payload: Record<string, unknown> }
  | { readonly ok: false; readonly why: string }

/** An HS256 verifier of its own: Node's HMAC and base64url, the signature compared in constant time, then `exp`. */
const verify = (token: string, key: string, nowSeconds: number): Verified => {
  const parts = token.split(".")
  if (parts.length !== 3) return { ok: false, why: "not three parts" }
  const [h, p, s] = parts
  const expected = nodeHmac(key, `${h}.${p}`).digest()
  const given = Buffer.from(s, "base64url")
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, why: "bad signature" }
  }
  const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"))
  const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"))
  if (header.alg !== "HS256") return { ok: false, why: "alg" }
  if (typeof payload.exp !== "number" || payload.exp <= nowSeconds) return { ok: false, why: "expired" }
  return { ok: true, header, payload }
}

const assertNoSecret = (value: unknown) => {
  for (const text of RecordingTracer.serialise(value)) assert.notInclude(text, SECRET)
}

describe("userHash", () => {
  it.effect("is Node's HMAC-SHA256 hex of the user_id, keyed with the secret", () =>
    Effect.gen(function*() {
      for (const userId of ["42", "user-ü-😀", "a".repeat(1000), " spaced "]) {
        const hash = yield* Identity.userHash({ secret, user_id: userId })
        assert.strictEqual(hash, nodeHmac(SECRET, userId).digest("hex"))
        assert.match(hash, /^[0-9a-f]{64}$/)
      }
      // a long key (> the 64-byte block, hashed first by HMAC) and a non-ASCII one
      for (const key of ["k".repeat(100), "clé-secrète"]) {
        const hash = yield* Identity.userHash({ secret: Redacted.make(key), user_id: "42" })
        assert.strictEqual(hash, nodeHmac(key, "42").digest("hex"))
      }
    }))

  it.effect("the user_id wins over the email; the email without a user_id", () =>
    Effect.gen(function*() {
      const both = yield* Identity.userHash({ secret, user_id: "42", email: "ada@example.com" })
      assert.strictEqual(both, nodeHmac(SECRET, "42").digest("hex"))
      const email = yield* Identity.userHash({ secret, email: "ada@example.com" })
      assert.strictEqual(email, nodeHmac(SECRET, "ada@example.com").digest("hex"))
      const emptyId = yield* Identity.userHash({ secret, user_id: "", email: "ada@example.com" })
      assert.strictEqual(emptyId, email)
    }))

  it.effect("bad input: an IdentityError, without the secret", () =>
    Effect.gen(function*() {
      const none = yield* Effect.flip(Identity.userHash({ secret }))
      assert.strictEqual(none._tag, "IdentityError")
      assert.strictEqual(none.reason, "MissingIdentifier")
      assert.strictEqual(none.message, "Identity MissingIdentifier: a user_hash needs a user_id or an email")
      assertNoSecret(none)
      const empty = yield* Effect.flip(Identity.userHash({ secret, user_id: "", email: "" }))
      assert.strictEqual(empty.reason, "MissingIdentifier")
      const noSecret = yield* Effect.flip(Identity.userHash({ secret: Redacted.make(""), user_id: "42" }))
      assert.strictEqual(noSecret.reason, "EmptySecret")
    }))

  it.effect("a secret that is not Redacted (from JavaScript): InvalidSecret, its value in no form of the error", () =>
    Effect.gen(function*() {
      const plain = "plain-identity-secret-123" as unknown as Redacted.Redacted<string>
      for (
        const effect of [
          Identity.userHash({ secret: plain, user_id: "42" }),
          Identity.messengerJwt({ secret: plain, user_id: "42" })
        ]
      ) {
        const error = yield* Effect.flip(effect)
        assert.strictEqual(error.reason, "InvalidSecret")
        assert.strictEqual(
          error.message,
          "Identity InvalidSecret: the identity-verification secret must be a Redacted (Redacted.make(secret), Config.redacted), not a string"
        )
        for (const text of [error.message, String(error), JSON.stringify(error), inspect(error)]) {
          assert.notInclude(text, "plain-identity-secret-123")
        }
      }
    }))
})

describe("messengerJwt", () => {
  const t0 = 1_700_000_000_000

  it.effect("HS256, verified by an independent verifier; user_id, email, claims, exp = now + 1 hour", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(t0)
      const token = yield* Identity.messengerJwt({
        secret,
        user_id: "42",
        email: "ada@example.com",
        claims: { name: "Ada Lovelace", plan: "pro", seats: 3, nested: { a: [1, "ü"] } }
      })
      assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/) // base64url, no padding
      const verified = verify(token, SECRET, t0 / 1000)
      assert(verified.ok, verified.ok ? "" : verified.why)
      assert.deepStrictEqual(verified.header, { alg: "HS256", typ: "JWT" })
      assert.deepStrictEqual(verified.payload, {
        user_id: "42",
        email: "ada@example.com",
        name: "Ada Lovelace",
        plan: "pro",
        seats: 3,
        nested: { a: [1, "ü"] },
        exp: t0 / 1000 + 3600
      })
      // deterministic: the same input at the same time, the same token (Node's signature over the same bytes)
      const [h, p, s] = token.split(".")
      assert.strictEqual(s, nodeHmac(SECRET, `${h}.${p}`).digest("base64url"))
      assertNoSecret(token)
    }))

  it.effect("expiresIn; exp in whole seconds; the token expires", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(t0 + 999)
      const token = yield* Identity.messengerJwt({ secret, user_id: "42", expiresIn: "15 minutes" })
      const now = (t0 + 999) / 1000
      const verified = verify(token, SECRET, now)
      assert(verified.ok)
      assert.strictEqual(verified.payload.exp, t0 / 1000 + 900)
      assert.deepStrictEqual(Object.keys(verified.payload), ["user_id", "exp"])
      // 15 minutes later it is expired for the verifier
      const later = verify(token, SECRET, t0 / 1000 + 900)
      assert(!later.ok)
      assert.strictEqual(later.why, "expired")
    }))

  it.effect("email alone", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(t0)
      const token = yield* Identity.messengerJwt({ secret, email: "ada@example.com" })
      const verified = verify(token, SECRET, t0 / 1000)
      assert(verified.ok)
      assert.deepStrictEqual(verified.payload, { email: "ada@example.com", exp: t0 / 1000 + 3600 })
    }))

  it.effect("a tampered token, or another secret, fails verification", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(t0)
      const token = yield* Identity.messengerJwt({ secret, user_id: "42" })
      const [h, p, s] = token.split(".")
      const forgedPayload = Buffer.from(JSON.stringify({ user_id: "43", exp: t0 / 1000 + 3600 })).toString("base64url")
      const flipped = s.slice(0, -2) + (s.at(-2) === "A" ? "B" : "A") + s.at(-1)
      for (const bad of [`${h}.${forgedPayload}.${s}`, `${h}.${p}.${flipped}`, `${h}.${p}.`, `${h}.${p}`]) {
        const result = verify(bad, SECRET, t0 / 1000)
        assert(!result.ok, bad)
      }
      assert(!verify(token, "another secret", t0 / 1000).ok)
    }))

  it.effect("bad input: typed IdentityErrors, without the secret", () =>
    Effect.gen(function*() {
      const none = yield* Effect.flip(Identity.messengerJwt({ secret }))
      assert.strictEqual(none.reason, "MissingIdentifier")
      const empty = yield* Effect.flip(Identity.messengerJwt({ secret, user_id: "", email: "" }))
      assert.strictEqual(empty.reason, "MissingIdentifier")
      const noSecret = yield* Effect.flip(Identity.messengerJwt({ secret: Redacted.make(""), user_id: "42" }))
      assert.strictEqual(noSecret.reason, "EmptySecret")
      const expiries: ReadonlyArray<Duration.DurationInput> = [
        "0 seconds",
        "500 millis",
        -5,
        Duration.infinity,
        "soon" as Duration.DurationInput // from untyped code
      ]
      for (const expiresIn of expiries) {
        const expiry = yield* Effect.flip(Identity.messengerJwt({ secret, user_id: "42", expiresIn }))
        assert.strictEqual(expiry.reason, "InvalidExpiry", String(expiresIn))
      }
      for (const name of ["user_id", "email", "exp"]) {
        const claims = yield* Effect.flip(Identity.messengerJwt({ secret, user_id: "42", claims: { [name]: "x" } }))
        assert.strictEqual(claims.reason, "InvalidClaims", name)
        assert.strictEqual(claims.issue, `the claim ${name} is set by messengerJwt, not by claims`)
      }
      const cyclic: Record<string, unknown> = {}
      cyclic.self = cyclic
      const notJson = yield* Effect.flip(Identity.messengerJwt({ secret, user_id: "42", claims: { cyclic } }))
      assert.strictEqual(notJson.reason, "InvalidClaims")
      const big = yield* Effect.flip(Identity.messengerJwt({ secret, user_id: "42", claims: { n: BigInt(1) } }))
      assert.strictEqual(big.reason, "InvalidClaims")
      for (const error of [none, noSecret, notJson]) assertNoSecret(error)
    }))
})
