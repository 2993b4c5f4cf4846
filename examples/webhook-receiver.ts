/**
 * A webhook receiver, end to end without an account: a real HTTP server on
 * 127.0.0.1 serving `Webhooks.httpApp` (signature checked, events decoded
 * and matched by topic), and the fake Intercom delivering to it, signed like
 * Intercom, the state changes the program makes (a new lead, an admin's
 * reply).
 *
 *   pnpm --filter @effect-intercom/examples webhook-receiver
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as Webhooks from "@effect-intercom/client/Webhooks"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as HttpServer from "@effect/platform/HttpServer"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Match from "effect/Match"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import { createServer } from "node:http"
import { isMain } from "./support/Example.js"

/** The app's client secret: Intercom signs deliveries with it; the receiver checks them with it. */
const secret = Redacted.make("the-app-client-secret")

/** What the receiver does with each event: match on its topic, typed by the topic's schema. */
const describe = Match.type<Webhooks.Event>().pipe(
  Match.tag("contact.lead.created", "contact.user.created", (event) => `new ${event.item.role} ${event.item.email}`),
  Match.tag("conversation.admin.replied", (event) => `an admin replied in conversation ${event.item.id}`),
  Match.tag("Generic", (event) => `${event.topic} (untyped: ${event.reason})`),
  Match.orElse((event) => event.topic)
)

/** Serve the receiver, point the fake at it, make two changes, print the two events received. */
export const program = Effect.gen(function*() {
  // the receiver: 200 at once, then the handler; a bad signature is a 401 and reaches no handler
  const received = yield* Queue.unbounded<string>()
  const app = yield* Webhooks.httpApp({ secret, handler: (event) => Queue.offer(received, describe(event)) })
  yield* HttpServer.serveEffect(app)
  const address = (yield* HttpServer.HttpServer).address as HttpServer.TcpAddress
  const url = `http://127.0.0.1:${address.port}/intercom/webhooks`
  yield* Console.log(`Receiving webhooks on ${url}`)

  // the fake Intercom, delivering its webhooks there
  yield* Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const fake = yield* FakeIntercom.FakeIntercom
    const me = yield* intercom.admins.identify()
    const conversation = (yield* fake.records("conversations"))[0]
    yield* intercom.contacts.create({ role: "lead", email: "grace@example.com" })
    yield* intercom.conversations.reply({
      conversation_id: conversation.id!,
      message_type: "comment",
      type: "admin",
      admin_id: me.id,
      body: "On it"
    })
    for (let i = 0; i < 2; i++) yield* Console.log(`received: ${yield* Queue.take(received)}`)
    const deliveries = yield* fake.awaitWebhookDeliveries(2)
    yield* Console.log(`delivered: ${deliveries.map((d) => `${d.id} ${d.topic} ${d.status}`).join(", ")}`)
  }).pipe(
    Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, webhooks: { url, secret } }))
  )
}).pipe(
  Effect.scoped,
  Effect.provide(NodeHttpServer.layerServer(() => createServer(), { port: 0, host: "127.0.0.1" })),
  Effect.timeout("10 seconds")
)

if (isMain(import.meta.url)) program.pipe(NodeRuntime.runMain)
