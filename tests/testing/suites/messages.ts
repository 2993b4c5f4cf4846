/**
 * Messages and conversation actions through the client: a contact's message
 * is a conversation; an admin's conversation message or in-app message with
 * `create_conversation_without_contact_reply` starts one with every
 * recipient, an email only contacts them; redacting a part or a contact's
 * source, converting to a ticket and running the assignment rules act on the
 * fake's conversations.
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { isErrorList, layer, raw } from "./_fake.js"

describe("FakeIntercom messages and conversation actions", () => {
  it.effect("messages.create: from a contact, an admin conversation, an admin email", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const admin = yield* intercom.admins.identify()
      const [a, b] = (yield* intercom.contacts.list({ per_page: 2 })).data!

      const fromUser = yield* intercom.messages.create({ from: { type: "user", id: a.id! }, body: "heyy" })
      assert.strictEqual(fromUser.type, "user_message")
      const started = yield* intercom.conversations.find({ conversation_id: fromUser.conversation_id! })
      assert.strictEqual(started.source!.delivered_as, "customer_initiated")
      assert.strictEqual(started.source!.author!.id, a.id)

      const conversation = yield* intercom.messages.create({
        message_type: "conversation",
        body: "Hello both",
        from: { type: "admin", id: admin.id! },
        to: [{ type: "user", id: a.id! }, { type: "user", id: b.id! }]
      })
      assert.strictEqual(conversation.type, "admin_message")
      const found = yield* intercom.conversations.find({ conversation_id: conversation.conversation_id! })
      assert.strictEqual(found.source!.delivered_as, "admin_initiated")
      assert.strictEqual(found.source!.author!.id, admin.id)
      assert.deepStrictEqual(found.contacts!.contacts!.map((c) => c.id), [a.id, b.id])

      const email = yield* intercom.messages.create({
        message_type: "email",
        subject: "Renewal",
        body: "Your plan renews soon",
        template: "plain",
        from: { type: "admin", id: admin.id! },
        to: { type: "user", id: b.id! },
        created_at: 1_700_000_123
      })
      assert.strictEqual(email.subject, "Renewal")
      assert.isUndefined(email.conversation_id)
      assert.strictEqual((yield* intercom.contacts.find({ contact_id: b.id! })).last_contacted_at, 1_700_000_123)

      const noSubject = yield* raw("POST", "/messages", {
        body: {
          message_type: "email",
          body: "x",
          template: "plain",
          from: { type: "admin", id: admin.id },
          to: { type: "user", id: a.id }
        }
      })
      assert.strictEqual(noSubject.status, 422)
      const empty = yield* Effect.flip(intercom.messages.create({ from: { type: "user", id: a.id! }, body: " " }))
      assert.strictEqual(empty._tag, "BadRequestError")
      const unknown = yield* raw("POST", "/messages", { body: { from: { type: "user", id: "nobody" }, body: "hi" } })
      assert.strictEqual(unknown.status, 404)
      assert.isTrue(isErrorList(unknown.json))
    }).pipe(Effect.provide(layer())))

  it.effect("redact a part and a contact's source message; an admin's part without body is not redactable", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const admin = yield* intercom.admins.identify()
      const contact = (yield* intercom.contacts.list({ per_page: 1 })).data![0]
      const message = yield* intercom.conversations.create({
        from: { type: "user", id: contact.id! },
        body: "my card is 4111"
      })
      const id = message.conversation_id!
      const replied = yield* intercom.conversations.reply({
        conversation_id: id,
        message_type: "comment",
        type: "admin",
        admin_id: admin.id!,
        body: "Please do not send card numbers"
      })
      const part = replied.conversation_parts!.conversation_parts!.at(-1)!
      const redacted = yield* intercom.conversations.redactConversationPart({
        type: "conversation_part",
        conversation_id: id,
        conversation_part_id: part.id!
      })
      const after = redacted.conversation_parts!.conversation_parts!.find((p) => p.id === part.id)!
      assert.isTrue(after.redacted)
      assert.strictEqual(after.body, "<p><i>This message was deleted</i></p>")
      const source = yield* intercom.conversations.redactConversationPart({
        type: "source",
        conversation_id: id,
        source_id: message.id
      })
      assert.isTrue(source.source!.redacted)
      assert.strictEqual(
        (yield* intercom.conversations.find({ conversation_id: id })).source!.body,
        "<p><i>This message was deleted</i></p>"
      )

      const closed = yield* intercom.conversations.manage({
        conversation_id: id,
        message_type: "close",
        type: "admin",
        admin_id: admin.id!
      })
      const closePart = closed.conversation_parts!.conversation_parts!.at(-1)!
      const notRedactable = yield* Effect.flip(
        intercom.conversations.redactConversationPart({
          type: "conversation_part",
          conversation_id: id,
          conversation_part_id: closePart.id!
        })
      )
      assert.strictEqual(notRedactable._tag, "BadRequestError")
      const missing = yield* Effect.flip(
        intercom.conversations.redactConversationPart({
          type: "conversation_part",
          conversation_id: "really_123_doesnt_exist",
          conversation_part_id: "really_123_doesnt_exist"
        })
      )
      assert.strictEqual(missing._tag, "NotFoundError")
      if (missing._tag === "NotFoundError") {
        assert.strictEqual(missing.errors[0].code, "conversation_part_or_message_not_found")
      }
    }).pipe(Effect.provide(layer())))

  it.effect("convert to a ticket (customer ticket types only), run the assignment rules, 404 for unknown ids", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const contact = (yield* intercom.contacts.list({ per_page: 1 })).data![0]
      const message = yield* intercom.conversations.create({
        from: { type: "user", id: contact.id! },
        body: "It is broken"
      })
      const types = (yield* intercom.ticketTypes.list()).data!
      const customer = types.find((t) => t?.category === "Customer")!
      const tracker = types.find((t) => t?.category === "Tracker")!
      const ticket = yield* intercom.conversations.convertToTicket({
        conversation_id: message.conversation_id!,
        ticket_type_id: customer.id!,
        attributes: { _default_title_: "Broken" }
      })
      assert.strictEqual(ticket.ticket_attributes!._default_title_, "Broken")
      assert.strictEqual(ticket.ticket_state!.category, "submitted")
      assert.strictEqual(ticket.contacts!.contacts![0].id, contact.id)
      assert.strictEqual(ticket.ticket_parts!.ticket_parts![0].body, "<p>It is broken</p>")
      assert.strictEqual((yield* intercom.tickets.get({ ticket_id: ticket.id! })).id, ticket.id)
      const wrongType = yield* Effect.flip(
        intercom.conversations.convertToTicket({
          conversation_id: message.conversation_id!,
          ticket_type_id: tracker.id!
        })
      )
      assert.strictEqual(wrongType._tag, "BadRequestError")

      const assigned = yield* intercom.conversations.runAssignmentRules({ conversation_id: message.conversation_id! })
      const team = (yield* intercom.teams.list()).teams![0]
      assert.strictEqual(assigned.team_assignee_id, team.id)
      assert.include(team.admin_ids!, assigned.admin_assignee_id)
      assert.strictEqual(assigned.conversation_parts!.conversation_parts!.at(-1)!.part_type, "default_assignment")
      // once assigned, the rules leave it
      const again = yield* intercom.conversations.runAssignmentRules({ conversation_id: message.conversation_id! })
      assert.strictEqual(again.conversation_parts!.total_count, assigned.conversation_parts!.total_count)

      const missing = yield* Effect.flip(intercom.conversations.runAssignmentRules({ conversation_id: "404" }))
      assert.strictEqual(missing._tag, "NotFoundError")
      const missingConvert = yield* Effect.flip(
        intercom.conversations.convertToTicket({ conversation_id: "404", ticket_type_id: customer.id! })
      )
      assert.strictEqual(missingConvert._tag, "NotFoundError")
      const invalid = yield* raw("POST", `/conversations/${message.conversation_id}/convert`, { body: {} })
      assert.strictEqual(invalid.status, 422)
    }).pipe(Effect.provide(layer())))
})
