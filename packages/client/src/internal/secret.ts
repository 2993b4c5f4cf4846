/**
 * A secret where a `Redacted` is expected (the API token, the OAuth client
 * secret, the identity-verification and webhook secrets) that is not one: a
 * plain string from JavaScript, or `intercom-client`'s `token: "..."`. What
 * is wrong is said without the value, so that the mistake cannot leak it.
 */
import * as Redacted from "effect/Redacted"

const kind = (value: unknown): string =>
  value === null ? "null" : value === undefined ? "undefined" : Array.isArray(value) ? "an array" : `a ${typeof value}`

/**
 * Why `value` cannot be used as the secret `name`, or `undefined` when it is a `Redacted`.
 *
 * @internal
 */
export const notRedacted = (value: unknown, name: string): string | undefined =>
  Redacted.isRedacted(value)
    ? undefined
    : `must be a Redacted (Redacted.make(${name}), Config.redacted), not ${kind(value)}`
