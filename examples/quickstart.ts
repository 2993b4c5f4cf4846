/**
 * Quick start: identify the admin behind the token and list a few contacts.
 *
 *   INTERCOM_TOKEN=... pnpm --filter @effect-intercom/examples quickstart
 */
import { Intercom } from "@effect-intercom/client"
import { NodeHttpClient, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function* () {
  const intercom = yield* Intercom.Intercom
  const me = yield* intercom.admins.identify()
  yield* Console.log(`Signed in as ${me.name} <${me.email}> in workspace ${me.app?.name}`)

  const contacts = yield* intercom.contacts.list({ per_page: 5 })
  for (const contact of contacts.data ?? []) {
    yield* Console.log(`- ${contact.id}: ${contact.name ?? "(no name)"} ${contact.email ?? ""}`)
  }
}).pipe(
  Effect.catchTags({
    UnauthorizedError: (error) => Console.error(`The token was refused: ${error.message}`),
    RateLimitError: (error) => Console.error(`Rate limited: ${error.message}`)
  })
)

// `layerConfig()` reads INTERCOM_TOKEN, INTERCOM_REGION, INTERCOM_BASE_URL and INTERCOM_VERSION.
const IntercomLive = Intercom.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))

program.pipe(Effect.provide(IntercomLive), NodeRuntime.runMain)
