/**
 * `Search`: the wire JSON of built queries (flat, nested, custom and ticket
 * attributes, dates from `Date` and `DateTime`, booleans), the limits at and
 * beyond each bound with each rejection's JSON path and message, nothing sent
 * for a rejected query (mock HttpClient), the senders (`page`, `pages`,
 * `stream`, stable and Preview), the built query passed unchanged through
 * `intercom.contacts.searchStream`, and the compile errors of wrong operators.
 */
import { Intercom, IntercomError } from "@effect-intercom/client"
import * as Search from "@effect-intercom/client/Search"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as MockHttp from "../support/MockHttp.js"
import { json, mock } from "./_mock.js"

/** The error of a rejected query (fails the test when the query passes). */
/** Any of the resources (their type parameters differ; the check needs none of them). */
type AnyResource = object

const check = (query: unknown, resource: AnyResource) =>
  Search.validate(query as Search.QueryInput, resource as typeof Search.contacts)

const rejected = (query: unknown, resource: AnyResource = Search.contacts) => {
  const result = check(query, resource)
  if (Either.isRight(result)) throw new Error(`expected a rejection, got ${JSON.stringify(result.right)}`)
  assert.instanceOf(result.left, IntercomError.InvalidInputError)
  return result.left
}

const accepted = (query: unknown, resource: AnyResource = Search.contacts) => {
  const result = check(query, resource)
  if (Either.isLeft(result)) throw new Error(`expected a valid query, got ${result.left.message}`)
  return result.right
}

const email = (n: number) => Search.contacts.where("email", "=", `user${n}@example.com`)

const JAN_1_2024 = 1_704_067_200 // 2024-01-01T00:00:00Z

describe("Search: the wire query", () => {
  it("a filter is { field, operator, value }", () => {
    assert.deepStrictEqual(Search.contacts.where("email", "~", "@example.com"), {
      field: "email",
      operator: "~",
      value: "@example.com"
    })
    assert.deepStrictEqual(Search.contacts.where("owner_id", "IN", [1, 2]), {
      field: "owner_id",
      operator: "IN",
      value: [1, 2]
    })
    assert.deepStrictEqual(Search.contacts.where("email", "=", null), { field: "email", operator: "=", value: null })
  })

  it("and / or nest filters and groups as given, in order", () => {
    const query = Search.and(
      Search.or(Search.contacts.where("role", "=", "user"), Search.contacts.where("role", "=", "lead")),
      Search.or(
        Search.contacts.where("email_domain", "$", "example.com"),
        Search.contacts.field("name").startsWith("Ada")
      ),
      Search.contacts.where("has_hard_bounced", "!=", true)
    )
    assert.strictEqual(
      JSON.stringify(query),
      JSON.stringify({
        operator: "AND",
        value: [
          {
            operator: "OR",
            value: [{ field: "role", operator: "=", value: "user" }, { field: "role", operator: "=", value: "lead" }]
          },
          {
            operator: "OR",
            value: [
              { field: "email_domain", operator: "$", value: "example.com" },
              { field: "name", operator: "^", value: "Ada" }
            ]
          },
          { field: "has_hard_bounced", operator: "!=", value: "true" }
        ]
      })
    )
    // the check gives the same query back
    assert.deepStrictEqual(accepted(query), query)
  })

  it("custom attributes take any name and every operator; ticket attributes likewise", () => {
    assert.deepStrictEqual(Search.contacts.where("custom_attributes.plan", "IN", ["pro", "team"]), {
      field: "custom_attributes.plan",
      operator: "IN",
      value: ["pro", "team"]
    })
    assert.deepStrictEqual(Search.contacts.field("custom_attributes.seats").greaterThan(10), {
      field: "custom_attributes.seats",
      operator: ">",
      value: 10
    })
    assert.deepStrictEqual(Search.contacts.field("custom_attributes.paid").equals(false), {
      field: "custom_attributes.paid",
      operator: "=",
      value: "false"
    })
    assert.deepStrictEqual(Search.contacts.field("custom_attributes.renews_at").after(new Date(JAN_1_2024 * 1000)), {
      field: "custom_attributes.renews_at",
      operator: ">",
      value: JAN_1_2024
    })
    assert.deepStrictEqual(Search.conversations.where("custom_attributes.issue", "~", "billing"), {
      field: "custom_attributes.issue",
      operator: "~",
      value: "billing"
    })
    assert.deepStrictEqual(Search.tickets.where("ticket_attribute.priority", "=", "high"), {
      field: "ticket_attribute.priority",
      operator: "=",
      value: "high"
    })
    for (
      const query of [
        Search.contacts.where("custom_attributes.plan", "!~", "trial"),
        Search.contacts.where("custom_attributes.seats", "<", 3.5),
        Search.tickets.where("ticket_attribute.12", "NIN", [true, "x", 2])
      ]
    ) accepted(query, query.field.startsWith("ticket") ? Search.tickets : Search.contacts)
  })

  it("dates from Date, DateTime and Unix seconds are sent as Unix seconds (rounded down)", () => {
    const date = new Date("2024-01-01T00:00:00.999Z")
    const dateTime = DateTime.unsafeMake("2024-01-01T00:00:00Z")
    const zoned = DateTime.unsafeMakeZoned(new Date("2024-01-01T00:00:00Z"), { timeZone: "Europe/Paris" })
    assert.deepStrictEqual(Search.contacts.field("created_at").after(date), {
      field: "created_at",
      operator: ">",
      value: JAN_1_2024
    })
    assert.deepStrictEqual(Search.contacts.field("created_at").before(dateTime), {
      field: "created_at",
      operator: "<",
      value: JAN_1_2024
    })
    assert.deepStrictEqual(Search.contacts.where("signed_up_at", "=", zoned), {
      field: "signed_up_at",
      operator: "=",
      value: JAN_1_2024
    })
    assert.deepStrictEqual(Search.conversations.where("updated_at", "IN", [date, dateTime, 86_400]), {
      field: "updated_at",
      operator: "IN",
      value: [JAN_1_2024, JAN_1_2024, 86_400]
    })
    assert.deepStrictEqual(Search.tickets.field("snoozed_until").notIn([dateTime]), {
      field: "snoozed_until",
      operator: "NIN",
      value: [JAN_1_2024]
    })
  })

  it("a raw query with Date values or booleans is sent in its wire form after the check", () => {
    assert.deepStrictEqual(accepted({ field: "created_at", operator: ">", value: new Date(JAN_1_2024 * 1000) }), {
      field: "created_at",
      operator: ">",
      value: JAN_1_2024
    })
    assert.deepStrictEqual(accepted({ field: "unsubscribed_from_emails", operator: "=", value: true }), {
      field: "unsubscribed_from_emails",
      operator: "=",
      value: "true"
    })
    // Intercom's own example: a timestamp as a numeric string
    assert.deepStrictEqual(
      accepted({ operator: "AND", value: [{ field: "created_at", operator: ">", value: "1306054154" }] }),
      { operator: "AND", value: [{ field: "created_at", operator: ">", value: "1306054154" }] }
    )
  })

  it("the field helpers give each operator of their type", () => {
    const name = Search.contacts.field("name")
    assert.deepStrictEqual(
      [
        name.equals("a"),
        name.notEquals("a"),
        name.in(["a"]),
        name.notIn(["a"]),
        name.contains("a"),
        name.notContains("a"),
        name.startsWith("a"),
        name.endsWith("a")
      ].map((f) => f.operator),
      ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"]
    )
    const score = Search.conversations.field("conversation_rating.score")
    assert.deepStrictEqual([score.greaterThan(3), score.lessThan(5)].map((f) => [f.operator, f.value]), [
      [">", 3],
      ["<", 5]
    ])
    assert.strictEqual(name.name, "name")
  })

  it("the tables: types and operators", () => {
    assert.strictEqual(Search.contacts.fields.created_at, "date")
    assert.strictEqual(Search.contacts.fields.owner_id, "integer")
    assert.strictEqual(Search.conversations.fields.open, "boolean")
    assert.strictEqual(Search.tickets.fields.title, "string")
    assert.strictEqual(Object.keys(Search.contacts.fields).length, 41)
    assert.strictEqual(Object.keys(Search.unstable.contacts.fields).length, 42)
    assert.strictEqual(Object.keys(Search.conversations.fields).length, 56)
    assert.strictEqual(Object.keys(Search.tickets.fields).length, 14)
    assert.deepStrictEqual(Search.operators.string, ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"])
    assert.deepStrictEqual(Search.operators.integer, ["=", "!=", "IN", "NIN", "<", ">"])
    assert.deepStrictEqual(Search.operators.date, ["=", "!=", "IN", "NIN", "<", ">"])
    assert.deepStrictEqual(Search.operators.boolean, ["=", "!=", "IN", "NIN"])
    assert.strictEqual(Search.operators.any.length, 10)
    assert.deepStrictEqual(Search.limits, { maxDepth: 2, maxFiltersPerGroup: 15 })
    assert.deepStrictEqual(
      [Search.contacts, Search.conversations, Search.tickets, ...Object.values(Search.unstable)].map((r) =>
        r.operation.name
      ),
      [
        "contacts.search",
        "conversations.search",
        "tickets.search",
        "unstable.contacts.searchContacts",
        "unstable.conversations.searchConversations",
        "unstable.tickets.searchTickets"
      ]
    )
  })

  it("extend adds fields (typed and accepted)", () => {
    const contacts = Search.extend(Search.contacts, { android_sdk_version: "string" })
    const filter = contacts.where("android_sdk_version", "^", "12.")
    assert.deepStrictEqual(accepted(filter, contacts), filter)
    assert.strictEqual(rejected(filter).jsonPath, "$.query.field")
    const piped = Search.extend({ score: "integer" })(Search.tickets)
    accepted(piped.where("score", ">", 3), piped)
  })
})

describe("Search: the limits", () => {
  it("2 levels of groups pass, 3 are rejected at the third group", () => {
    accepted(Search.and(Search.or(email(1), email(2)), Search.or(email(3), email(4))))
    const error = rejected(Search.and(email(0), Search.or(Search.and(email(1)))))
    assert.strictEqual(error.jsonPath, "$.query.value[1].value[0]")
    assert.strictEqual(
      error.issue,
      "This group is nested 3 levels deep: Intercom allows at most 2 levels of nested filters"
    )
    assert.strictEqual(error.operation, "contacts.search")
    assert.strictEqual(
      error.message,
      "contacts.search: invalid input at $.query.value[1].value[0]: This group is nested 3 levels deep: Intercom allows at most 2 levels of nested filters"
    )
  })

  it("15 filters per group pass, 16 are rejected, at any level", () => {
    const filters = (n: number) => Array.from({ length: n }, (_, i) => email(i))
    accepted(Search.or(...filters(15)))
    accepted(Search.and(email(0), Search.or(...filters(15))))
    const top = rejected(Search.or(...filters(16)))
    assert.strictEqual(top.jsonPath, "$.query.value")
    assert.strictEqual(
      top.issue,
      "This OR group has 16 filters: Intercom allows at most 15 filters in each AND or OR group"
    )
    const nested = rejected(Search.and(email(0), Search.and(...filters(16))))
    assert.strictEqual(nested.jsonPath, "$.query.value[1].value")
    assert.strictEqual(
      nested.issue,
      "This AND group has 16 filters: Intercom allows at most 15 filters in each AND or OR group"
    )
    const empty = rejected(Search.and())
    assert.strictEqual(empty.jsonPath, "$.query.value")
    assert.strictEqual(empty.issue, "Expected a non-empty array of filters and groups, actual an array")
  })

  it("IN and NIN need arrays; other operators one value", () => {
    const inString = rejected({ field: "email", operator: "IN", value: "a@example.com" })
    assert.strictEqual(inString.jsonPath, "$.query.value")
    assert.strictEqual(inString.issue, `The operator IN needs an array of values, actual "a@example.com"`)
    const nin = rejected(Search.or(email(0), { field: "tag_id", operator: "NIN", value: 7 }))
    assert.strictEqual(nin.jsonPath, "$.query.value[1].value")
    assert.strictEqual(nin.issue, "The operator NIN needs an array of values, actual 7")
    const equalsArray = rejected({ field: "email", operator: "=", value: ["a", "b"] })
    assert.strictEqual(equalsArray.jsonPath, "$.query.value")
    assert.strictEqual(equalsArray.issue, "The operator = takes one value, actual an array: use IN or NIN for several")
    const element = rejected({ field: "created_at", operator: "IN", value: [JAN_1_2024, "yesterday"] })
    assert.strictEqual(element.jsonPath, "$.query.value[1]")
    assert.strictEqual(
      element.issue,
      `created_at is a date field: expected a Date, a DateTime or a Unix timestamp in seconds, actual "yesterday"`
    )
  })

  it("an operator the field's type does not allow is rejected at its path", () => {
    const nested = rejected(
      Search.and(
        email(0),
        Search.or(
          { field: "email", operator: ">", value: "m" },
          email(1)
        )
      )
    )
    assert.strictEqual(nested.jsonPath, "$.query.value[1].value[0].operator")
    assert.strictEqual(
      nested.issue,
      "The operator > does not apply to email, a string field: use one of = != IN NIN ~ !~ ^ $"
    )
    const date = rejected({ field: "created_at", operator: "~", value: "2024" })
    assert.strictEqual(date.jsonPath, "$.query.operator")
    assert.strictEqual(
      date.issue,
      "The operator ~ does not apply to created_at, a date field: use one of = != IN NIN < >"
    )
    const integer = rejected({ field: "owner_id", operator: "^", value: "1" })
    assert.strictEqual(
      integer.issue,
      "The operator ^ does not apply to owner_id, an integer field: use one of = != IN NIN < >"
    )
    const boolean = rejected({ field: "open", operator: ">", value: "true" }, Search.conversations)
    assert.strictEqual(boolean.issue, "The operator > does not apply to open, a boolean field: use one of = != IN NIN")
    assert.strictEqual(boolean.operation, "conversations.search")
    const unknown = rejected({ field: "email", operator: "<=", value: "a" })
    assert.strictEqual(unknown.jsonPath, "$.query.operator")
    assert.strictEqual(unknown.issue, `Expected one of = != IN NIN < > ~ !~ ^ $, actual "<="`)
  })

  it("an unknown field is rejected; open prefixes need a name and belong to their resource", () => {
    const typo = rejected({ field: "emial", operator: "=", value: "a" })
    assert.strictEqual(typo.jsonPath, "$.query.field")
    assert.strictEqual(
      typo.issue,
      `"emial" is not a searchable field of contacts: use a field of Intercom's Accepted Fields table, or custom_attributes.<name>`
    )
    assert.strictEqual(rejected({ field: "custom_attributes.", operator: "=", value: "a" }).jsonPath, "$.query.field")
    assert.strictEqual(
      rejected({ field: "custom_attributes.plan", operator: "=", value: "a" }, Search.tickets).issue,
      `"custom_attributes.plan" is not a searchable field of tickets: use a field of Intercom's Accepted Fields table, or ticket_attribute.<name>`
    )
    assert.strictEqual(
      rejected({ field: "ticket_attribute.1", operator: "=", value: "a" }).jsonPath,
      "$.query.field"
    )
    // formatted_phone is in the Preview's table only
    assert.strictEqual(rejected({ field: "formatted_phone", operator: "=", value: "+1" }).jsonPath, "$.query.field")
    accepted({ field: "formatted_phone", operator: "=", value: "+1" }, Search.unstable.contacts)
    const preview = rejected({ field: "created_at", operator: "$", value: "1" }, Search.unstable.contacts)
    assert.strictEqual(preview.operation, "unstable.contacts.searchContacts")
    // inherited keys are not fields
    assert.strictEqual(rejected({ field: "toString", operator: "=", value: "a" }).jsonPath, "$.query.field")
  })

  it("values must fit the field's type; null only for = and !=", () => {
    assert.strictEqual(
      rejected({ field: "owner_id", operator: "=", value: 1.5 }).issue,
      "owner_id is an integer field: expected an integer, actual 1.5"
    )
    assert.strictEqual(
      rejected({ field: "has_hard_bounced", operator: "=", value: "yes" }).issue,
      `has_hard_bounced is a boolean field: expected true or false, actual "yes"`
    )
    assert.strictEqual(
      rejected({ field: "email", operator: "=", value: { a: 1 } }).issue,
      "email is a string field: expected a string, actual an object"
    )
    assert.strictEqual(
      rejected({ field: "email", operator: "~", value: null }).issue,
      "The operator ~ needs a value, actual null"
    )
    assert.strictEqual(
      rejected({ field: "email", operator: "IN", value: ["a", null] }).jsonPath,
      "$.query.value[1]"
    )
    assert.strictEqual(
      rejected({ field: "email", operator: "=" }).issue,
      "Expected a value (null for none), actual undefined"
    )
    const invalidDate = rejected(Search.contacts.field("created_at").after(new Date("not a date")))
    assert.strictEqual(invalidDate.jsonPath, "$.query.value")
    assert.strictEqual(
      invalidDate.issue,
      "created_at is a date field: expected a Date, a DateTime or a Unix timestamp in seconds, actual NaN"
    )
    assert.strictEqual(
      rejected({ field: "created_at", operator: "=", value: new Date("x") }).issue,
      "created_at is a date field: expected a Date, a DateTime or a Unix timestamp in seconds, actual an invalid Date"
    )
    accepted({ field: "email", operator: "!=", value: null })
  })

  it("shapes: not an object, a group without AND/OR, unknown keys", () => {
    const notObject = rejected("email = a")
    assert.strictEqual(notObject.jsonPath, "$.query")
    assert.strictEqual(
      notObject.issue,
      `Expected a filter { field, operator, value } or a group { operator: "AND" | "OR", value: [...] }, actual "email = a"`
    )
    assert.strictEqual(rejected(undefined).jsonPath, "$.query")
    const not = rejected({ operator: "NOT", value: [email(0)] })
    assert.strictEqual(not.jsonPath, "$.query.operator")
    assert.strictEqual(not.issue, `Expected "AND" or "OR" for a group (or a field for a filter), actual "NOT"`)
    const values = rejected(
      Search.or(email(0), { field: "email", operator: "=", values: ["a"] } as unknown as Search.Filter)
    )
    assert.strictEqual(values.jsonPath, "$.query.value[1].values")
    assert.strictEqual(values.issue, "Unexpected key: a filter has field, operator and value")
    assert.strictEqual(rejected({ operator: "AND", value: [email(0)], "x-y": 1 }).jsonPath, `$.query["x-y"]`)
  })
})

// -----------------------------------------------------------------------------
// sending
// -----------------------------------------------------------------------------

const contact = (n: number) => ({ type: "contact", id: `c${n}`, email: `user${n}@example.com` })

/** Two pages of contacts, the cursor in the body. */
const contactPages = (request: { readonly body: string | undefined }) => {
  const body = JSON.parse(request.body ?? "{}")
  const first = body.pagination?.starting_after === undefined
  return json({
    type: "list",
    data: first ? [contact(1), contact(2)] : [contact(3)],
    total_count: 3,
    pages: {
      type: "pages",
      page: first ? 1 : 2,
      per_page: 2,
      total_pages: 2,
      ...(first ? { next: { per_page: 2, starting_after: "cursor-2" } } : {})
    }
  })
}

const setup = () => {
  const m = mock((request) => contactPages({ body: MockHttp.bodyText(request) }))
  return { ...m, live: Intercom.layerFromClient.pipe(Layer.provideMerge(m.layer())) }
}

const query = Search.and(
  Search.contacts.where("email", "$", "@example.com"),
  Search.contacts.field("created_at").after(new Date(JAN_1_2024 * 1000))
)

describe("Search: sending", () => {
  it.effect("stream: checks, then pages through the search with the query and per_page in the body", () => {
    const { requests, live } = setup()
    return Effect.gen(function*() {
      const ids = yield* Search.stream(query, Search.contacts, { per_page: 2 }).pipe(
        Stream.map((c) => c.id),
        Stream.runCollect
      )
      assert.deepStrictEqual(Chunk.toReadonlyArray(ids), ["c1", "c2", "c3"])
      assert.deepStrictEqual(requests.map((r) => [r.method, r.url.pathname]), [
        ["POST", "/contacts/search"],
        ["POST", "/contacts/search"]
      ])
      assert.deepStrictEqual(requests.map((r) => JSON.parse(r.body!)), [
        { query, pagination: { per_page: 2 } },
        { query, pagination: { per_page: 2, starting_after: "cursor-2" } }
      ])
    }).pipe(Effect.provide(live))
  })

  it.effect("pipeable forms, pages, page and request", () => {
    const { requests, live } = setup()
    return Effect.gen(function*() {
      const pages = yield* Stream.runCollect(Search.pages(Search.contacts)(query))
      assert.strictEqual(pages.length, 2)
      const first = yield* Search.page(Search.contacts, { per_page: 2 })(query)
      assert.strictEqual(first.total_count, 3)
      const body = yield* Search.request(Search.contacts, { per_page: 2 })(query)
      assert.deepStrictEqual(body, { query, pagination: { per_page: 2 } })
      assert.deepStrictEqual(yield* Search.request(query, Search.contacts), { query })
      assert.deepStrictEqual(JSON.parse(requests[0].body!), { query })
      assert.deepStrictEqual(JSON.parse(requests[2].body!), { query, pagination: { per_page: 2 } })
    }).pipe(Effect.provide(live))
  })

  it.effect("a rejected query sends nothing: stream, pages and page fail with the InvalidInputError", () => {
    const { requests, live } = setup()
    const bad = Search.or({ field: "email", operator: ">", value: "m" }, email(1))
    return Effect.gen(function*() {
      const fromStream = yield* Effect.flip(Stream.runCollect(Search.stream(bad, Search.contacts)))
      const fromPages = yield* Effect.flip(Stream.runCollect(Search.pages(bad, Search.contacts)))
      const fromPage = yield* Effect.flip(Search.page(bad, Search.contacts))
      const fromRequest = yield* Effect.flip(Search.request(bad, Search.contacts))
      for (const error of [fromStream, fromPages, fromPage, fromRequest]) {
        assert.instanceOf(error, IntercomError.InvalidInputError)
        assert.strictEqual(error._tag, "InvalidInputError")
        if (error._tag === "InvalidInputError") assert.strictEqual(error.jsonPath, "$.query.value[0].operator")
      }
      assert.strictEqual(requests.length, 0)
    }).pipe(Effect.provide(live))
  })

  it.effect("the Preview resources send to the Preview operations", () => {
    const { requests, live } = setup()
    return Effect.gen(function*() {
      const ids = yield* Search.stream(
        Search.unstable.contacts.where("formatted_phone", "=", "+44 20 7946 0000"),
        Search.unstable.contacts
      ).pipe(Stream.map((c) => c.id), Stream.runCollect)
      assert.strictEqual(ids.length, 3)
      assert.strictEqual(requests[0].url.pathname, "/contacts/search")
      assert.strictEqual(requests[0].headers["intercom-version"], "Unstable")
    }).pipe(Effect.provide(live))
  })

  it.effect("the Preview takes the string operators too (~ !~ ^ $: restored by the generator's patch layer)", () => {
    const { requests, live } = setup()
    return Effect.gen(function*() {
      for (const operator of ["~", "!~", "^", "$"] as const) {
        yield* Search.stream(Search.unstable.contacts.where("email", operator, "example"), Search.unstable.contacts)
          .pipe(Stream.take(1), Stream.runDrain)
      }
      assert.deepStrictEqual(
        requests.map((r) => JSON.parse(MockHttp.bodyText(r.request)!).query.operator),
        ["~", "!~", "^", "$"]
      )
    }).pipe(Effect.provide(live))
  })

  it.effect("intercom.contacts.searchStream gets the built query unchanged; raw queries work as before", () => {
    const { requests, live } = setup()
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const items = yield* intercom.contacts.searchStream({ query, pagination: { per_page: 2 } }).pipe(
        Stream.runCollect
      )
      assert.strictEqual(items.length, 3)
      assert.strictEqual(JSON.stringify(JSON.parse(requests[0].body!).query), JSON.stringify(query))
      const raw = { field: "created_at", operator: ">" as const, value: "1306054154" }
      yield* intercom.contacts.search({ query: raw, pagination: { per_page: 5 } })
      assert.deepStrictEqual(JSON.parse(requests[2].body!), { query: raw, pagination: { per_page: 5 } })
    }).pipe(Effect.provide(live))
  })
})

describe("Search: types", () => {
  it("a wrong operator, value or field is a compile error", () => {
    const compileErrors = () => [
      // @ts-expect-error: ~ is a string operator, created_at a date
      Search.contacts.where("created_at", "~", "2024"),
      // @ts-expect-error: > is for integers and dates
      Search.contacts.where("email", ">", "m"),
      // @ts-expect-error: booleans take = != IN NIN
      Search.conversations.where("open", "^", "t"),
      // @ts-expect-error: not a field of contacts
      Search.contacts.where("emial", "=", "a"),
      // @ts-expect-error: IN takes an array
      Search.contacts.where("email", "IN", "a"),
      // @ts-expect-error: = takes one value
      Search.contacts.where("email", "=", ["a"]),
      // @ts-expect-error: a date, not a string
      Search.contacts.where("created_at", ">", "yesterday"),
      // @ts-expect-error: an integer field takes numbers
      Search.contacts.where("owner_id", "=", "1"),
      // @ts-expect-error: custom_attributes is not open on tickets
      Search.tickets.where("custom_attributes.plan", "=", "a"),
      // @ts-expect-error: formatted_phone is Preview only
      Search.contacts.where("formatted_phone", "=", "+1"),
      // @ts-expect-error: date fields have no contains
      Search.contacts.field("created_at").contains("2024"),
      // @ts-expect-error: string fields have no after
      Search.contacts.field("email").after(new Date()),
      // @ts-expect-error: boolean fields have no greaterThan
      Search.conversations.field("read").greaterThan(1),
      // @ts-expect-error: < is for integers and dates, title is a string
      Search.tickets.where("title", "<", "b")
    ]
    assert.isFunction(compileErrors)
    // what compiles
    const ok: ReadonlyArray<Search.Query> = [
      Search.contacts.where("custom_attributes.anything", ">", new Date()),
      Search.contacts.where("custom_attributes.anything", "~", "x"),
      Search.tickets.where("ticket_attribute.7", "=", true),
      Search.contacts.where("created_at", "IN", [new Date(), DateTime.unsafeMake(0), 0])
    ]
    assert.strictEqual(ok.length, 4)
  })
})
