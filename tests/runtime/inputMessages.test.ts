/**
 * The messages of `InvalidInputError` (`internal/issues.ts`, `firstIssue`):
 * - an input that matches no alternative of a union of objects says so,
 *   names the alternatives and the closest one, and gives that one's first
 *   problem with its JSON path (which is also the error's `jsonPath`);
 * - a problem every alternative shares, and any mistake in an input that is
 *   not a union, keep Schema's plain message;
 * - a wrapped (official SDK) body names its paths under `body`, in the
 *   message too;
 * - messages are bounded and never echo a long value whole;
 * - rule R6 of the generator (`described.ts`): request strings whose values
 *   the spec gives in words are typed as those values or any string, so the
 *   editor completes them and an unknown value is still sent.
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import type * as Companies from "@effect-intercom/client/stable/Companies"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import * as Conversations from "@effect-intercom/client/stable/Conversations"
import * as Messages from "@effect-intercom/client/stable/Messages"
import * as Tickets from "@effect-intercom/client/stable/Tickets"
import type * as Visitors from "@effect-intercom/client/stable/Visitors"
import * as UnstableConversations from "@effect-intercom/client/unstable/Conversations"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { json, mock } from "./_mock.js"

/** The `InvalidInputError` of running `op` with `input` (nothing may be sent). */
const invalid = (op: Operation.Operation<any, any, any>, input: unknown) => {
  const m = mock()
  return Effect.gen(function*() {
    const error = yield* Effect.flip(Operation.execute(op, input))
    assert.instanceOf(error, IntercomError.InvalidInputError)
    assert.strictEqual(m.requests.length, 0, "nothing is sent")
    return error as IntercomError.InvalidInputError
  }).pipe(Effect.provide(m.layer()))
}

/** The error's `issue` equals `expected`, and its message is `<operation>: invalid input at <jsonPath>: <issue>`. */
const assertIssue = (error: IntercomError.InvalidInputError, jsonPath: string, expected: string) => {
  assert.strictEqual(error.jsonPath, jsonPath)
  assert.strictEqual(error.issue, expected)
  assert.strictEqual(error.message, `${error.operation}: invalid input at ${jsonPath}: ${expected}`)
}

const replyAlternatives =
  `({ type: "user", intercom_user_id }, { type: "user", email }, { type: "user", user_id }, { type: "admin" })`

const manageAlternatives =
  `({ message_type: "close" }, { message_type: "snoozed" }, { message_type: "open" }, { message_type: "assignment" })`

describe("an input that matches no alternative of a union", () => {
  it.effect("contacts.create({ role: 123 }): the alternatives, the closest ({ role }) and its problem", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Contacts.createOperation, { role: 123 })
      assertIssue(
        error,
        "$.role",
        "the input matches none of 3 alternatives ({ email }, { external_id }, { role }); " +
          "closest: { role }, at $.role: Expected string, actual 123"
      )
    }))

  it.effect("intercom.contacts.create through the service: the same message (was: \"$.email is missing\")", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.contacts.create({ role: 123 } as never))
      assert(error._tag === "InvalidInputError")
      assert.strictEqual(error.jsonPath, "$.role")
      assert.include(error.message, "matches none of 3 alternatives")
      assert.include(error.message, "closest: { role }, at $.role: Expected string, actual 123")
    }).pipe(Effect.provide(Intercom.layerFromClient.pipe(Layer.provideMerge(mock().layer())))))

  it.effect("contacts.create with a misspelt key: the first alternative is as close as any, its key is missing", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Contacts.createOperation, { emial: "a@example.com" })
      assertIssue(
        error,
        "$.email",
        "the input matches none of 3 alternatives ({ email }, { external_id }, { role }); " +
          "closest: { email }, at $.email: is missing"
      )
    }))

  it.effect("contacts.create with a string: one of the alternatives expected, the value shown", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Contacts.createOperation, "someone@example.com")
      assertIssue(
        error,
        "$",
        "Expected one of 3 alternatives ({ email }, { external_id }, { role }), actual \"someone@example.com\""
      )
    }))

  it.effect("conversations.reply: the literals pick the admin reply, whose admin_id is missing", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.replyOperation, {
        conversation_id: "1",
        message_type: "comment",
        type: "admin",
        body: "Hello"
      })
      assertIssue(
        error,
        "$.admin_id",
        `the input matches none of 4 alternatives ${replyAlternatives}; closest: { type: "admin" }, at $.admin_id: is missing`
      )
    }))

  it.effect("conversations.reply: a user reply with an admin's message type, the allowed literals listed", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.replyOperation, {
        conversation_id: "1",
        message_type: "note",
        type: "user",
        email: "a@example.com",
        body: "Hello"
      })
      assertIssue(
        error,
        "$.message_type",
        `the input matches none of 4 alternatives ${replyAlternatives}; closest: { type: "user", email }, ` +
          `at $.message_type: Expected "comment" | "quick_reply", actual "note"`
      )
    }))

  it.effect("tickets.reply: the same for a ticket", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Tickets.replyOperation, { ticket_id: "1", message_type: "comment", type: "admin" })
      assert.strictEqual(error.jsonPath, "$.admin_id")
      assert.include(error.issue, "matches none of 4 alternatives")
      assert.include(error.issue, `closest: { type: "admin" }, at $.admin_id: is missing`)
    }))

  it.effect("conversations.manage: a near miss of a message type names the alternative it is near", () =>
    Effect.gen(function*() {
      const snooze = yield* invalid(Conversations.manageOperation, {
        conversation_id: "1",
        message_type: "snooze",
        admin_id: "1",
        snoozed_until: 1
      })
      assertIssue(
        snooze,
        "$.message_type",
        `the input matches none of 4 alternatives ${manageAlternatives}; closest: { message_type: "snoozed" }, ` +
          `at $.message_type: Expected "snoozed", actual "snooze"`
      )
      const closed = yield* invalid(Conversations.manageOperation, {
        conversation_id: "1",
        message_type: "closed",
        type: "admin",
        admin_id: "1"
      })
      assert.strictEqual(closed.jsonPath, "$.message_type")
      assert.include(
        closed.issue,
        `closest: { message_type: "close" }, at $.message_type: Expected "close", actual "closed"`
      )
    }))

  it.effect("conversations.manage: the right literals and a wrong field: that field", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.manageOperation, {
        conversation_id: "1",
        message_type: "close",
        type: "admin",
        admin_id: "1",
        body: 5
      })
      assertIssue(
        error,
        "$.body",
        `the input matches none of 4 alternatives ${manageAlternatives}; closest: { message_type: "close" }, ` +
          `at $.body: Expected string, actual 5`
      )
    }))

  it.effect("messages.create: an email without a subject; an alternative without literals is named by its keys", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Messages.createOperation, {
        message_type: "email",
        body: "Hello",
        from: { type: "admin", id: "1" },
        to: { type: "user", id: "2" }
      })
      assertIssue(
        error,
        "$.subject",
        `the input matches none of 4 alternatives ({ message_type: "email" }, { message_type: "inapp" | "in_app" }, ` +
          `{ from, body }, { message_type: "conversation" }); closest: { message_type: "email" }, at $.subject: is missing`
      )
    }))

  it.effect("a search query: the nested union's alternatives by their names, the path inside the nested filter", () =>
    Effect.gen(function*() {
      const single = yield* invalid(Contacts.searchOperation, {
        query: { field: "email", operator: "~~", value: "a" }
      })
      const operators = `"=" | "!=" | "IN" | "NIN" | "<" | ">" | "~" | "!~" | "^" | "$"`
      assertIssue(
        single,
        "$.query.operator",
        "$.query matches none of 2 alternatives (SingleFilterSearchRequest, MultipleFilterSearchRequest); " +
          `closest: SingleFilterSearchRequest, at $.query.operator: Expected ${operators}, actual "~~"`
      )
      const nested = yield* invalid(Conversations.searchOperation, {
        query: { operator: "AND", value: [{ field: "state", operator: "=", value: "open" }, { field: "x", value: {} }] }
      })
      assertIssue(
        nested,
        "$.query.value[1].value",
        "$.query matches none of 2 alternatives (SingleFilterSearchRequest, MultipleFilterSearchRequest); " +
          "closest: MultipleFilterSearchRequest, at $.query.value[1].value: " +
          "Expected string | number | ReadonlyArray<string | Finite> | null, actual {}"
      )
      const notAnObject = yield* invalid(Contacts.searchOperation, { query: "email = a" })
      assertIssue(
        notAnObject,
        "$.query",
        "Expected one of 2 alternatives (SingleFilterSearchRequest, MultipleFilterSearchRequest), actual \"email = a\""
      )
    }))
})

describe("plain messages", () => {
  it.effect("a problem every alternative shares (the path parameter beside the body) is not the union's", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.replyOperation, {
        message_type: "comment",
        type: "admin",
        admin_id: "1",
        body: "Hello"
      })
      assertIssue(error, "$.conversation_id", "is missing")
    }))

  it.effect("the alternative is clear and a field beside it is wrong in each: that field, plainly", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Contacts.createOperation, { email: "a@example.com", phone: 5 })
      assertIssue(error, "$.phone", "Expected string, actual 5")
    }))

  it.effect("an input that is not a union keeps Schema's message", () =>
    Effect.gen(function*() {
      const wrong = yield* invalid(Contacts.updateOperation, { contact_id: "1", email: 12 })
      assertIssue(wrong, "$.email", "Expected string, actual 12")
      const missing = yield* invalid(Contacts.findOperation, {})
      assertIssue(missing, "$.contact_id", "is missing")
    }))

  it.effect("a closed enum outside a union lists its values (was: the first one only)", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.listOperation, { per_page: "x" })
      assert.strictEqual(error.jsonPath, "$.per_page")
      assert.match(error.issue, /^Expected /)
    }))
})

describe("the official SDK's shape", () => {
  it.effect("a wrapped body: the jsonPath and the paths in the message are under `body`", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.replyOperation, {
        conversation_id: "1",
        body: { message_type: "comment", type: "admin", body: "Hello" }
      })
      assertIssue(
        error,
        "$.body.admin_id",
        `$.body matches none of 4 alternatives ${replyAlternatives}; closest: { type: "admin" }, ` +
          "at $.body.admin_id: is missing"
      )
    }))

  it.effect("a wrapped body in the Preview: the same", () =>
    Effect.gen(function*() {
      const error = yield* invalid(UnstableConversations.manageConversationOperation, {
        id: "1",
        body: { message_type: "close", admin_id: 7, type: "bot" }
      })
      assert.strictEqual(error.jsonPath, "$.body.type")
      assert.include(error.issue, `$.body matches none of 4 alternatives`)
      assert.include(error.issue, `closest: { message_type: "close" }, at $.body.type: Expected "admin", actual "bot"`)
    }))

  it.effect("a wrapped body missing its path parameter: the parameter, beside the body", () =>
    Effect.gen(function*() {
      const error = yield* invalid(Conversations.replyOperation, {
        body: { message_type: "comment", type: "admin", admin_id: "1", body: "Hello" }
      })
      assertIssue(error, "$.conversation_id", "is missing")
    }))
})

describe("bounds", () => {
  it.effect("a long value is shortened, and the message is bounded", () =>
    Effect.gen(function*() {
      const long = "z".repeat(5000)
      const error = yield* invalid(Contacts.createOperation, { role: { nested: long }, name: long })
      assert.strictEqual(error.jsonPath, "$.role")
      assert.include(error.issue, "closest: { role }, at $.role: Expected string, actual {\"nested\":\"zzz")
      assert.notInclude(error.issue, long)
      assert.isAtMost(error.issue.length, 600)
      assert.isAtMost(error.message.length, 700)
    }))

  it.effect("every union of a real operation, given an empty object or a wrong type: bounded messages", () =>
    Effect.gen(function*() {
      const ops = [
        Contacts.createOperation,
        Conversations.replyOperation,
        Conversations.manageOperation,
        Messages.createOperation,
        Tickets.replyOperation,
        UnstableConversations.manageConversationOperation
      ]
      for (const op of ops) {
        for (const input of [{}, { message_type: 42, type: [1, 2, 3], body: { deep: "x".repeat(1000) } }]) {
          const error = yield* invalid(op, input)
          assert.isAtMost(error.issue.length, 600, op.name)
          assert.notInclude(error.issue, "x".repeat(100), op.name)
        }
      }
    }))
})

describe("described values (R6): typed completions, unknown strings accepted", () => {
  it("the known values are in the types; another string passes; a wrong type does not compile", () => {
    const template: Messages.CreateMessageRequest = {
      message_type: "email",
      subject: "Hi",
      body: "Hello",
      template: "plain",
      from: { type: "admin", id: "1" },
      to: { type: "user", id: "2" }
    }
    const personal: NonNullable<Extract<Messages.CreateMessageRequest, { subject: string }>["template"]> = "personal"
    const other: NonNullable<Extract<Messages.CreateMessageRequest, { subject: string }>["template"]> = "fancy"
    // @ts-expect-error a number is not a template
    const wrong: NonNullable<Extract<Messages.CreateMessageRequest, { subject: string }>["template"]> = 1
    const role: Contacts.CreateContactRequest = { role: "lead" }
    const unknownRole: Contacts.CreateContactRequest = { role: "visitor" }
    // @ts-expect-error a boolean is not a role
    const wrongRole: Contacts.CreateContactRequest = { role: true }
    const order: Companies.ListCompaniesRequest["order"] = "asc"
    const last: Conversations.ReplyToConversationRequest["conversation_id"] = "last"
    const id: Conversations.ReplyToConversationRequest["conversation_id"] = 123
    const visitor: Visitors.MergeVisitorToContactRequest["type"] = "user"
    assert.isDefined([template, personal, other, wrong, role, unknownRole, wrongRole, order, last, id, visitor])
  })

  it.effect("an unknown value is sent as given (the schema is still a string)", () => {
    const m = mock(() => json({ type: "user", id: "1" }))
    return Effect.gen(function*() {
      yield* Contacts.create({ role: "visitor" })
      yield* Messages.create({
        message_type: "email",
        subject: "Hi",
        body: "Hello",
        template: "fancy",
        from: { type: "admin", id: "1" },
        to: { type: "user", id: "2" }
      })
      const [contact, message] = m.requests
      assert.deepStrictEqual(JSON.parse(contact.body!), { role: "visitor" })
      assert.strictEqual(JSON.parse(message.body!).template, "fancy")
    }).pipe(Effect.provide(m.layer()))
  })
})
