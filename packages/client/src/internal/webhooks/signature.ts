/**
 * `X-Hub-Signature`: `sha1=` followed by the lower-case hex HMAC-SHA1 of the
 * raw request body, keyed with the app's client secret. Computed with the
 * platform's Web Crypto (`globalThis.crypto.subtle`: Node 20, browsers, Deno,
 * Bun, workers), never a hash of our own; compared in constant time.
 */
import * as Effect from "effect/Effect"
import * as Encoding from "effect/Encoding"
import * as Redacted from "effect/Redacted"
import { notRedacted } from "../secret.js"

const encoder = /*#__PURE__*/ new TextEncoder()

/** The bytes of a body: a string is taken as the raw text of the body and encoded as UTF-8. */
export const bytesOf = (body: Uint8Array | string): Uint8Array<ArrayBuffer> =>
  typeof body === "string"
    ? encoder.encode(body)
    : body.buffer instanceof ArrayBuffer
    ? body as Uint8Array<ArrayBuffer>
    // A view of a SharedArrayBuffer is not a BufferSource: copied.
    : new Uint8Array(body)

const subtle = Effect.suspend(() => {
  const crypto = globalThis.crypto
  return crypto !== undefined && crypto.subtle !== undefined
    ? Effect.succeed(crypto.subtle)
    : Effect.dieMessage("Web Crypto (globalThis.crypto.subtle) is not available on this platform")
})

/**
 * The lower-case hex HMAC-SHA1 of `body` keyed with `secret`. A failure of the platform's crypto is a defect, and so
 * is a secret that is not a `Redacted` (the server's configuration, not the request, is wrong: `httpApp` answers 500,
 * not 401), said without its value.
 */
export const hmacSha1Hex = (body: Uint8Array | string, secret: Redacted.Redacted<string>): Effect.Effect<string> =>
  Effect.flatMap(subtle, (subtle) => {
    const issue = notRedacted(secret, "secret")
    if (issue !== undefined) return Effect.dieMessage(`Webhooks: the client secret ${issue}`)
    return Effect.promise(async () => {
      const key = await subtle.importKey(
        "raw",
        encoder.encode(Redacted.value(secret)),
        { name: "HMAC", hash: "SHA-1" },
        false,
        ["sign"]
      )
      return Encoding.encodeHex(new Uint8Array(await subtle.sign("HMAC", key, bytesOf(body))))
    })
  })

/** The header's algorithm prefix. */
export const PREFIX = "sha1="

/** What a header value says: its hex digest (lower-cased), or why it cannot be one. */
export const parseHeader = (
  header: string | undefined
): { readonly _tag: "Digest"; readonly hex: string } | { readonly _tag: "Missing" | "Malformed" } => {
  if (header === undefined) return { _tag: "Missing" }
  const value = header.trim()
  if (value === "") return { _tag: "Missing" }
  if (value.length <= PREFIX.length || value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) {
    return { _tag: "Malformed" }
  }
  const digest = value.slice(PREFIX.length)
  return /^[0-9a-fA-F]+$/.test(digest) ? { _tag: "Digest", hex: digest.toLowerCase() } : { _tag: "Malformed" }
}

/**
 * Whether `given` equals `expected`, in time that depends only on the length
 * of `expected` (the digest we computed, 40 characters for SHA-1): every
 * character is compared whatever the earlier ones were, and a length mismatch
 * makes the result false without shortening the loop.
 */
export const constantTimeEqual = (expected: string, given: string): boolean => {
  let diff = expected.length ^ given.length
  for (let i = 0; i < expected.length; i++) {
    // Past the end of `given`, charCodeAt is NaN, and NaN | 0 is 0: still a comparison, still a difference.
    diff |= expected.charCodeAt(i) ^ (given.charCodeAt(i) | 0)
  }
  return diff === 0
}
