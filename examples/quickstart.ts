/**
 * Quick start: identify the admin behind the token and list a few contacts.
 *
 *   pnpm --filter @effect-intercom/examples quickstart                     # against the fake Intercom
 *   INTERCOM_TOKEN=... pnpm --filter @effect-intercom/examples quickstart  # against your workspace
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { isMain } from "./support/Example.js"

export const program = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const me = yield* intercom.admins.identify()
  yield* Console.log(`Signed in as ${me.name} <${me.email}> in workspace ${me.app?.name}`)

  const contacts = yield* intercom.contacts.list({ per_page: 5 })
  yield* Console.log(`${contacts.total_count} contacts; the first ${contacts.data?.length ?? 0}:`)
  for (const contact of contacts.data ?? []) {
    yield* Console.log(`- ${contact.id}: ${contact.name ?? "(no name)"} ${contact.email ?? ""}`)
  }
}).pipe(
  Effect.catchTags({
    UnauthorizedError: (error) => Console.error(`The token was refused: ${error.message}`),
    RateLimitError: (error) => Console.error(`Rate limited: ${error.message}`)
  })
)

if (isMain(import.meta.url)) {
  // `layerConfig()` reads INTERCOM_TOKEN, INTERCOM_REGION, INTERCOM_BASE_URL and INTERCOM_VERSION.
  // Without a token, the fake Intercom of @effect-intercom/testing stands in (no network).
  const IntercomLive = process.env.INTERCOM_TOKEN
    ? Intercom.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))
    : FakeIntercom.layerIntercom()

  program.pipe(Effect.provide(IntercomLive), NodeRuntime.runMain)
}
