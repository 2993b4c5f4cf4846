/**
 * API versions 2.15 and 2.16 (`Intercom_2_15`, `Intercom_2_16`), as
 * `examples.test.ts` and `wire.test.ts` check 2.14:
 * - every example of each version's description goes through its operation
 *   (`support/ExampleChecks.ts`): 2xx response examples decode with the
 *   version's success schema, error examples map to their error class,
 *   request examples encode to their wire JSON or are rejected at their path
 *   (the exceptions below, with their reasons);
 * - every operation of the description has its descriptor, under the
 *   official SDK's name where the SDK has the method;
 * - a handful of methods of each version called through its service over a
 *   mock `HttpClient`: method, path, `Intercom-Version` and body;
 * - `withVersion` cannot make the header and the types disagree.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as Intercom_2_15 from "../../packages/client/src/Intercom_2_15.js"
import * as Intercom_2_16 from "../../packages/client/src/Intercom_2_16.js"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as IntercomMock from "../../packages/testing/src/IntercomMock.js"
import { checkExamples, describeCounts, hasExamples, makeCounts } from "../support/ExampleChecks.js"
import * as MockHttp from "../support/MockHttp.js"
import { TOKEN } from "../support/Run.js"
import { entries, versionEntries, versionOperations } from "../support/SpecFixtures.js"

/** Request examples that are invalid on purpose (given for an error response), by version: their JSON path. */
const SAME_AS_2_14: Record<string, string> = {
  // the examples `examples.test.ts` lists for 2.14, unchanged in 2.15 and 2.16, rejected at the same paths
  "tags.create/invalid_parameters": "$.name",
  "articles.create/bad_request": "$.author_id",
  "internal_articles.create_internal_article/bad_request": "$.author_id",
  "help_centers.collections.create/bad_request": "$.name",
  "data_attributes.create/invalid_data_type": "$.data_type",
  "companies.attach_contact/bad_request": "$.id",
  "messages.create/no_body_supplied_for_message": "$.body",
  // its `to` is `{ type: "user", user_id }`, not a `recipient` (`{ type, id }`), as in the Preview: without the 2.14
  // overlay's message alternatives, the closest alternative fails there first (`Issues.firstIssue`)
  "messages.create/no_subject_supplied_for_email_message": "$.to.id",
  "messages.create/no_body_supplied_for_email_message": "$.body",
  "data_attributes.create/too_few_options_for_list": "$.data_type"
}

const INVALID_REQUEST_EXAMPLES: Record<"2.15" | "2.16", Record<string, string>> = {
  "2.15": SAME_AS_2_14,
  "2.16": SAME_AS_2_14
}

for (const version of ["2.15", "2.16"] as const) {
  describe(`API ${version}`, () => {
    const all = versionEntries(version)
    const counts = makeCounts()

    it("every operation of the description has a descriptor with its version, the SDK's name where it has one", () => {
      const sdkNames = new Set(entries.map((e) => e.name))
      for (const entry of all) {
        assert.isDefined(entry.operation, `${version} ${entry.row.httpMethod} ${entry.row.path}: no descriptor`)
        assert.strictEqual(entry.operation!.version, version)
        assert.strictEqual(entry.operation!.method, entry.row.httpMethod)
        assert.strictEqual(entry.operation!.path, entry.row.path)
        assert.strictEqual(sdkNames.has(entry.name), entry.sdk, entry.name)
      }
      assert.strictEqual(versionOperations[version].length, all.length)
      assert.strictEqual(new Set(all.map((e) => e.name)).size, all.length, "names are unique")
    })

    for (const entry of all) {
      if (!hasExamples(entry)) continue
      it.effect(`examples: ${entry.row.sdkMethod}`, () =>
        checkExamples(entry, counts, INVALID_REQUEST_EXAMPLES[version]))
    }

    afterAll(() => {
      console.log(
        `API ${version}: ${all.length} operations (${
          all.filter((e) => !e.sdk).length
        } without an SDK name); examples: ${describeCounts(counts)}`
      )
    })
  })
}

const setup = <L>(
  layer: (options: IntercomClient.Options) => Layer.Layer<L, never, any>,
  response: () => Response = () => MockHttp.json(200, {})
) => {
  const mock = MockHttp.make(response)
  return { mock, layer: layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(mock.layer)) }
}

/** The one request sent: method, path and query, `Intercom-Version`, JSON body. */
const sent = (mock: MockHttp.MockHttp) => {
  assert.strictEqual(mock.requests.length, 1)
  const [request] = mock.requests
  return {
    method: request.method,
    url: `${request.url.pathname}${request.url.search}`,
    version: request.headers["intercom-version"],
    body: request.body === undefined ? undefined : JSON.parse(request.body)
  }
}

const message = { author: "user" as const, body: "Where is my order?", timestamp: "2025-01-01T00:00:00Z" }

describe("wire, API 2.15", () => {
  const call = <A, E>(
    f: (intercom: Intercom_2_15.IntercomShape) => Effect.Effect<A, E>,
    response?: () => Response
  ) => {
    const { layer, mock } = setup(Intercom_2_15.layer, response)
    return Effect.flatMap(Intercom_2_15.Intercom, f).pipe(Effect.provide(layer), Effect.map(() => sent(mock)))
  }

  it.effect("finAgent.startFinConversation: POST /fin/start", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) =>
        i.finAgent.startFinConversation({ conversation_id: "c1", message, user: { id: "u1", name: "Ada" } })
      )
      assert.deepStrictEqual(wire, {
        method: "POST",
        url: "/fin/start",
        version: "2.15",
        body: { conversation_id: "c1", message, user: { id: "u1", name: "Ada" } }
      })
    }))

  it.effect("finAgent.replyToFin: POST /fin/reply", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) => i.finAgent.replyToFin({ conversation_id: 7, message, user: { id: "u1" } }))
      assert.deepStrictEqual(wire, {
        method: "POST",
        url: "/fin/reply",
        version: "2.15",
        body: { conversation_id: 7, message, user: { id: "u1" } }
      })
    }))

  it.effect("brands.listBrands: GET /brands", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) => i.brands.listBrands(), () => MockHttp.json(200, { type: "list", data: [] }))
      assert.deepStrictEqual(wire, { method: "GET", url: "/brands", version: "2.15", body: undefined })
    }))

  it.effect("emails.retrieveEmail: GET /emails/{id}, the id URL-encoded", () =>
    Effect.gen(function*() {
      const wire = yield* call(
        (i) => i.emails.retrieveEmail({ id: "a/b" }),
        () => MockHttp.json(200, { type: "email_setting", id: "a/b" })
      )
      assert.deepStrictEqual(wire, { method: "GET", url: "/emails/a%2Fb", version: "2.15", body: undefined })
    }))

  it.effect("calls.registerFinVoiceCall: POST /fin_voice/register", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) =>
        i.calls.registerFinVoiceCall({ phone_number: "+15551234567", call_id: "call-1", source: "zoom_phone" })
      )
      assert.deepStrictEqual(wire, {
        method: "POST",
        url: "/fin_voice/register",
        version: "2.15",
        body: { phone_number: "+15551234567", call_id: "call-1", source: "zoom_phone" }
      })
    }))

  it.effect("notes.listCompanyNotes: GET /companies/{company_id}/notes", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) => i.notes.listCompanyNotes({ company_id: "co1" }))
      assert.deepStrictEqual(wire, { method: "GET", url: "/companies/co1/notes", version: "2.15", body: undefined })
    }))

  it.effect("a method the SDK has keeps its name and sends 2.15: contacts.find", () =>
    Effect.gen(function*() {
      const wire = yield* call(
        (i) => i.contacts.find({ contact_id: "c1" }),
        () => MockHttp.json(200, { type: "contact", id: "c1" })
      )
      assert.deepStrictEqual(wire, { method: "GET", url: "/contacts/c1", version: "2.15", body: undefined })
    }))
})

describe("wire, API 2.16", () => {
  const call = <A, E>(
    f: (intercom: Intercom_2_16.IntercomShape) => Effect.Effect<A, E>,
    response?: () => Response
  ) => {
    const { layer, mock } = setup(Intercom_2_16.layer, response)
    return Effect.flatMap(Intercom_2_16.Intercom, f).pipe(Effect.provide(layer), Effect.map(() => sent(mock)))
  }

  it.effect("finAgent.startFinConversation: POST /fin/start", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) =>
        i.finAgent.startFinConversation({ conversation_id: "c1", message, user: { id: 1 } })
      )
      assert.deepStrictEqual(wire, {
        method: "POST",
        url: "/fin/start",
        version: "2.16",
        body: { conversation_id: "c1", message, user: { id: 1 } }
      })
    }))

  it.effect("conversations.mergeConversation: POST /conversations/{id}/merge", () =>
    Effect.gen(function*() {
      const wire = yield* call(
        (i) => i.conversations.mergeConversation({ id: "123", merge_into_conversation_id: 456 }),
        () => MockHttp.json(200, { type: "conversation", id: "456" })
      )
      assert.deepStrictEqual(wire, {
        method: "POST",
        url: "/conversations/123/merge",
        version: "2.16",
        body: { merge_into_conversation_id: 456 }
      })
    }))

  it.effect("officeHours.createOfficeHoursSchedule: POST /office_hours_schedules", () =>
    Effect.gen(function*() {
      const body = {
        name: "Support",
        time_zone_name: "Europe/Dublin",
        time_intervals: [{ start_minute: 540, end_minute: 1020 }]
      }
      const wire = yield* call(
        (i) => i.officeHours.createOfficeHoursSchedule(body),
        () => MockHttp.json(201, { type: "office_hours_schedule", id: "1", ...body })
      )
      assert.deepStrictEqual(wire, { method: "POST", url: "/office_hours_schedules", version: "2.16", body })
    }))

  it.effect("contentSnippets.listContentSnippets: GET /content_snippets with its query", () =>
    Effect.gen(function*() {
      const wire = yield* call((i) => i.contentSnippets.listContentSnippets({ page: 2, per_page: 5 }))
      assert.deepStrictEqual(wire, {
        method: "GET",
        url: "/content_snippets?page=2&per_page=5",
        version: "2.16",
        body: undefined
      })
    }))

  it.effect("tickets.changeTicketType: POST /tickets/{ticket_id}/change_type", () =>
    Effect.gen(function*() {
      const wire = yield* call(
        (i) => i.tickets.changeTicketType({ ticket_id: "t1", ticket_type_id: "9", ticket_state_id: "3" }),
        () => MockHttp.json(200, { type: "ticket", id: "t1" })
      )
      assert.deepStrictEqual(wire, {
        method: "POST",
        url: "/tickets/t1/change_type",
        version: "2.16",
        body: { ticket_type_id: "9", ticket_state_id: "3" }
      })
    }))

  it.effect("the Preview under unstable sends Unstable", () =>
    Effect.gen(function*() {
      const wire = yield* call(
        (i) => i.unstable.admins.identifyAdmin(),
        () => MockHttp.json(200, { type: "admin", id: "a1" })
      )
      assert.deepStrictEqual(wire, { method: "GET", url: "/me", version: "Unstable", body: undefined })
    }))
})

describe("withVersion and versioned descriptors", () => {
  it.effect("a 2.16 method sends 2.16 under withVersion, a 2.14 one the pinned version", () =>
    Effect.gen(function*() {
      const v16 = setup(Intercom_2_16.layer, () => MockHttp.json(200, { type: "contact", id: "c1" }))
      yield* Effect.flatMap(Intercom_2_16.Intercom, (i) => i.contacts.find({ contact_id: "c1" })).pipe(
        IntercomClient.withVersion("2.11"),
        Effect.provide(v16.layer)
      )
      assert.strictEqual(sent(v16.mock).version, "2.16")
      const v14 = setup(Intercom.layer, () => MockHttp.json(200, { type: "contact", id: "c1" }))
      yield* Effect.flatMap(Intercom.Intercom, (i) => i.contacts.find({ contact_id: "c1" })).pipe(
        IntercomClient.withVersion("2.11"),
        Effect.provide(v14.layer)
      )
      assert.strictEqual(sent(v14.mock).version, "2.11")
    }))

  it.effect("the layer's version does not apply to a 2.16 method", () =>
    Effect.gen(function*() {
      const mock = MockHttp.make(() => MockHttp.json(200, { type: "list", data: [] }))
      const layer = Intercom_2_16.layer({ token: Redacted.make(TOKEN), version: "2.13" }).pipe(
        Layer.provide(mock.layer)
      )
      yield* Effect.flatMap(Intercom_2_16.Intercom, (i) => i.contentSnippets.listContentSnippets()).pipe(
        Effect.provide(layer)
      )
      assert.strictEqual(sent(mock).version, "2.16")
    }))

  it.effect("a 2.16 response is decoded strict with 2.16's schemas, even under withVersion", () =>
    Effect.gen(function*() {
      const { layer } = setup(Intercom_2_16.layer, () => MockHttp.json(200, { type: "contact", id: "c1", email: 42 }))
      const error = yield* Effect.flatMap(Intercom_2_16.Intercom, (i) => i.contacts.find({ contact_id: "c1" })).pipe(
        IntercomClient.withVersion("2.11"),
        Effect.flip,
        Effect.provide(layer)
      )
      assert.strictEqual(error._tag, "ResponseDecodeError")
    }))

  it.effect("both services on one client: each method sends its own version", () =>
    Effect.gen(function*() {
      const mock = MockHttp.make(() => MockHttp.json(200, { type: "contact", id: "c1" }))
      const layer = Layer.mergeAll(Intercom.layerFromClient, Intercom_2_16.layerFromClient).pipe(
        Layer.provideMerge(IntercomClient.layer({ token: Redacted.make(TOKEN) })),
        Layer.provide(mock.layer)
      )
      yield* Effect.gen(function*() {
        yield* (yield* Intercom.Intercom).contacts.find({ contact_id: "c1" })
        yield* (yield* Intercom_2_16.Intercom).contacts.find({ contact_id: "c1" })
      }).pipe(Effect.provide(layer))
      assert.deepStrictEqual(mock.requests.map((r) => r.headers["intercom-version"]), ["2.14", "2.16"])
    }))
})

describe("IntercomMock per version", () => {
  it.effect("layerTest2_16 answers a 2.16 method by its name; layerTest2_15 a 2.15 one", () =>
    Effect.gen(function*() {
      const merged = yield* Effect.flatMap(
        Intercom_2_16.Intercom,
        (i) => i.conversations.mergeConversation({ id: 1, merge_into_conversation_id: 2 })
      ).pipe(
        Effect.provide(IntercomMock.layerTest2_16({
          conversations: {
            mergeConversation: ({ id, merge_into_conversation_id }) =>
              Effect.succeed({ type: "conversation", id: String(merge_into_conversation_id), title: `from ${id}` })
          }
        }))
      )
      assert.strictEqual(merged.id, "2")
      const brands = yield* Effect.flatMap(Intercom_2_15.Intercom, (i) => i.brands.listBrands()).pipe(
        Effect.provide(IntercomMock.layerTest2_15({
          brands: { listBrands: () => Effect.succeed({ type: "list", data: [{ type: "brand", id: "b1" }] }) }
        }))
      )
      assert.strictEqual(brands.data?.[0]?.id, "b1")
    }))
})

/** A cursor listing of two pages of one `type` item each (ids `<prefix>1`, `<prefix>2`), the second at `cur2`. */
const twoCursorPages = (type: string, prefix: string) => (request: MockHttp.RecordedRequest) =>
  request.url.searchParams.get("starting_after") === null
    ? MockHttp.json(200, {
      type: "list",
      data: [{ type, id: `${prefix}1` }],
      pages: { type: "pages", next: { starting_after: "cur2" } }
    })
    : MockHttp.json(200, { type: "list", data: [{ type, id: `${prefix}2` }], pages: { type: "pages" } })

describe("streams per version", () => {
  it.effect("2.16 contacts.listStream pages with the SDK's cursor scheme, each page sending 2.16", () =>
    Effect.gen(function*() {
      const mock = MockHttp.make(twoCursorPages("contact", "c"))
      const layer = Intercom_2_16.layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(mock.layer))
      const ids = yield* Effect.flatMap(
        Intercom_2_16.Intercom,
        (i) => Stream.runCollect(Stream.map(i.contacts.listStream(), (c) => c.id))
      ).pipe(Effect.provide(layer))
      assert.deepStrictEqual([...ids], ["c1", "c2"])
      assert.deepStrictEqual(mock.requests.map((r) => `${r.url.pathname}${r.url.search}`), [
        "/contacts",
        "/contacts?starting_after=cur2"
      ])
      assert.deepStrictEqual(mock.requests.map((r) => r.headers["intercom-version"]), ["2.16", "2.16"])
    }))

  it.effect("2.15 and 2.16 keep the query parameters the SDK's 2.14 overlay adds (rule R7): the page size", () =>
    Effect.gen(function*() {
      const v16 = MockHttp.make(twoCursorPages("contact", "c"))
      const ids = yield* Effect.flatMap(
        Intercom_2_16.Intercom,
        (i) =>
          Stream.runCollect(
            Stream.map(i.contacts.listStream({ per_page: 150, include_merge_history: true }), (c) => c.id)
          )
      ).pipe(Effect.provide(Intercom_2_16.layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(v16.layer))))
      assert.deepStrictEqual([...ids], ["c1", "c2"])
      assert.deepStrictEqual(v16.requests.map((r) => `${r.url.pathname}${r.url.search}`), [
        "/contacts?include_merge_history=true&per_page=150",
        "/contacts?include_merge_history=true&per_page=150&starting_after=cur2"
      ])
      const v15 = MockHttp.make(() => MockHttp.json(200, { type: "event.list", events: [], pages: {} }))
      yield* Effect.flatMap(
        Intercom_2_15.Intercom,
        (i) => i.events.list({ type: "user", user_id: "u1", per_page: 5 })
      ).pipe(Effect.provide(Intercom_2_15.layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(v15.layer))))
      assert.deepStrictEqual(v15.requests.map((r) => `${r.url.pathname}${r.url.search}`), [
        "/events?user_id=u1&type=user&per_page=5"
      ])
      assert.deepStrictEqual(v15.requests.map((r) => r.headers["intercom-version"]), ["2.15"])
    }))

  it.effect("a 2.16-only method paginated by its response (data connectors, cursor) has its stream", () =>
    Effect.gen(function*() {
      const mock = MockHttp.make(twoCursorPages("data_connector", "d"))
      const layer = Intercom_2_16.layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(mock.layer))
      const ids = yield* Effect.flatMap(
        Intercom_2_16.Intercom,
        (i) => Stream.runCollect(Stream.map(i.dataConnectors.listDataConnectorsStream({ per_page: 1 }), (c) => c.id))
      ).pipe(Effect.provide(layer))
      assert.deepStrictEqual([...ids], ["d1", "d2"])
      assert.deepStrictEqual(mock.requests.map((r) => `${r.url.pathname}${r.url.search}`), [
        "/data_connectors?per_page=1",
        "/data_connectors?per_page=1&starting_after=cur2"
      ])
      assert.deepStrictEqual(mock.requests.map((r) => r.headers["intercom-version"]), ["2.16", "2.16"])
    }))
})
