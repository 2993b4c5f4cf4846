/**
 * Pagination for every scheme (cursor, page number, search body, scroll),
 * through the generated `xStream` / `xPages` methods over a mock HttpClient:
 * laziness, early stop, the last page, per_page, read-ahead, page concurrency,
 * mid-stream errors and retries that do not restart the stream.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as IntercomError from "../../packages/client/src/IntercomError.js"
import * as Pagination from "../../packages/client/src/Pagination.js"
import * as Retry from "../../packages/client/src/Retry.js"
import * as MockHttp from "../support/MockHttp.js"

const TOTAL_PAGES = 1000

const contact = (n: number) => ({ type: "contact", id: `c${n}`, email: `user${n}@example.com` })

/** A cursor listing of `pages` pages of `perPage` contacts: the cursor is the index of the next item. */
const cursorPage = (cursor: number, perPage: number, pages: number) => {
  const total = pages * perPage
  const data = Array.from({ length: Math.min(perPage, total - cursor) }, (_, i) => contact(cursor + i))
  const next = cursor + perPage
  return {
    type: "list",
    data,
    total_count: total,
    pages: {
      type: "pages",
      page: cursor / perPage + 1,
      per_page: perPage,
      total_pages: pages,
      ...(next < total ? { next: { per_page: perPage, starting_after: String(next) } } : {})
    }
  }
}

const setup = (respond: MockHttp.Responder, options: Partial<IntercomClient.Options> = {}) => {
  const mock = MockHttp.make(respond)
  const layer = Intercom.layer({
    token: Redacted.make("t"),
    retry: Retry.policy({ jitter: 0, rateLimitJitter: 0 }),
    ...options
  })
    .pipe(Layer.provide(mock.layer))
  return { mock, layer }
}

/** Page `page` of 5 of a page-number listing of articles, with its own request id (`req-page-<n>`). */
const articles = (request: MockHttp.RecordedRequest) => {
  const page = Number(request.url.searchParams.get("page") ?? 1)
  const perPage = Number(request.url.searchParams.get("per_page") ?? 2)
  return MockHttp.json(200, {
    type: "list",
    data: Array.from({ length: perPage }, (_, i) => ({ type: "article", id: `a${(page - 1) * perPage + i}` })),
    total_count: 5 * perPage,
    pages: { type: "pages", page, per_page: perPage, total_pages: 5 }
  }, { "x-request-id": `req-page-${page}` })
}

const cursorListing = (pages: number) => (request: MockHttp.RecordedRequest) => {
  const perPage = Number(request.url.searchParams.get("per_page") ?? 50)
  const cursor = Number(request.url.searchParams.get("starting_after") ?? 0)
  return MockHttp.json(200, cursorPage(cursor, perPage, pages))
}

describe("cursor pagination (contacts.list)", () => {
  it.effect("streams every item in order, stops on the last page without an extra request", () => {
    const { mock, layer } = setup(cursorListing(3))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const ids = yield* intercom.contacts.listStream({ per_page: 4 }).pipe(
        Stream.map((c) => c.id),
        Stream.runCollect
      )
      assert.deepStrictEqual(Chunk.toReadonlyArray(ids), Array.from({ length: 12 }, (_, i) => `c${i}`))
      assert.strictEqual(mock.requests.length, 3)
      assert.deepStrictEqual(mock.requests.map((r) => r.url.searchParams.get("starting_after")), [null, "4", "8"])
      assert.isTrue(mock.requests.every((r) => r.url.searchParams.get("per_page") === "4"))
    }).pipe(Effect.provide(layer))
  })

  it.effect("is lazy: nothing is requested until pulled; 5 items of a 1,000-page listing take one request", () => {
    const { mock, layer } = setup(cursorListing(TOTAL_PAGES))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const stream = intercom.contacts.listStream({ per_page: 150 })
      assert.strictEqual(mock.requests.length, 0)
      const five = yield* stream.pipe(Stream.take(5), Stream.runCollect)
      assert.strictEqual(five.length, 5)
      assert.strictEqual(mock.requests.length, 1)
      // and 151 items take exactly two
      yield* stream.pipe(Stream.take(151), Stream.runDrain)
      assert.strictEqual(mock.requests.length, 3)
    }).pipe(Effect.provide(layer))
  })

  it.effect("pages: one element per page; readAhead fetches a bounded number of pages ahead", () => {
    const { mock, layer } = setup(cursorListing(TOTAL_PAGES))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const first = yield* intercom.contacts.listPages({ per_page: 10 }).pipe(Stream.take(1), Stream.runCollect)
      assert.strictEqual(Chunk.unsafeHead(first).data?.length, 10)
      assert.strictEqual(mock.requests.length, 1)
      mock.requests.length = 0
      const pulled = yield* intercom.contacts.listPages({ per_page: 10 }, { readAhead: 2 }).pipe(
        Stream.take(3),
        Stream.runCollect
      )
      assert.strictEqual(pulled.length, 3)
      // 3 consumed plus at most readAhead + 1 in the buffer's producer
      assert.isAtMost(mock.requests.length, 3 + 3)
      assert.isAtLeast(mock.requests.length, 3)
    }).pipe(Effect.provide(layer))
  })

  it.effect("a mid-stream 429 waits for X-RateLimit-Reset and resumes at the same page", () => {
    let failedOnce = false
    const { mock, layer } = setup((request) => {
      if (request.url.searchParams.get("starting_after") === "4" && !failedOnce) {
        failedOnce = true
        return MockHttp.json(429, {
          type: "error.list",
          errors: [{ code: "rate_limit_exceeded", message: "Slow down" }]
        }, {
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": "10"
        })
      }
      return cursorListing(3)(request)
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* intercom.contacts.listStream({ per_page: 4 }).pipe(Stream.runCollect, Effect.fork)
      yield* TestClock.adjust("9999 millis")
      assert.isNull(fiber.unsafePoll(), "still waiting for the reset")
      yield* TestClock.adjust("1 second")
      const items = yield* Fiber.join(fiber)
      assert.strictEqual(items.length, 12)
      assert.deepStrictEqual(mock.requests.map((r) => r.url.searchParams.get("starting_after")), [null, "4", "4", "8"])
    }).pipe(Effect.provide(layer))
  })

  it.effect("a mid-stream 500 is retried with back-off, without restarting from page 1", () => {
    let failures = 0
    const { mock, layer } = setup((request) => {
      if (request.url.searchParams.get("starting_after") === "8" && failures < 2) {
        failures++
        return new Response("<html>502</html>", { status: 500, headers: { "content-type": "text/html" } })
      }
      return cursorListing(3)(request)
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* intercom.contacts.listStream({ per_page: 4 }).pipe(Stream.runCollect, Effect.fork)
      yield* TestClock.adjust("500 millis") // first back-off: 500 ms
      yield* TestClock.adjust("1 second") // second: 1 s
      const items = yield* Fiber.join(fiber)
      assert.strictEqual(items.length, 12)
      assert.deepStrictEqual(
        mock.requests.map((r) => r.url.searchParams.get("starting_after")),
        [null, "4", "8", "8", "8"]
      )
    }).pipe(Effect.provide(layer))
  })

  it.effect("an error in the middle of a stream is typed and ends it", () => {
    const { layer } = setup((request) =>
      request.url.searchParams.get("starting_after") === "4"
        ? MockHttp.json(401, {
          type: "error.list",
          errors: [{ code: "unauthorized", message: "Access Token Invalid" }]
        })
        : cursorListing(3)(request)
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const seen: Array<string> = []
      const error = yield* intercom.contacts.listStream({ per_page: 4 }).pipe(
        Stream.runForEach((c) => Effect.sync(() => seen.push(c.id!))),
        Effect.flip
      )
      assert.strictEqual(error._tag, "UnauthorizedError")
      assert.strictEqual(seen.length, 4)
    }).pipe(Effect.provide(layer))
  })
})

describe("Pagination.toAsyncIterable (for await, outside Effect)", () => {
  /** The service, taken once from a runtime, as code outside Effect does. */
  const outside = async (respond: MockHttp.Responder) => {
    const { layer, mock } = setup(respond)
    const runtime = ManagedRuntime.make(layer)
    return { intercom: await runtime.runPromise(Intercom.Intercom), mock, runtime }
  }

  it("every item in order; the next page is requested only once the loop has taken the current one's items", async () => {
    const { intercom, mock, runtime } = await outside(cursorListing(3))
    const iterable = Pagination.toAsyncIterable(intercom.contacts.listStream({ per_page: 4 }))
    assert.strictEqual(mock.requests.length, 0, "nothing is sent before the loop starts")
    const ids: Array<string> = []
    const requestsSeen: Array<number> = []
    for await (const contact of iterable) {
      ids.push(contact.id!)
      requestsSeen.push(mock.requests.length)
    }
    assert.deepStrictEqual(ids, Array.from({ length: 12 }, (_, i) => `c${i}`))
    // items 0-3 seen with one request made, 4-7 with two, 8-11 with three: one page in memory, no extra request
    assert.deepStrictEqual(requestsSeen, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
    await runtime.dispose()
  })

  it("break: no further page is requested, and the stream's resources are released", async () => {
    const { intercom, mock, runtime } = await outside(cursorListing(TOTAL_PAGES))
    let released = 0
    const stream = intercom.contacts.listStream({ per_page: 150 }).pipe(
      Stream.ensuring(Effect.sync(() => released++))
    )
    let seen = 0
    for await (const _ of Pagination.toAsyncIterable(stream)) {
      if (++seen === 151) break
    }
    assert.strictEqual(seen, 151)
    assert.strictEqual(mock.requests.length, 2)
    assert.strictEqual(released, 1)
    await runtime.dispose()
  })

  it("a failed page is thrown as its typed error, after the items of the pages before it", async () => {
    const { intercom, runtime } = await outside((request) =>
      request.url.searchParams.get("starting_after") === "4"
        ? MockHttp.json(401, {
          type: "error.list",
          errors: [{ code: "unauthorized", message: "Access Token Invalid" }]
        })
        : cursorListing(3)(request)
    )
    const seen: Array<string> = []
    let thrown: unknown
    try {
      for await (const contact of Pagination.toAsyncIterable(intercom.contacts.listStream({ per_page: 4 }))) {
        seen.push(contact.id!)
      }
    } catch (error) {
      thrown = error
    }
    assert.strictEqual(seen.length, 4)
    assert.instanceOf(thrown, IntercomError.UnauthorizedError)
    assert.strictEqual((thrown as IntercomError.UnauthorizedError).status, 401)
    await runtime.dispose()
  })

  it("a stream that needs services runs on the runtime given", async () => {
    const { layer, mock } = setup(cursorListing(2))
    const runtime = ManagedRuntime.make(layer)
    const stream = Stream.unwrap(
      Effect.map(Intercom.Intercom, (intercom) => intercom.contacts.listStream({ per_page: 3 }))
    )
    const ids: Array<string> = []
    for await (const contact of Pagination.toAsyncIterable(stream, await runtime.runtime())) ids.push(contact.id!)
    assert.deepStrictEqual(ids, ["c0", "c1", "c2", "c3", "c4", "c5"])
    assert.strictEqual(mock.requests.length, 2)
    await runtime.dispose()
  })
})

describe("page-number pagination (articles.list)", () => {
  it.effect("follows page numbers up to total_pages, no extra request", () => {
    const { mock, layer } = setup(articles)
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const ids = yield* intercom.articles.listStream({ per_page: 2 }).pipe(Stream.map((a) => a.id), Stream.runCollect)
      assert.deepStrictEqual(Chunk.toReadonlyArray(ids), Array.from({ length: 10 }, (_, i) => `a${i}`))
      assert.deepStrictEqual(mock.requests.map((r) => r.url.searchParams.get("page")), [null, "2", "3", "4", "5"])
    }).pipe(Effect.provide(layer))
  })

  it.effect("with concurrency, fetches the remaining pages concurrently and keeps their order", () => {
    let inFlight = 0
    let maxInFlight = 0
    const { mock, layer } = setup((request) =>
      Effect.gen(function*() {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        // later pages answer faster, to check that order is kept anyway
        const page = Number(request.url.searchParams.get("page") ?? 1)
        yield* Effect.sleep(`${(6 - page) * 10} millis`)
        inFlight--
        return articles(request)
      })
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* intercom.articles.listStream({ per_page: 2 }, { concurrency: 4 }).pipe(
        Stream.map((a) => a.id),
        Stream.runCollect,
        Effect.fork
      )
      yield* TestClock.adjust("1 second")
      const ids = yield* Fiber.join(fiber)
      assert.deepStrictEqual(Chunk.toReadonlyArray(ids), Array.from({ length: 10 }, (_, i) => `a${i}`))
      assert.strictEqual(mock.requests.length, 5)
      assert.strictEqual(maxInFlight, 4)
    }).pipe(Effect.provide(layer))
  })
})

describe("withResponse with pages fetched ahead", () => {
  it.effect("readAhead: each item is paired with the response of its own page, not the latest fetched", () => {
    // page n's request id is `req-<its cursor>`
    const { mock, layer } = setup((request) => {
      const cursor = Number(request.url.searchParams.get("starting_after") ?? 0)
      return MockHttp.json(200, cursorPage(cursor, 2, 4), { "x-request-id": `req-${cursor}` })
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* intercom.contacts.listStream({ per_page: 2 }, { readAhead: 3 }).pipe(
        IntercomClient.withResponse,
        // a slow consumer: the buffer's producer has fetched every page before the first items are read
        Stream.tap(() => Effect.sleep("10 millis")),
        Stream.map(({ response, value }) => [value.id, response.requestId]),
        Stream.runCollect,
        Effect.fork
      )
      yield* TestClock.adjust("1 second")
      const pairs = Chunk.toReadonlyArray(yield* Fiber.join(fiber))
      assert.deepStrictEqual(pairs, Array.from({ length: 8 }, (_, i) => [`c${i}`, `req-${2 * Math.floor(i / 2)}`]))
      assert.strictEqual(mock.requests.length, 4)
    }).pipe(Effect.provide(layer))
  })

  it.effect("page concurrency: later pages answering first do not relabel earlier ones", () => {
    const { layer } = setup((request) =>
      Effect.gen(function*() {
        const page = Number(request.url.searchParams.get("page") ?? 1)
        yield* Effect.sleep(`${(6 - page) * 10} millis`)
        return articles(request)
      })
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fiber = yield* intercom.articles.listStream({ per_page: 2 }, { concurrency: 4 }).pipe(
        IntercomClient.withResponse,
        Stream.map(({ response, value }) => [value.id, response.requestId]),
        Stream.runCollect,
        Effect.fork
      )
      yield* TestClock.adjust("1 second")
      const pairs = Chunk.toReadonlyArray(yield* Fiber.join(fiber))
      assert.deepStrictEqual(
        pairs,
        Array.from({ length: 10 }, (_, i) => [`a${i}`, `req-page-${Math.floor(i / 2) + 1}`])
      )
    }).pipe(Effect.provide(layer))
  })
})

describe("search pagination (contacts.search)", () => {
  it.effect("carries the cursor in the body, keeps per_page and the query", () => {
    const { mock, layer } = setup((request) => {
      const body = JSON.parse(request.body!)
      const cursor = Number(body.pagination?.starting_after ?? 0)
      return MockHttp.json(200, cursorPage(cursor, body.pagination.per_page, 3))
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const query = { field: "email", operator: "~" as const, value: "example.com" }
      const items = yield* intercom.contacts.searchStream({ query, pagination: { per_page: 5 } }).pipe(
        Stream.runCollect
      )
      assert.strictEqual(items.length, 15)
      const bodies = mock.requests.map((r) => JSON.parse(r.body!))
      assert.deepStrictEqual(bodies.map((b) => b.pagination), [
        { per_page: 5 },
        { per_page: 5, starting_after: "5" },
        { per_page: 5, starting_after: "10" }
      ])
      assert.isTrue(bodies.every((b) => JSON.stringify(b.query) === JSON.stringify(query)))
      assert.isTrue(mock.requests.every((r) => r.method === "POST" && r.url.pathname === "/contacts/search"))
    }).pipe(Effect.provide(layer))
  })
})

describe("scroll pagination (companies.scroll)", () => {
  const company = (n: number) => ({ type: "company", id: `co${n}`, name: `Company ${n}` })

  it.effect("passes scroll_param along and ends on the empty page", () => {
    const { mock, layer } = setup((request) => {
      const param = request.url.searchParams.get("scroll_param")
      const step = param === null ? 0 : Number(param.slice(1))
      const data = step < 2 ? [company(step * 2), company(step * 2 + 1)] : []
      return MockHttp.json(200, { type: "list", data, scroll_param: `s${step + 1}` })
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const ids = yield* intercom.companies.scrollStream().pipe(Stream.map((c) => c.id), Stream.runCollect)
      assert.deepStrictEqual(Chunk.toReadonlyArray(ids), ["co0", "co1", "co2", "co3"])
      assert.deepStrictEqual(mock.requests.map((r) => r.url.searchParams.get("scroll_param")), [null, "s1", "s2"])
    }).pipe(Effect.provide(layer))
  })

  it.effect("a refused first request is a ScrollError Conflict, not a hang", () => {
    const { layer } = setup(() =>
      MockHttp.json(400, { type: "error.list", errors: [{ code: "scroll_exists", message: "scroll already exists" }] })
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const error = yield* intercom.companies.scrollStream().pipe(Stream.runDrain, Effect.flip)
      assert.strictEqual(error._tag, "ScrollError")
      if (error._tag === "ScrollError") {
        assert.strictEqual(error.reason, "Conflict")
        assert.include(error.message, "one scroll per app")
      }
    }).pipe(Effect.provide(layer))
  })

  it.effect("an expired scroll_param is a ScrollError Expired", () => {
    const { layer } = setup((request) =>
      request.url.searchParams.get("scroll_param") === null
        ? MockHttp.json(200, { type: "list", data: [company(0)], scroll_param: "s1" })
        : MockHttp.json(404, { type: "error.list", errors: [{ code: "not_found", message: "scroll param not found" }] })
    )
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const error = yield* intercom.companies.scrollStream().pipe(Stream.runDrain, Effect.flip)
      assert.strictEqual(error._tag, "ScrollError")
      if (error._tag === "ScrollError") assert.strictEqual(error.reason, "Expired")
    }).pipe(Effect.provide(layer))
  })
})
