/**
 * Intercom's search language in the fake: every operator, nesting, the
 * limits (2 levels, 15 filters per group) and type rules, rejected in
 * Intercom's error shape. Results are checked against the fake's records
 * filtered here in plain JavaScript.
 */
import { Intercom } from "@effect-intercom/client"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { isErrorList, layer, raw } from "./_fake.js"

type Query = Schemas.SingleFilterSearchRequest | Schemas.MultipleFilterSearchRequest

const DAY = 86_400

const searchContacts = (query: Query) =>
  Effect.flatMap(
    Intercom.Intercom,
    (intercom) =>
      intercom.contacts.searchStream({ query, pagination: { per_page: 150 } }).pipe(
        Stream.map((c) => c.id!),
        Stream.runCollect,
        Effect.map((ids) => [...Chunk.toReadonlyArray(ids)].sort())
      )
  )

const searchConversations = (query: Query) =>
  Effect.flatMap(
    Intercom.Intercom,
    (intercom) =>
      intercom.conversations.searchStream({ query, pagination: { per_page: 150 } }).pipe(
        Stream.map((c) => c.id!),
        Stream.runCollect,
        Effect.map((ids) => [...Chunk.toReadonlyArray(ids)].sort())
      )
  )

const contactsWhere = (predicate: (c: Schemas.Contact) => boolean) =>
  Effect.map(
    Effect.flatMap(FakeIntercom.FakeIntercom, (fake) => fake.records("contacts")),
    (contacts) => contacts.filter(predicate).map((c) => c.id!).sort()
  )

const conversationsWhere = (predicate: (c: Schemas.Conversation) => boolean) =>
  Effect.map(
    Effect.flatMap(FakeIntercom.FakeIntercom, (fake) => fake.records("conversations")),
    (conversations) => conversations.filter(predicate).map((c) => c.id!).sort()
  )

const lower = (s: string | null | undefined) => (s ?? "").toLowerCase()

describe("FakeIntercom search", () => {
  it.effect("string operators: = != ~ !~ ^ $ (case-insensitive)", () =>
    Effect.gen(function*() {
      const sample = (yield* contactsWhere(() => true))[0]
      const fake = yield* FakeIntercom.FakeIntercom
      const contact = (yield* fake.records("contacts")).find((c) => c.id === sample)!
      assert.deepStrictEqual(
        yield* searchContacts({ field: "email", operator: "=", value: contact.email!.toUpperCase() }),
        [contact.id!]
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "email", operator: "~", value: "EXAMPLE.org" }),
        yield* contactsWhere((c) => lower(c.email).includes("example.org"))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "email", operator: "!~", value: "example" }),
        yield* contactsWhere((c) => !lower(c.email).includes("example"))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "name", operator: "^", value: "ada " }),
        yield* contactsWhere((c) => lower(c.name).startsWith("ada "))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "email", operator: "$", value: ".test" }),
        yield* contactsWhere((c) => lower(c.email).endsWith(".test"))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "role", operator: "!=", value: "user" }),
        yield* contactsWhere((c) => c.role !== "user")
      )
    }).pipe(Effect.provide(layer())))

  it.effect("IN, NIN, booleans, custom attributes, multi-valued tag_id and location", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(
        yield* searchContacts({ field: "custom_attributes.plan", operator: "IN", value: ["pro", "enterprise"] }),
        yield* contactsWhere((c) => ["pro", "enterprise"].includes(c.custom_attributes?.plan as string))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "location.country", operator: "NIN", value: ["Ireland", "France"] }),
        yield* contactsWhere((c) => !["Ireland", "France"].includes(c.location?.country ?? ""))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "unsubscribed_from_emails", operator: "=", value: "true" }),
        yield* contactsWhere((c) => c.unsubscribed_from_emails === true)
      )
      const fake = yield* FakeIntercom.FakeIntercom
      const tagged = (yield* fake.records("contacts")).find((c) => (c.tags?.total_count ?? 0) > 0)!
      const tagId = tagged.tags!.data![0].id!
      const withTag = yield* searchContacts({ field: "tag_id", operator: "=", value: tagId })
      assert.include(withTag, tagged.id!)
      assert.deepStrictEqual(withTag, yield* contactsWhere((c) => (c.tags?.data ?? []).some((t) => t.id === tagId)))
      assert.deepStrictEqual(
        yield* searchContacts({ field: "phone", operator: "=", value: null }),
        yield* contactsWhere((c) => c.phone === null)
      )
    }).pipe(Effect.provide(layer())))

  it.effect("contact dates compare by day: > t means a later day than t's", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const contacts = yield* fake.records("contacts")
      const pivot = contacts[100].created_at!
      const dayOf = (t: number) => Math.floor(t / DAY)
      assert.deepStrictEqual(
        yield* searchContacts({ field: "created_at", operator: ">", value: String(pivot) }),
        yield* contactsWhere((c) => dayOf(c.created_at!) > dayOf(pivot))
      )
      assert.deepStrictEqual(
        yield* searchContacts({ field: "created_at", operator: "<", value: pivot }),
        yield* contactsWhere((c) => dayOf(c.created_at!) < dayOf(pivot))
      )
      const sameDay = yield* searchContacts({ field: "created_at", operator: "=", value: dayOf(pivot) * DAY })
      assert.include(sameDay, contacts[100].id!)
      assert.deepStrictEqual(sameDay, yield* contactsWhere((c) => dayOf(c.created_at!) === dayOf(pivot)))
    }).pipe(Effect.provide(layer())))

  it.effect("nested AND/OR over conversations, with inclusive dates and word matching on source.body", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const conversations = yield* fake.records("conversations")
      const pivot = conversations[50].created_at!
      const query: Query = {
        operator: "AND",
        value: [
          {
            operator: "OR",
            value: [
              { field: "state", operator: "=", value: "open" },
              { field: "state", operator: "=", value: "snoozed" }
            ]
          },
          {
            operator: "OR",
            value: [
              { field: "source.body", operator: "=", value: "billing" },
              { field: "created_at", operator: ">", value: pivot }
            ]
          }
        ]
      }
      const words = (html: string | null | undefined) => lower(html).replace(/<[^>]*>/g, " ").split(/[^a-z0-9_'-]+/)
      const expected = yield* conversationsWhere((c) =>
        (c.state === "open" || c.state === "snoozed") &&
        (words(c.source?.body).includes("billing") || c.created_at! >= pivot)
      )
      assert.isAbove(expected.length, 0)
      assert.deepStrictEqual(yield* searchConversations(query), expected)
      // `=` on source.body matches a word, not a phrase
      assert.deepStrictEqual(
        yield* searchConversations({ field: "source.body", operator: "=", value: "help with" }),
        []
      )
      assert.deepStrictEqual(
        yield* searchConversations({ field: "source.body", operator: "~", value: "help with" }),
        yield* conversationsWhere((c) => lower(c.source?.body).includes("help with"))
      )
      // `<` is "lower or equal" for conversations
      assert.include(
        yield* searchConversations({ field: "created_at", operator: "<", value: pivot }),
        conversations[50].id!
      )
    }).pipe(Effect.provide(layer())))

  it.effect("a filter beside a nested group is accepted (sent raw: the client's strict schema refuses it)", () =>
    Effect.gen(function*() {
      const response = yield* raw("POST", "/contacts/search", {
        body: {
          query: {
            operator: "AND",
            value: [
              { field: "role", operator: "=", value: "lead" },
              {
                operator: "OR",
                value: [{ field: "email", operator: "~", value: "example.com" }, {
                  field: "email",
                  operator: "~",
                  value: "acme"
                }]
              }
            ]
          },
          pagination: { per_page: 150 }
        }
      })
      assert.strictEqual(response.status, 200)
      const expected = yield* contactsWhere((c) =>
        c.role === "lead" && (lower(c.email).includes("example.com") || lower(c.email).includes("acme"))
      )
      assert.strictEqual(response.json.total_count, expected.length)
    }).pipe(Effect.provide(layer())))

  describe("limits and type rules, rejected in Intercom's shape", () => {
    const leaf = (n: number) => ({ field: "email", operator: "~", value: `x${n}` })
    const cases: ReadonlyArray<readonly [string, unknown, string]> = [
      [
        "3 levels of nesting",
        { operator: "AND", value: [{ operator: "OR", value: [{ operator: "AND", value: [leaf(1)] }] }] },
        "nested too deeply"
      ],
      [
        "16 filters in a group",
        { operator: "OR", value: Array.from({ length: 16 }, (_, i) => leaf(i)) },
        "limit of 15"
      ],
      ["an empty group", { operator: "AND", value: [] }, "non-empty array"],
      ["~ on a date field", { field: "created_at", operator: "~", value: "2024" }, "only applies to string fields"],
      ["> on a string field", { field: "email", operator: ">", value: "a" }, "only applies to integer and date fields"],
      ["a date that is not a number", { field: "created_at", operator: ">", value: "foobar" }, "is not a number"],
      ["IN without an array", { field: "role", operator: "IN", value: "user" }, "needs an array"],
      ["an unknown field", { field: "favourite_colour", operator: "=", value: "blue" }, "not a searchable field"],
      ["an unknown operator", { field: "email", operator: "LIKE", value: "a" }, "Invalid operator"],
      ["a boolean field with a string", { field: "has_hard_bounced", operator: "=", value: "maybe" }, "boolean field"]
    ]
    for (const [name, query, message] of cases) {
      it.effect(name, () =>
        Effect.gen(function*() {
          const response = yield* raw("POST", "/contacts/search", { body: { query } })
          assert.strictEqual(response.status, 422)
          assert.isTrue(isErrorList(response.json, "parameter_invalid"), JSON.stringify(response.json))
          assert.include(response.json.errors[0].message, message)
          assert.strictEqual(response.headers.get("x-request-id"), response.json.request_id)
        }).pipe(Effect.provide(layer())))
    }

    it.effect("through the client: a 422 is an UnprocessableEntityError with Intercom's errors", () =>
      Effect.gen(function*() {
        const intercom = yield* Intercom.Intercom
        const error = yield* intercom.conversations.search({
          query: {
            operator: "OR",
            value: Array.from({ length: 16 }, (_, i) => ({ field: "id", operator: "=" as const, value: String(i) }))
          }
        }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "UnprocessableEntityError")
        if (error._tag === "UnprocessableEntityError") {
          assert.strictEqual(error.status, 422)
          assert.strictEqual(error.errors[0].code, "parameter_invalid")
          assert.isString(error.requestId)
        }
      }).pipe(Effect.provide(layer())))
  })
})
