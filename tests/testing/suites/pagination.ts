/**
 * The fake's pagination, through the client: every scheme (cursor, page
 * number, search body, scroll), the last page recognised from the response,
 * and the client's streams over each. Also: deterministic seeding.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { isErrorList, layer, raw } from "./_fake.js"

const requestsTo = (prefix: string) =>
  Effect.map(FakeIntercom.FakeIntercom, (fake) => fake.exchanges).pipe(
    Effect.flatten,
    Effect.map((exchanges) => exchanges.filter((e) => e.path.startsWith(prefix)))
  )

describe("FakeIntercom pagination", () => {
  it.effect("cursor: contacts.list pages by starting_after; the last page has no pages.next", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const seen: Array<string> = []
      let cursor: string | undefined
      const pageNumbers: Array<number> = []
      for (let i = 0; i < 20; i++) {
        const page = yield* intercom.contacts.list({
          per_page: 37,
          ...(cursor === undefined ? {} : { starting_after: cursor })
        })
        assert.strictEqual(page.total_count, 200)
        assert.strictEqual(page.pages?.total_pages, 6)
        pageNumbers.push(page.pages!.page!)
        for (const contact of page.data ?? []) seen.push(contact.id!)
        cursor = page.pages?.next?.starting_after ?? undefined
        if (cursor === undefined) break
      }
      assert.deepStrictEqual(pageNumbers, [1, 2, 3, 4, 5, 6])
      assert.strictEqual(seen.length, 200)
      assert.strictEqual(new Set(seen).size, 200)
    }).pipe(Effect.provide(layer())))

  it.effect("cursor: listStream reads every contact with one request per page, no extra empty page", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const count = yield* intercom.contacts.listStream({ per_page: 50 }).pipe(Stream.runCount)
      assert.strictEqual(count, 200)
      assert.strictEqual((yield* requestsTo("/contacts")).length, 4)
      const conversations = yield* intercom.conversations.listPages({ per_page: 30 }).pipe(Stream.runCollect)
      assert.deepStrictEqual(Chunk.toReadonlyArray(conversations).map((p) => p.conversations?.length), [30, 30, 30, 10])
      assert.isUndefined(Chunk.unsafeLast(conversations).pages?.next)
    }).pipe(Effect.provide(layer())))

  it.effect("cursor: a contact created while paging comes at the end, nothing repeats", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const first = yield* intercom.contacts.list({ per_page: 100 })
      const created = yield* intercom.contacts.create({ email: "late@example.com" })
      const second = yield* intercom.contacts.list({
        per_page: 100,
        starting_after: first.pages!.next!.starting_after!
      })
      const third = yield* intercom.contacts.list({
        per_page: 100,
        starting_after: second.pages!.next!.starting_after!
      })
      const ids = [...first.data!, ...second.data!, ...third.data!].map((c) => c.id)
      assert.strictEqual(new Set(ids).size, 201)
      assert.strictEqual(third.data?.at(-1)?.id, created.id)
      assert.isUndefined(third.pages?.next)
    }).pipe(Effect.provide(layer())))

  it.effect("cursor: a cursor the fake did not issue is refused in Intercom's shape", () =>
    Effect.gen(function*() {
      const response = yield* raw("GET", "/contacts?starting_after=bm9wZQ==")
      assert.strictEqual(response.status, 400)
      assert.isTrue(isErrorList(response.json, "parameter_invalid"))
    }).pipe(Effect.provide(layer())))

  it.effect("page numbers: companies.list, the last page says so with page = total_pages and no next", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const page1 = yield* intercom.companies.list({ per_page: 15 })
      assert.deepStrictEqual([page1.pages?.page, page1.pages?.total_pages, page1.total_count], [1, 3, 40])
      assert.include(page1.pages?.next ?? "", "page=2")
      const page3 = yield* intercom.companies.list({ per_page: 15, page: 3 })
      assert.strictEqual(page3.data?.length, 10)
      assert.isNull(page3.pages?.next)
      const all = yield* intercom.companies.listStream({ per_page: 15 }).pipe(Stream.runCollect)
      assert.strictEqual(new Set(Chunk.toReadonlyArray(all).map((c) => c.id)).size, 40)
      assert.strictEqual((yield* requestsTo("/companies/list")).length, 2 + 3)
      // a page past the end is empty
      assert.deepStrictEqual((yield* intercom.companies.list({ per_page: 15, page: 9 })).data, [])
    }).pipe(Effect.provide(layer())))

  it.effect("page numbers: articles, collections, help centres and notes stream to the end", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      assert.strictEqual(yield* intercom.articles.listStream({ per_page: 5 }).pipe(Stream.runCount), 12)
      assert.strictEqual(yield* intercom.helpCenters.collections.listStream({ per_page: 3 }).pipe(Stream.runCount), 4)
      assert.strictEqual(yield* intercom.helpCenters.listStream({ per_page: 1 }).pipe(Stream.runCount), 2)
      const contact = yield* intercom.contacts.create({ email: "notes@example.com" })
      for (let i = 0; i < 7; i++) yield* intercom.notes.create({ contact_id: contact.id!, body: `note ${i}` })
      const notes = yield* intercom.notes.listStream({ contact_id: contact.id!, per_page: 3 }).pipe(Stream.runCollect)
      assert.deepStrictEqual(
        Chunk.toReadonlyArray(notes).map((n) => n.body),
        [6, 5, 4, 3, 2, 1, 0].map((i) => `<p>note ${i}</p>`)
      )
    }).pipe(Effect.provide(layer())))

  it.effect("search bodies: pagination.starting_after walks the matches, the last page has no next", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const query = { operator: "AND" as const, value: [{ field: "role", operator: "=" as const, value: "lead" }] }
      const first = yield* intercom.contacts.search({ query, pagination: { per_page: 10 } })
      const total = first.total_count!
      assert.isAbove(total, 10)
      const all = yield* intercom.contacts.searchStream({ query, pagination: { per_page: 10 } }).pipe(Stream.runCollect)
      const contacts = Chunk.toReadonlyArray(all)
      assert.strictEqual(contacts.length, total)
      assert.isTrue(contacts.every((c) => c.role === "lead"))
      assert.strictEqual((yield* requestsTo("/contacts/search")).length, 1 + Math.ceil(total / 10))
      const tickets = yield* intercom.tickets.searchStream({
        query: { field: "open", operator: "=", value: "true" },
        pagination: { per_page: 7 }
      }).pipe(Stream.runCount)
      assert.strictEqual(
        tickets,
        (yield* intercom.tickets.search({ query: { field: "open", operator: "=", value: "true" } })).total_count
      )
    }).pipe(Effect.provide(layer())))

  it.effect("scroll: every page carries scroll_param, an empty page ends it, then a new scroll may start", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const pages = yield* intercom.companies.scrollPages().pipe(Stream.runCollect)
      const sizes = Chunk.toReadonlyArray(pages).map((p) => p.data?.length)
      assert.deepStrictEqual(sizes, [50, 50, 20, 0])
      assert.isTrue(Chunk.toReadonlyArray(pages).slice(0, 3).every((p) => typeof p.scroll_param === "string"))
      assert.isUndefined(Chunk.unsafeLast(pages).scroll_param)
      assert.strictEqual(yield* intercom.companies.scrollStream().pipe(Stream.runCount), 120)
    }).pipe(Effect.provide(layer({ seed: { ...FakeIntercom.smallSeed, companies: 120 } }))))

  it.effect("scroll: one open scroll per workspace; an unused scroll expires after a minute (TestClock)", () =>
    Effect.gen(function*() {
      const first = yield* raw("GET", "/companies/scroll")
      assert.strictEqual(first.status, 200)
      const param = first.json.scroll_param as string
      const second = yield* raw("GET", "/companies/scroll")
      assert.strictEqual(second.status, 400)
      assert.isTrue(isErrorList(second.json, "scroll_exists"))
      assert.strictEqual((yield* raw("GET", `/companies/scroll?scroll_param=${param}`)).status, 200)
      yield* TestClock.adjust("61 seconds")
      const expired = yield* raw("GET", `/companies/scroll?scroll_param=${param}`)
      assert.strictEqual(expired.status, 400)
      assert.isTrue(isErrorList(expired.json, "parameter_invalid"))
      assert.strictEqual((yield* raw("GET", "/companies/scroll")).status, 200)
      // the client reports a refused scroll as a ScrollError
      const intercom = yield* Intercom.Intercom
      const refused = yield* intercom.companies.scrollStream().pipe(Stream.runCount, Effect.flip)
      assert.strictEqual(refused._tag, "ScrollError")
    }).pipe(Effect.provide(layer())))

  it.effect("seeding: the default workspace has 5,000 contacts, 500 companies, 2,000 conversations with parts", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      assert.strictEqual((yield* intercom.contacts.list({ per_page: 1 })).total_count, 5000)
      assert.strictEqual((yield* intercom.companies.list({ per_page: 1 })).total_count, 500)
      const conversations = yield* intercom.conversations.list({ per_page: 150 })
      assert.strictEqual(conversations.total_count, 2000)
      const conversation = yield* intercom.conversations.find({ conversation_id: conversations.conversations![0].id! })
      assert.isAbove(conversation.conversation_parts?.conversation_parts?.length ?? 0, 0)
    }).pipe(Effect.provide(layer({ seed: {} }))))

  it.effect("seeding is deterministic: the same random seed gives the same workspace", () =>
    Effect.gen(function*() {
      const firstPage = (randomSeed: number) =>
        Effect.gen(function*() {
          const intercom = yield* Intercom.Intercom
          return yield* intercom.contacts.list({ per_page: 20 })
        }).pipe(Effect.provide(layer({ randomSeed })))
      const a = yield* firstPage(7)
      const b = yield* firstPage(7)
      const c = yield* firstPage(8)
      assert.deepStrictEqual(a, b)
      assert.notDeepEqual(a.data?.map((x) => x.email), c.data?.map((x) => x.email))
    }))
})
