/**
 * The official SDK's call shapes, at the HTTP boundary:
 * - the body under `body` for the 11 methods intercom-client 7 wraps,
 *   sending exactly what the flat shape sends;
 * - a `body` object never forwarded as a JSON key elsewhere;
 * - one-value constants filled in;
 * - header parameters the spec declares, sent;
 * - both spellings of the in-app message type.
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as Operation from "@effect-intercom/client/Operation"
import * as AiContent from "@effect-intercom/client/stable/AiContent"
import * as Companies from "@effect-intercom/client/stable/Companies"
import * as Conversations from "@effect-intercom/client/stable/Conversations"
import * as DataExport from "@effect-intercom/client/stable/DataExport"
import * as Messages from "@effect-intercom/client/stable/Messages"
import * as Tickets from "@effect-intercom/client/stable/Tickets"
import * as UnstableMessages from "@effect-intercom/client/unstable/Messages"
import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { entries, sampleInput } from "../support/SpecFixtures.js"
import { json, mock } from "./_mock.js"

/** intercom-client 7.0.3's request types that declare `body: Intercom.<Type>` beside path parameters. */
const SDK_WRAPPED = [
  "companies.update",
  "conversations.manage",
  "conversations.reply",
  "dataAttributes.update",
  "news.items.update",
  "tickets.reply",
  "unstable.conversations.manageConversation",
  "unstable.conversations.replyConversation",
  "unstable.dataAttributes.updateDataAttribute",
  "unstable.news.updateNewsItem",
  "unstable.tickets.replyTicket"
]

const wire = (m: ReturnType<typeof mock>) =>
  m.requests.map((r) => ({
    method: r.method,
    url: r.url.toString(),
    body: r.body === undefined ? undefined : JSON.parse(r.body)
  }))

const flip = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.flip(effect)

describe("the body under `body` (the official SDK's shape)", () => {
  const wrapped = entries.filter((e) => e.operation?.bodyWrapper === true)

  it("is accepted by exactly the methods intercom-client wraps", () => {
    assert.deepStrictEqual(wrapped.map((e) => e.name).sort(), SDK_WRAPPED)
  })

  for (const entry of wrapped) {
    it.effect(`${entry.name}: { ...params, body } sends what the flat input sends`, () => {
      const op = entry.operation!
      const flat = sampleInput(op)
      const params: Record<string, unknown> = {}
      const body: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(flat)) {
        if (op.pathParams.includes(k) || op.queryParams.includes(k)) params[k] = v
        else body[k] = v
      }
      const m = mock(() => json({ type: "x", id: "1" }))
      return Effect.gen(function*() {
        yield* Effect.either(Operation.execute(op, flat))
        yield* Effect.either(Operation.execute(op, { ...params, body }))
        const [a, b] = wire(m)
        assert.isDefined(a)
        assert.deepStrictEqual(b, a)
        assert.isObject(a.body)
        assert.isFalse(
          typeof a.body.body === "object" && a.body.body !== null,
          "no `body` object on the wire"
        )
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("companies.update({ company_id, body: { name } }) sends { name }", () => {
    const m = mock(() => json({ type: "company", id: "c1" }))
    return Effect.gen(function*() {
      yield* Companies.update({ company_id: "c1", body: { name: "Acme", monthly_spend: 10 } })
      assert.deepStrictEqual(wire(m), [{
        method: "PUT",
        url: "https://api.intercom.io/companies/c1",
        body: { name: "Acme", monthly_spend: 10 }
      }])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("conversations.reply: an object `body` is the wrapper, a string `body` is the text", () => {
    const m = mock(() => json({ type: "conversation", id: "1" }))
    const message = { message_type: "comment", type: "admin", admin_id: "991", body: "Hi" } as const
    return Effect.gen(function*() {
      yield* Conversations.reply({ conversation_id: "1", body: message })
      yield* Conversations.reply({ conversation_id: "1", ...message })
      const [a, b] = wire(m)
      assert.deepStrictEqual(a.body, message)
      assert.deepStrictEqual(b, a)
      assert.strictEqual(a.url, "https://api.intercom.io/conversations/1/reply")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a mistake inside the wrapper is named under `body`, and nothing is sent", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* flip(
        Conversations.reply({
          conversation_id: "1",
          body: { message_type: "comment", type: "admin", admin_id: "991", body: 42 as unknown as string }
        })
      )
      assert.strictEqual(error._tag, "InvalidInputError")
      assert.strictEqual((error as { jsonPath: string }).jsonPath, "$.body.body")
      const size = yield* flip(Companies.update({ company_id: "c1", body: { size: Number.NaN } }))
      assert.strictEqual((size as { jsonPath: string }).jsonPath, "$.body.size")
      const missing = yield* flip(
        Companies.update({ body: { name: "x" } } as unknown as Companies.UpdateCompanyRequestWithBody)
      )
      assert.strictEqual((missing as { jsonPath: string }).jsonPath, "$.company_id", "a path parameter stays beside")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("fields given both flat and under `body` are ambiguous: InvalidInputError, nothing sent", () => {
    const m = mock()
    return Effect.gen(function*() {
      const both = yield* flip(
        Companies.update({ company_id: "c1", name: "A", body: { plan: "pro" } } as Companies.UpdateCompanyRequest)
      )
      assert.strictEqual(both._tag, "InvalidInputError")
      assert.strictEqual((both as { jsonPath: string }).jsonPath, "$.name")
      assert.include(both.message, "not both")
      const inside = yield* flip(
        Companies.update({ company_id: "c1", body: { company_id: "c2", name: "A" } as { name: string } })
      )
      assert.strictEqual((inside as { jsonPath: string }).jsonPath, "$.body.company_id")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("the caller's object is left as it was", () => {
    const m = mock(() => json({ type: "company", id: "c1" }))
    const input = { company_id: "c1", body: { name: "Acme" } }
    const before = JSON.stringify(input)
    return Effect.gen(function*() {
      yield* Companies.update(input)
      assert.strictEqual(JSON.stringify(input), before)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("IntercomMock hands a mocked method the flat input, whichever shape the caller used", () =>
    Effect.gen(function*() {
      const seen: Array<unknown> = []
      const intercom = yield* Intercom.Intercom
      yield* intercom.companies.update({ company_id: "c1", body: { name: "Acme" } })
      yield* intercom.companies.update({ company_id: "c1", name: "Acme" })
      yield* intercom.aiContent.createContentImportSource({ url: "https://example.com" })
      return seen
    }).pipe(
      Effect.flatMap((seen) => Effect.succeed(seen)),
      Effect.provide(IntercomMock.layerTest({
        companies: {
          update: (input) => {
            assert.deepStrictEqual(input, { company_id: "c1", name: "Acme" })
            return Effect.succeed({ type: "company", id: "c1" } as never)
          }
        },
        aiContent: {
          createContentImportSource: (input) => {
            assert.deepStrictEqual(input, { url: "https://example.com", sync_behavior: "api" })
            return Effect.succeed({ type: "content_import_source" } as never)
          }
        }
      }))
    ))
})

describe("a `body` object is never forwarded as a JSON key", () => {
  it.effect("tickets.update({ ticket_id, body: { open } }): InvalidInputError at $.body, nothing sent", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* flip(
        Tickets.update({ ticket_id: "t1", body: { open: false } } as Tickets.UpdateTicketRequest)
      )
      assert.strictEqual(error._tag, "InvalidInputError")
      assert.strictEqual((error as { jsonPath: string }).jsonPath, "$.body")
      assert.include(error.message, "flat")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })

  it("holds for every method whose body is fields and declares no `body`", () => {
    // every other `fields` method either declares `body` (a note's text) or rejects an object there
    const fieldsOps = entries.filter((e) => e.operation?.body === "fields" && e.operation.bodyWrapper !== true)
    assert.isAbove(fieldsOps.length, 80)
  })

  for (const entry of entries.filter((e) => e.operation?.body === "fields" && e.operation.bodyWrapper !== true)) {
    it.effect(`${entry.name}: { ...input, body: {} } is not sent as { "body": {} }`, () => {
      const op = entry.operation!
      const m = mock(() => json({ type: "x", id: "1" }))
      return Effect.gen(function*() {
        yield* Effect.either(Operation.execute(op, { ...sampleInput(op), body: { anything: 1 } }))
        for (const r of m.requests) {
          const sent = r.body === undefined ? undefined : JSON.parse(r.body)
          assert.isFalse(
            typeof sent?.body === "object" && sent.body !== null && !Array.isArray(sent.body),
            `${entry.name} forwarded a body object`
          )
        }
      }).pipe(Effect.provide(m.layer()))
    })
  }
})

describe("constants the client fills in", () => {
  it("are exactly the one-value required fields outside unions, in both specs", () => {
    const filled = entries
      .filter((e) => e.operation?.fill !== undefined)
      .map((e) => `${e.name} ${JSON.stringify(e.operation!.fill)}`)
      .sort()
    assert.deepStrictEqual(filled, [
      "aiContent.createContentImportSource [[[\"sync_behavior\"],\"api\"]]",
      "aiContent.createExternalPage [[[\"locale\"],\"en\"]]",
      "aiContent.updateExternalPage [[[\"locale\"],\"en\"]]",
      "unstable.aiContent.createContentImportSource [[[\"sync_behavior\"],\"api\"]]",
      "unstable.aiContent.createExternalPage [[[\"locale\"],\"en\"]]",
      "unstable.aiContent.updateExternalPage [[[\"locale\"],\"en\"]]"
    ])
  })

  it.effect("are sent when left out, kept when given, and the input is not changed", () => {
    const m = mock(() => json({ type: "x", id: "1" }))
    const input = { url: "https://www.example.com" }
    return Effect.gen(function*() {
      yield* AiContent.createContentImportSource(input)
      yield* AiContent.createContentImportSource({ url: "https://www.example.com", sync_behavior: "api" })
      yield* AiContent.createExternalPage({
        title: "T",
        html: "<p>x</p>",
        source_id: 1,
        external_id: "e1"
      })
      yield* AiContent.updateExternalPage({
        page_id: "p1",
        title: "T",
        html: "<p>x</p>",
        url: "https://www.example.com/p",
        source_id: 1
      })
      const [a, b, c, d] = wire(m)
      assert.deepStrictEqual(a.body, { url: "https://www.example.com", sync_behavior: "api" })
      assert.deepStrictEqual(b.body, a.body)
      assert.strictEqual(c.body.locale, "en")
      assert.strictEqual(d.body.locale, "en")
      assert.deepStrictEqual(input, { url: "https://www.example.com" })
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a value other than the constant is still rejected before sending", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* flip(
        AiContent.createContentImportSource({ url: "https://x.example", sync_behavior: "manual" as "api" })
      )
      assert.strictEqual((error as { jsonPath: string }).jsonPath, "$.sync_behavior")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("header parameters the spec declares", () => {
  it("are read by the generator: the Accept of the downloads", () => {
    const withHeaders = entries.filter((e) => e.operation?.headers !== undefined)
    assert.deepStrictEqual(
      withHeaders.map((e) => [e.name, e.operation!.headers]).sort(),
      [
        // declared as a parameter
        ["dataExport.downloadReportingDataExport", { accept: "application/octet-stream" }],
        // asked for in the description (`patches.ts`)
        ["dataExport.download", { accept: "application/octet-stream" }],
        ["unstable.dataExport.downloadDataExport", { accept: "application/octet-stream" }]
      ].sort()
    )
  })

  it.effect("are sent", () => {
    const m = mock(() =>
      new Response("a,b\n", { status: 200, headers: { "content-type": "application/octet-stream" } })
    )
    return Effect.gen(function*() {
      yield* Stream.runDrain(yield* DataExport.downloadReportingDataExport({ job_identifier: "j1", app_id: "a1" }))
      yield* Stream.runDrain(yield* DataExport.download({ job_identifier: "j1" }))
      assert.deepStrictEqual(m.requests.map((r) => r.headers["accept"]), [
        "application/octet-stream",
        "application/octet-stream"
      ])
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("the in-app message type: `inapp` and `in_app`", () => {
  const message = (message_type: "inapp" | "in_app") => ({
    message_type,
    body: "heyy",
    from: { type: "admin" as const, id: "991267817" },
    to: { type: "user" as const, id: "6762f23a1bb69f9f2193bc1a" }
  })
  for (const spelling of ["inapp", "in_app"] as const) {
    it.effect(`messages.create and unstable.messages.createMessage send ${spelling} as given`, () => {
      const m = mock(() => json({ type: "user_message", id: "1", message_type: "inapp" }))
      return Effect.gen(function*() {
        yield* Messages.create(message(spelling))
        yield* UnstableMessages.createMessage({ ...message(spelling), subject: "s", template: "plain" })
        const [a, b] = wire(m)
        assert.strictEqual(a.body.message_type, spelling)
        assert.strictEqual(b.body.message_type, spelling)
      }).pipe(Effect.provide(m.layer()))
    })
  }
})
