/**
 * What a server gives the Intercom Messenger for a signed-in user, and the
 * install link of a public app: no network needed.
 *
 * - identity verification: the Messenger security JWT (HS256, `user_id`,
 *   `email`, `exp`) and the classic `user_hash` (HMAC-SHA256 hex), with the
 *   workspace's identity-verification secret, through Web Crypto;
 * - OAuth: the authorize URL with a random `state` to check on the callback.
 *
 *   INTERCOM_IDENTITY_SECRET=... pnpm --filter @effect-intercom/examples messenger-identity
 */
import * as Identity from "@effect-intercom/client/Identity"
import * as OAuth from "@effect-intercom/client/OAuth"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { isMain } from "./support/Example.js"

export const program = Effect.gen(function*() {
  const secret = yield* Config.redacted("INTERCOM_IDENTITY_SECRET").pipe(
    Config.withDefault(Redacted.make("an-identity-verification-secret"))
  )
  const user = { id: "u_1815", email: "ada@example.com" }

  const intercom_user_jwt = yield* Identity.messengerJwt({ secret, user_id: user.id, email: user.email })
  const user_hash = yield* Identity.userHash({ secret, user_id: user.id })
  yield* Console.log(`Messenger settings for ${user.email}:`)
  yield* Console.log(`  intercom_user_jwt: ${intercom_user_jwt}`)
  yield* Console.log(`  user_hash:         ${user_hash}`)

  const state = yield* OAuth.makeState
  const url = OAuth.authorizeUrl({ clientId: "your-client-id", state, region: "eu" })
  yield* Console.log(`Install link (keep the state in the session to check on the callback): ${url}`)
  return { intercom_user_jwt, user_hash, state, url }
})

if (isMain(import.meta.url)) program.pipe(NodeRuntime.runMain)
