/**
 * `FakeIntercom`'s webhooks, end to end: the fake delivers to a real
 * `NodeHttpServer` on 127.0.0.1 serving the client's `Webhooks.httpApp`,
 * which verifies the signatures and decodes the events; the topic filter;
 * a receiver with another secret (401s recorded); an unreachable URL
 * (errors recorded, the API call unaffected).
 */
import { Intercom, Webhooks } from "@effect-intercom/client"
import { FakeIntercom } from "@effect-intercom/testing"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Queue, Redacted } from "effect"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"

const secret = Redacted.make("fake-client-secret")

/** A receiver on 127.0.0.1 (a free port): its URL, and the events its handler got, in a queue. */
const receiver = (receiverSecret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const events = yield* Queue.unbounded<Webhooks.Event>()
    const app = yield* Webhooks.httpApp({ secret: receiverSecret, handler: (event) => Queue.offer(events, event) })
    yield* HttpServer.serveEffect(app)
    const server = yield* HttpServer.HttpServer
    const address = server.address as HttpServer.TcpAddress
    return { url: `http://127.0.0.1:${address.port}/webhooks`, events }
  })

const live = <A, E>(effect: Effect.Effect<A, E, HttpServer.HttpServer | Scope.Scope>) =>
  effect.pipe(
    Effect.scoped,
    Effect.provide(NodeHttpServer.layerServer(() => createServer(), { port: 0, host: "127.0.0.1" })),
    Effect.timeout("8 seconds")
  )

/** `n` events from the queue, waiting at most 3 seconds. */
const take = (events: Queue.Queue<Webhooks.Event>, n: number) =>
  Effect.all(Array.from({ length: n }, () => Queue.take(events))).pipe(Effect.timeout("3 seconds"))

const contactAndReply = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const fake = yield* FakeIntercom.FakeIntercom
  const me = yield* fake.me
  const conversation = (yield* fake.records("conversations"))[0]
  const contact = yield* intercom.contacts.create({ email: "ada@example.com", role: "lead" })
  const replied = yield* intercom.conversations.reply({
    conversation_id: conversation.id!,
    message_type: "comment",
    type: "admin",
    admin_id: me.id!,
    body: "On it"
  })
  return { contact, replied }
})

describe("FakeIntercom webhooks", () => {
  it.live("creating a contact and replying: the receiver gets the verified, decoded events", () =>
    live(Effect.gen(function*() {
      const { events, url } = yield* receiver(secret)
      yield* Effect.gen(function*() {
        const fake = yield* FakeIntercom.FakeIntercom
        const { contact, replied } = yield* contactAndReply
        const received = yield* take(events, 2)
        const byTag = new Map(received.map((event) => [event._tag, event]))
        const lead = byTag.get("contact.lead.created")
        const reply = byTag.get("conversation.admin.replied")
        assert.isDefined(lead)
        assert.isDefined(reply)
        assert.strictEqual(lead!._tag === "contact.lead.created" && lead!.item.id, contact.id)
        assert.strictEqual(reply!._tag === "conversation.admin.replied" && reply!.item.id, replied.id)

        const deliveries = yield* fake.awaitWebhookDeliveries(2)
        assert.deepStrictEqual(deliveries.map((d) => d.status), [200, 200])
        assert.deepStrictEqual(
          [...deliveries].map((d) => d.topic).sort(),
          ["contact.lead.created", "conversation.admin.replied"]
        )
        assert.deepStrictEqual([...deliveries].map((d) => d.id).sort(), ["notif_1", "notif_2"])
        assert.isTrue(deliveries.every((d) => d.url === url && d.error === undefined))
      }).pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, webhooks: { url, secret } })))
    })))

  it.live("the other topics: a user, a conversation, a user's reply, a ticket, a company", () =>
    live(Effect.gen(function*() {
      const { events, url } = yield* receiver(secret)
      yield* Effect.gen(function*() {
        const intercom = yield* Intercom.Intercom
        const fake = yield* FakeIntercom.FakeIntercom
        const user = yield* intercom.contacts.create({ email: "grace@example.com" })
        const message = yield* intercom.conversations.create({ from: { type: "user", id: user.id! }, body: "Hi" })
        yield* intercom.conversations.reply({
          conversation_id: message.conversation_id!,
          message_type: "comment",
          type: "user",
          intercom_user_id: user.id!,
          body: "Still there?"
        })
        const ticketType = (yield* fake.records("ticketTypes"))[0]
        const ticket = yield* intercom.tickets.create({ ticket_type_id: ticketType.id!, contacts: [{ id: user.id! }] })
        const company = yield* intercom.companies.createOrUpdate({ company_id: "acme-webhooks", name: "Acme" })
        yield* intercom.companies.createOrUpdate({ company_id: "acme-webhooks", name: "Acme Inc" }) // an update: none

        const received = yield* take(events, 5)
        const ids = Object.fromEntries(received.map((event) => [event._tag, (event.item as { id?: unknown }).id]))
        assert.deepStrictEqual(ids, {
          "contact.user.created": user.id,
          "conversation.user.created": message.conversation_id,
          "conversation.user.replied": message.conversation_id,
          "ticket.created": ticket.id,
          "company.created": company.id
        })
        const deliveries = yield* fake.awaitWebhookDeliveries(5)
        assert.strictEqual(deliveries.length, 5)
      }).pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, webhooks: { url, secret } })))
    })))

  it.live("topics filters: only the listed topics are delivered", () =>
    live(Effect.gen(function*() {
      const { events, url } = yield* receiver(secret)
      yield* Effect.gen(function*() {
        const fake = yield* FakeIntercom.FakeIntercom
        const { replied } = yield* contactAndReply
        const [event] = yield* take(events, 1)
        assert.strictEqual(event._tag, "conversation.admin.replied")
        assert.strictEqual((event.item as { id?: unknown }).id, replied.id)
        const deliveries = yield* fake.awaitWebhookDeliveries(1)
        assert.deepStrictEqual(deliveries.map((d) => [d.topic, d.status]), [["conversation.admin.replied", 200]])
        // nothing else comes
        assert.isTrue((yield* Effect.timeout(Queue.take(events), "100 millis").pipe(Effect.option))._tag === "None")
        assert.strictEqual((yield* fake.webhookDeliveries).length, 1)
      }).pipe(Effect.provide(FakeIntercom.layerIntercom({
        seed: FakeIntercom.smallSeed,
        webhooks: { url, secret, topics: ["conversation.admin.replied"] }
      })))
    })))

  it.live("a receiver with another secret: the fake records 401s, the handler gets nothing", () =>
    live(Effect.gen(function*() {
      const { events, url } = yield* receiver(Redacted.make("another-secret"))
      yield* Effect.gen(function*() {
        const fake = yield* FakeIntercom.FakeIntercom
        yield* contactAndReply
        const deliveries = yield* fake.awaitWebhookDeliveries(2)
        assert.deepStrictEqual(deliveries.map((d) => d.status), [401, 401])
        assert.strictEqual(yield* Queue.size(events), 0)
      }).pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, webhooks: { url, secret } })))
    })))

  it.live("an unreachable URL: deliveries recorded as errors, the API calls succeed", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const { contact, replied } = yield* contactAndReply
      assert.isString(contact.id)
      assert.isString(replied.id)
      const deliveries = yield* fake.awaitWebhookDeliveries(2)
      assert.isTrue(deliveries.every((d) => d.status === undefined && typeof d.error === "string" && d.error !== ""))
    }).pipe(
      Effect.provide(FakeIntercom.layerIntercom({
        seed: FakeIntercom.smallSeed,
        webhooks: { url: "http://127.0.0.1:1/webhooks", secret, timeout: "2 seconds" }
      })),
      Effect.timeout("8 seconds")
    ))

  it.effect("under the TestClock, and without webhooks: nothing recorded, awaiting times out in real time", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* contactAndReply
      assert.deepStrictEqual(yield* fake.webhookDeliveries, [])
      const error = yield* Effect.flip(fake.awaitWebhookDeliveries(1, { within: "50 millis" }))
      assert.strictEqual(error._tag, "TimeoutException")
    }).pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed }))))

  it.effect("under the TestClock: deliveries still happen (an unreachable URL, errors recorded)", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* contactAndReply
      const deliveries = yield* fake.awaitWebhookDeliveries(2)
      assert.deepStrictEqual(deliveries.map((d) => d.status), [undefined, undefined])
    }).pipe(Effect.provide(FakeIntercom.layerIntercom({
      seed: FakeIntercom.smallSeed,
      webhooks: { url: "http://127.0.0.1:1/webhooks", secret, timeout: "2 seconds" }
    }))))
})

// README (packages/testing/README.md): Webhooks, the block as shown
describe("README: webhooks", () => {
  const program = Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const fake = yield* FakeIntercom.FakeIntercom
    yield* intercom.contacts.create({ email: "ada@example.com", role: "lead" })
    const [delivery] = yield* fake.awaitWebhookDeliveries(1)
    console.log(delivery.topic, delivery.status ?? delivery.error) // contact.lead.created 200
    return delivery
  })

  const run = (url: string) =>
    program.pipe(
      Effect.provide(FakeIntercom.layerIntercom({ webhooks: { url, secret: Redacted.make("client-secret") } }))
    )

  it.live("the delivery is answered 200 by a receiver with the same secret", () =>
    live(Effect.gen(function*() {
      const { url } = yield* receiver(Redacted.make("client-secret"))
      const delivery = yield* run(url)
      assert.strictEqual(delivery.topic, "contact.lead.created")
      assert.strictEqual(delivery.status, 200)
    })))
})
