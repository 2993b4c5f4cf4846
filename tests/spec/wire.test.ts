/**
 * Wire checks for a handful of generated operations, called through the
 * `Intercom` service: method, URL (path and query), headers and body.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Contacts from "../../packages/client/src/generated/stable/Contacts.js"
import * as Intercom from "../../packages/client/src/Intercom.js"
import type * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as MockHttp from "../support/MockHttp.js"
import { TOKEN } from "../support/Run.js"

const setup = (
  response: () => Response = () => MockHttp.json(200, {}),
  options: Partial<IntercomClient.Options> = {}
) => {
  const mock = MockHttp.make(response)
  const layer = Intercom.layer({ token: Redacted.make(TOKEN), ...options }).pipe(Layer.provide(mock.layer))
  return { mock, layer }
}

describe("wire", () => {
  it.effect("contacts.create: POST /contacts with a JSON body and the standard headers", () => {
    const { mock, layer } = setup(() => MockHttp.json(200, { type: "contact", id: "c1", email: "a@b.c" }))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const contact = yield* intercom.contacts.create({
        email: "a@b.c",
        name: "Ada",
        custom_attributes: { plan: "pro", seats: 3 }
      })
      assert.strictEqual(contact.id, "c1")
      const [request] = mock.requests
      assert.strictEqual(request.method, "POST")
      assert.strictEqual(request.url.toString(), "https://api.intercom.io/contacts")
      assert.strictEqual(request.headers["authorization"], `Bearer ${TOKEN}`)
      assert.strictEqual(request.headers["intercom-version"], "2.14")
      assert.strictEqual(request.headers["accept"], "application/json")
      assert.strictEqual(request.headers["content-type"], "application/json")
      assert.deepStrictEqual(JSON.parse(request.body!), {
        email: "a@b.c",
        name: "Ada",
        custom_attributes: { plan: "pro", seats: 3 }
      })
    }).pipe(Effect.provide(layer))
  })

  it.effect("contacts.find: path parameters are URL-encoded, no body on GET", () => {
    const { mock, layer } = setup()
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.contacts.find({ contact_id: "a/b c?d" })
      const [request] = mock.requests
      assert.strictEqual(request.method, "GET")
      assert.strictEqual(request.url.pathname, "/contacts/a%2Fb%20c%3Fd")
      assert.strictEqual(request.url.search, "")
      assert.isUndefined(request.body)
      assert.isUndefined(request.headers["content-type"])
    }).pipe(Effect.provide(layer))
  })

  it.effect("contacts.search: the query and pagination travel in the body", () => {
    const { mock, layer } = setup(() => MockHttp.json(200, { type: "list", data: [], total_count: 0 }))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const body = {
        query: {
          operator: "AND" as const,
          value: [
            { field: "email", operator: "~" as const, value: "example.com" },
            { field: "created_at", operator: ">" as const, value: "1700000000" }
          ]
        },
        pagination: { per_page: 5, starting_after: "WzE3MDAwMDAwMDAwMDAsMV0=" }
      }
      yield* intercom.contacts.search(body)
      const [request] = mock.requests
      assert.strictEqual(request.method, "POST")
      assert.strictEqual(request.url.pathname, "/contacts/search")
      assert.deepStrictEqual(JSON.parse(request.body!), body)
    }).pipe(Effect.provide(layer))
  })

  it.effect("events.list: the `filter` object parameter is flattened into the query", () => {
    const { mock, layer } = setup()
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.events.list({ type: "user", user_id: "u 1", per_page: 5, summary: true })
      const [request] = mock.requests
      assert.strictEqual(request.url.pathname, "/events")
      assert.deepStrictEqual(Object.fromEntries(request.url.searchParams), {
        type: "user",
        user_id: "u 1",
        per_page: "5",
        summary: "true"
      })
    }).pipe(Effect.provide(layer))
  })

  it.effect("conversations.reply: path parameter out of the body, numeric ids accepted", () => {
    const { mock, layer } = setup(() => MockHttp.json(200, { type: "conversation", id: "123" }))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.conversations.reply({
        conversation_id: 123,
        message_type: "comment",
        type: "admin",
        admin_id: 991267583,
        body: "Hello"
      })
      const [request] = mock.requests
      assert.strictEqual(request.url.pathname, "/conversations/123/reply")
      assert.deepStrictEqual(JSON.parse(request.body!), {
        message_type: "comment",
        type: "admin",
        admin_id: 991267583,
        body: "Hello"
      })
    }).pipe(Effect.provide(layer))
  })

  it.effect("tags.delete: DELETE, an empty 200 answer is void", () => {
    const { mock, layer } = setup(() => new Response(null, { status: 200 }))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.tags.delete({ tag_id: "17" })
      assert.strictEqual(mock.requests[0].method, "DELETE")
      assert.strictEqual(mock.requests[0].url.pathname, "/tags/17")
    }).pipe(Effect.provide(layer))
  })

  it.effect("unstable.* sends Intercom-Version: Unstable; the region picks the host", () => {
    const { mock, layer } = setup(() => MockHttp.json(200, { type: "list", data: [] }), { region: "eu" })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.unstable.contacts.listContacts({ per_page: 10 })
      yield* intercom.contacts.list({ per_page: 10 })
      assert.strictEqual(mock.requests[0].url.toString(), "https://api.eu.intercom.io/contacts?per_page=10")
      assert.strictEqual(mock.requests[0].headers["intercom-version"], "Unstable")
      assert.strictEqual(mock.requests[1].headers["intercom-version"], "2.14")
    }).pipe(Effect.provide(layer))
  })

  it.effect("dataExport.download: a binary body is a byte stream", () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 1, 2, 3])
    const { mock, layer } = setup(() =>
      new Response(bytes, { status: 200, headers: { "content-type": "application/octet-stream" } })
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const stream = yield* intercom.dataExport.download({ job_identifier: "job1" })
      const chunks = yield* Stream.runCollect(stream)
      const received = new Uint8Array([...chunks].flatMap((c) => [...c]))
      assert.deepStrictEqual([...received], [...bytes])
      // the description asks for it (`patches.ts`, `octetStreamAccept`)
      assert.strictEqual(mock.requests[0].headers["accept"], "application/octet-stream")
    }).pipe(Effect.provide(layer))
  })

  it.effect("plain resource functions need only the IntercomClient", () => {
    const { mock, layer } = setup(() => MockHttp.json(200, { type: "contact", id: "c9" }))
    return Effect.gen(function*() {
      const contact = yield* Contacts.find({ contact_id: "c9" })
      assert.strictEqual(contact.id, "c9")
      assert.strictEqual(mock.requests[0].url.pathname, "/contacts/c9")
    }).pipe(Effect.provide(layer))
  })

  it.effect("bad input fails before anything is sent", () => {
    const { mock, layer } = setup()
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.contacts.find({ contact_id: undefined } as any))
      assert.strictEqual(error._tag, "InvalidInputError")
      const error2 = yield* Effect.flip(
        intercom.conversations.reply(
          { conversation_id: "1", message_type: "comment", type: "admin", admin_id: {} } as any
        )
      )
      assert.strictEqual(error2._tag, "InvalidInputError")
      assert.strictEqual(mock.requests.length, 0)
    }).pipe(Effect.provide(layer))
  })
})
