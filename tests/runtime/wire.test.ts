import * as Operation from "@effect-intercom/client/Operation"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  archiveContact,
  findContact,
  identifyAdmin,
  json,
  listContacts,
  mock,
  setTagValues,
  TOKEN,
  unstableListMacros,
  updateContact
} from "./_mock.js"

describe("wire", () => {
  it.effect("GET with an encoded path parameter", () => {
    const m = mock(() => json({ type: "contact", id: "a/b c" }))
    return Effect.gen(function*() {
      const contact = yield* Operation.execute(findContact, { contact_id: "a/b c" })
      assert.deepStrictEqual(contact, { type: "contact", id: "a/b c" })
      assert.strictEqual(m.requests.length, 1)
      const [r] = m.requests
      assert.strictEqual(r.method, "GET")
      assert.strictEqual(r.url.toString(), "https://api.intercom.io/contacts/a%2Fb%20c")
      assert.strictEqual(r.headers["authorization"], `Bearer ${TOKEN}`)
      assert.strictEqual(r.headers["intercom-version"], "2.14")
      assert.strictEqual(r.headers["accept"], "application/json")
      assert.isUndefined(r.headers["content-type"])
      assert.isUndefined(r.body)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("query parameters: present ones only, booleans as true/false", () => {
    const m = mock(() => json({ type: "list", data: [] }))
    return Effect.gen(function*() {
      yield* Operation.execute(listContacts, { per_page: 50, archived: false })
      yield* Operation.execute(listContacts, { starting_after: "abc==", archived: true })
      yield* Operation.execute(listContacts, {})
      assert.deepStrictEqual(m.requests.map((r) => r.url.toString()), [
        "https://api.intercom.io/contacts?per_page=50&archived=false",
        "https://api.intercom.io/contacts?starting_after=abc%3D%3D&archived=true",
        "https://api.intercom.io/contacts"
      ])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("PUT with a fields body: path and query keys left out, unknown keys kept", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      const input = {
        contact_id: "1",
        notify: true,
        email: "a@b.c",
        custom_attributes: { plan: "pro" },
        brand_new_field: { nested: [1, 2] }
      }
      yield* Operation.execute(updateContact, input)
      const [r] = m.requests
      assert.strictEqual(r.method, "PUT")
      assert.strictEqual(r.url.toString(), "https://api.intercom.io/contacts/1?notify=true")
      assert.strictEqual(r.headers["content-type"], "application/json")
      assert.deepStrictEqual(JSON.parse(r.body!), {
        email: "a@b.c",
        custom_attributes: { plan: "pro" },
        brand_new_field: { nested: [1, 2] }
      })
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("POST with no body fields left still sends {}", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(archiveContact, { contact_id: "1" })
      const [r] = m.requests
      assert.strictEqual(r.method, "POST")
      assert.strictEqual(r.body, "{}")
      assert.strictEqual(r.headers["content-type"], "application/json")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a value body sends the input's body key", () => {
    const m = mock(() => json({}))
    return Effect.gen(function*() {
      yield* Operation.execute(setTagValues, { id: "t1", body: ["x", "y"] })
      const [r] = m.requests
      assert.strictEqual(r.url.pathname, "/tags/t1/values")
      assert.strictEqual(r.body, "[\"x\",\"y\"]")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("an operation without parameters accepts undefined", () => {
    const m = mock(() => json({ type: "admin" }))
    return Effect.gen(function*() {
      const admin = yield* Operation.execute(identifyAdmin, undefined as any)
      assert.deepStrictEqual(admin, { type: "admin" })
      assert.strictEqual(m.requests[0].url.toString(), "https://api.intercom.io/me")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("unstable operations send Intercom-Version: Unstable", () => {
    const m = mock(() => json({ type: "list" }))
    return Effect.gen(function*() {
      yield* Operation.execute(unstableListMacros, { per_page: 5 })
      assert.strictEqual(m.requests[0].headers["intercom-version"], "Unstable")
      assert.strictEqual(m.requests[0].url.toString(), "https://api.intercom.io/macros?per_page=5")
    }).pipe(Effect.provide(m.layer({ version: "2.11" })))
  })

  it.effect("the version option sets Intercom-Version of stable operations", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.strictEqual(m.requests[0].headers["intercom-version"], "2.11")
    }).pipe(Effect.provide(m.layer({ version: "2.11" })))
  })

  for (
    const [options, expected] of [
      [{ region: "eu" }, "https://api.eu.intercom.io/contacts/1"],
      [{ region: "au" }, "https://api.au.intercom.io/contacts/1"],
      [{ region: "us" }, "https://api.intercom.io/contacts/1"],
      [{ region: "eu", baseUrl: "http://localhost:4010/" }, "http://localhost:4010/contacts/1"],
      [{ baseUrl: "https://proxy.example.com/intercom" }, "https://proxy.example.com/intercom/contacts/1"]
    ] as const
  ) {
    it.effect(`region / baseUrl ${JSON.stringify(options)}`, () => {
      const m = mock(() => json({ id: "1" }))
      return Effect.gen(function*() {
        yield* Operation.execute(findContact, { contact_id: "1" })
        assert.strictEqual(m.requests[0].url.toString(), expected)
      }).pipe(Effect.provide(m.layer(options)))
    })
  }

  it.effect("query objects are exploded (OpenAPI form style) and arrays repeat the key", () => {
    const op = Operation.make<
      { readonly filter: { readonly user_id: string }; readonly ids?: ReadonlyArray<number> | undefined },
      unknown
    >({
      name: "events.list",
      operationId: "lisDataEvents",
      api: "stable",
      method: "GET",
      path: "/events",
      pathParams: [],
      queryParams: ["filter", "ids", "type"],
      body: "none",
      input: Schema.Struct({
        filter: Schema.Struct({ user_id: Schema.String }),
        ids: Schema.optional(Schema.Array(Schema.Number))
      }),
      success: undefined,
      response: "json",
      errors: [],
      pagination: undefined,
      idempotent: true
    })
    const m = mock(() => json({ events: [] }))
    return Effect.gen(function*() {
      const out = yield* Operation.execute(op, { filter: { user_id: "u1" }, ids: [1, 2] })
      assert.deepStrictEqual(out, { events: [] })
      assert.strictEqual(m.requests[0].url.search, "?user_id=u1&ids=1&ids=2")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("input is encoded with the schema before it is sent", () => {
    const op = Operation.make<{ readonly id: number; readonly at: Date }, unknown>({
      name: "things.update",
      operationId: undefined,
      api: "stable",
      method: "POST",
      path: "/things/{id}",
      pathParams: ["id"],
      queryParams: [],
      body: "fields",
      input: Schema.Struct({ id: Schema.Number, at: Schema.Date }),
      success: undefined,
      response: "json",
      errors: [],
      pagination: undefined,
      idempotent: false
    })
    const m = mock(() => json({}))
    return Effect.gen(function*() {
      yield* Operation.execute(op, { id: 7, at: new Date("2024-01-02T03:04:05.000Z") })
      assert.strictEqual(m.requests[0].url.pathname, "/things/7")
      assert.deepStrictEqual(JSON.parse(m.requests[0].body!), { at: "2024-01-02T03:04:05.000Z" })
    }).pipe(Effect.provide(m.layer()))
  })
})
