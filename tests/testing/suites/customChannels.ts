/**
 * Custom channel events through the client: a new conversation starts an
 * Intercom conversation with the contact (found or created by external id),
 * later events land in it, a repeated event id is not processed twice, and an
 * unknown external conversation is a 404.
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { isErrorList, layer, raw } from "./_fake.js"

const contact = { type: "user" as const, external_id: "channel-user-1", name: "Jane Doe", email: "jane@example.com" }

describe("FakeIntercom custom channel events", () => {
  it.effect("new conversation, message, quick reply, attribute: all in one conversation of one contact", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const events = intercom.customChannelEvents
      const started = yield* events.notifyNewConversation({
        event_id: "evt-1",
        external_conversation_id: "conv-1",
        contact
      })
      assert.strictEqual(started.external_conversation_id, "conv-1")
      assert.strictEqual(started.external_contact_id, "channel-user-1")
      const person = yield* intercom.contacts.find({ contact_id: started.contact_id! })
      assert.strictEqual(person.external_id, "channel-user-1")
      assert.strictEqual(person.email, "jane@example.com")

      const base = { external_conversation_id: "conv-1", contact }
      const message = yield* events.notifyNewMessage({ ...base, event_id: "evt-2", body: "I need help with my order" })
      assert.strictEqual(message.conversation_id, started.conversation_id)
      yield* events.notifyQuickReplySelected({ ...base, event_id: "evt-3", quick_reply_option_id: "1234" })
      yield* events.notifyAttributeCollected({
        ...base,
        event_id: "evt-4",
        attribute: { id: "shipping_address", value: "123 Main St" }
      })
      // the same event again: the same answer, nothing added
      const repeated = yield* events.notifyNewMessage({ ...base, event_id: "evt-2", body: "I need help with my order" })
      assert.deepStrictEqual(repeated, message)

      const conversation = yield* intercom.conversations.find({ conversation_id: started.conversation_id! })
      const parts = conversation.conversation_parts!.conversation_parts!
      assert.deepStrictEqual(parts.map((p) => p.part_type), ["comment", "quick_reply", "attribute_collected"])
      assert.strictEqual(parts[0].body, "<p>I need help with my order</p>")
      assert.strictEqual(parts[0].author!.id, started.contact_id)
      const updated = yield* intercom.contacts.find({ contact_id: started.contact_id! })
      assert.strictEqual(updated.custom_attributes!.shipping_address, "123 Main St")
    }).pipe(Effect.provide(layer())))

  it.effect("an unknown external conversation is a 404; a second start of one is a 422; invalid bodies a 422", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const events = intercom.customChannelEvents
      const missing = yield* Effect.flip(
        events.notifyNewMessage({ event_id: "e1", external_conversation_id: "nope", contact, body: "hi" })
      )
      assert.strictEqual(missing._tag, "NotFoundError")
      yield* events.notifyNewConversation({ event_id: "e2", external_conversation_id: "c2", contact })
      const twice = yield* Effect.flip(
        events.notifyNewConversation({ event_id: "e3", external_conversation_id: "c2", contact })
      )
      assert.strictEqual(twice._tag, "UnprocessableEntityError")
      const invalid = yield* raw("POST", "/custom_channel_events/notify_new_conversation", {
        body: { event_id: "e4", external_conversation_id: "c3", contact: { type: "visitor", external_id: "x" } }
      })
      assert.strictEqual(invalid.status, 422)
      assert.isTrue(isErrorList(invalid.json))
    }).pipe(Effect.provide(layer())))
})
