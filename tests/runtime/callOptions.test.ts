/**
 * Per-call options on effects and on streams, at the HTTP boundary (a mock
 * HttpClient): every page request of a multi-page stream carries the option,
 * pulled lazily, through `Stream.toAsyncIterable`, `Stream.buffer`,
 * `Stream.merge`; `withRegion` / `withBaseUrl` (and invalid base URLs, which
 * send nothing); nesting; `withResponse` on effects and streams; a
 * multi-workspace merge; and the types of the data-first and data-last forms.
 */
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import type * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import * as Pagination from "@effect-intercom/client/Pagination"
import * as Retry from "@effect-intercom/client/Retry"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { findContact, json, listContacts, mock, type Recorded, TOKEN } from "./_mock.js"

const PER_PAGE = 2
const PAGES = 3

/** Page `n` (0-based) of a cursor listing of `PAGES` pages; the cursor is the page number. */
const page = (n: number, extra: Record<string, unknown> = {}) => ({
  type: "list",
  data: Array.from({ length: PER_PAGE }, (_, i) => ({ type: "contact", id: `c${n * PER_PAGE + i}` })),
  ...extra,
  pages: {
    type: "pages",
    ...(n + 1 < PAGES ? { next: { per_page: PER_PAGE, starting_after: String(n + 1) } } : {})
  }
})

const pageOf = (url: URL): number => Number(url.searchParams.get("starting_after") ?? 0)

/** Answers a listing with its page, and a contact read with the contact; each response has a request id and rate-limit headers. */
const listing = (extra: Record<string, unknown> = {}) => (_request: unknown, url: URL): Response => {
  if (url.pathname.endsWith("/contacts")) {
    const n = pageOf(url)
    return json(page(n, extra), {
      headers: {
        "x-request-id": `req-${n}`,
        "x-ratelimit-limit": "1000",
        "x-ratelimit-remaining": String(999 - n),
        "x-ratelimit-reset": "1700000000"
      }
    })
  }
  return json({ type: "contact", id: url.pathname.split("/").pop() })
}

type Contact = { readonly id: string }

/** The items of `listContacts`, 3 pages of 2. */
const contacts = (options?: Pagination.Options) =>
  Stream.map(Pagination.items(listContacts, { per_page: PER_PAGE }, options), (item) => item as Contact)

const ids = (chunk: Chunk.Chunk<Contact>) => Chunk.toReadonlyArray(chunk).map((c) => c.id)
const allIds = Array.from({ length: PER_PAGE * PAGES }, (_, i) => `c${i}`)
const listRequests = (requests: ReadonlyArray<Recorded>) => requests.filter((r) => r.url.pathname.endsWith("/contacts"))

/** Pull a stream one chunk at a time, checking that each pull makes exactly one more request (laziness). */
const pullLazily = <A, E, R>(stream: Stream.Stream<A, E, R>, requests: ReadonlyArray<Recorded>) =>
  Effect.scoped(Effect.gen(function*() {
    const pull = yield* Stream.toPull(stream)
    const out: Array<A> = []
    assert.strictEqual(requests.length, 0, "nothing is requested before the first pull")
    for (let i = 1; i <= PAGES; i++) {
      const chunk = yield* pull
      for (const a of chunk) out.push(a)
      assert.strictEqual(listRequests(requests).length, i, `page ${i} is requested when pulled`)
    }
    const end = yield* Effect.either(pull)
    assert(end._tag === "Left" && Option.isNone(end.left), "the stream ends after the last page")
    return out
  }))

/** Run a stream through `Stream.toAsyncIterable`: each `next()` runs in a fiber of its own. */
const viaAsyncIterable = <A, E>(
  stream: Stream.Stream<A, E, IntercomClient.IntercomClient>,
  layer: Layer.Layer<IntercomClient.IntercomClient>
) =>
  Effect.promise(async () => {
    const out: Array<A> = []
    for await (const item of Stream.toAsyncIterable(Stream.provideLayer(stream, layer))) out.push(item)
    return out
  })

interface Case {
  readonly name: string
  readonly apply: <A, E, R>(self: Stream.Stream<A, E, R>) => Stream.Stream<A, E, R>
  readonly check: (request: Recorded) => void
}

const cases: ReadonlyArray<Case> = [
  {
    name: "withToken",
    apply: IntercomClient.withToken(Redacted.make("workspace-b")),
    check: (r) => assert.strictEqual(r.headers["authorization"], "Bearer workspace-b")
  },
  {
    name: "withVersion",
    apply: IntercomClient.withVersion("2.13"),
    check: (r) => assert.strictEqual(r.headers["intercom-version"], "2.13")
  },
  {
    name: "withHeaders",
    apply: IntercomClient.withHeaders({ "X-Job-Id": "sync-42" }),
    check: (r) => assert.strictEqual(r.headers["x-job-id"], "sync-42")
  },
  {
    name: "withQueryParams",
    apply: IntercomClient.withQueryParams({ debug: true }),
    check: (r) => assert.strictEqual(r.url.searchParams.get("debug"), "true")
  },
  {
    name: "withRegion",
    apply: IntercomClient.withRegion("au"),
    check: (r) => assert.strictEqual(r.url.origin, "https://api.au.intercom.io")
  },
  {
    name: "withBaseUrl",
    apply: IntercomClient.withBaseUrl("https://proxy.example.com/intercom/"),
    check: (r) => assert.match(r.url.href, /^https:\/\/proxy\.example\.com\/intercom\/contacts\?/)
  }
]

describe("per-call options on a multi-page stream", () => {
  for (const c of cases) {
    it.effect(`${c.name}: every page request, pulled lazily`, () => {
      const m = mock(listing())
      return Effect.gen(function*() {
        const out = yield* pullLazily(c.apply(contacts()), m.requests)
        assert.deepStrictEqual(out.map((x) => x.id), allIds)
        assert.strictEqual(m.requests.length, PAGES)
        m.requests.forEach(c.check)
      }).pipe(Effect.provide(m.layer()))
    })

    it.effect(`${c.name}: every page request, through Stream.toAsyncIterable`, () => {
      const m = mock(listing())
      return Effect.gen(function*() {
        const out = yield* viaAsyncIterable(c.apply(contacts()), m.layer())
        assert.deepStrictEqual(out.map((x) => x.id), allIds)
        assert.strictEqual(m.requests.length, PAGES)
        m.requests.forEach(c.check)
      })
    })

    it.effect(`${c.name}: through Stream.buffer, read-ahead and Stream.merge`, () => {
      const m = mock(listing())
      return Effect.gen(function*() {
        const buffered = yield* Stream.runCollect(c.apply(contacts()).pipe(Stream.buffer({ capacity: 2 })))
        const readAhead = yield* Stream.runCollect(c.apply(contacts({ readAhead: 2 })))
        const merged = yield* Stream.runCollect(Stream.merge(c.apply(contacts()), c.apply(contacts())))
        assert.deepStrictEqual(ids(buffered), allIds)
        assert.deepStrictEqual(ids(readAhead), allIds)
        assert.strictEqual(merged.length, 2 * allIds.length)
        assert.strictEqual(m.requests.length, 4 * PAGES)
        m.requests.forEach(c.check)
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("the option covers every Intercom call made inside the stream, not the consumer's", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      yield* contacts().pipe(
        Stream.mapEffect((c) => Operation.execute(findContact, { contact_id: c.id })),
        IntercomClient.withToken(Redacted.make("inside")),
        Stream.runForEach(() => Operation.execute(findContact, { contact_id: "consumer" }))
      )
      const byPath = (p: string) => m.requests.filter((r) => r.url.pathname === p)
      assert.strictEqual(listRequests(m.requests).length, PAGES)
      assert.isTrue(listRequests(m.requests).every((r) => r.headers["authorization"] === "Bearer inside"))
      assert.strictEqual(byPath("/contacts/c0")[0].headers["authorization"], "Bearer inside")
      assert.strictEqual(byPath("/contacts/consumer").length, allIds.length)
      assert.isTrue(byPath("/contacts/consumer").every((r) => r.headers["authorization"] === `Bearer ${TOKEN}`))
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("Retry.withPolicy: every page is retried by the stream's policy (500, then 200)", () => {
    const failed = new Set<number>()
    const m = mock((request, url) => {
      const n = pageOf(url)
      if (!failed.has(n)) {
        failed.add(n)
        return json({ type: "error.list", errors: [{ code: "server_error", message: "boom" }] }, { status: 500 })
      }
      return listing()(request, url)
    })
    return Effect.gen(function*() {
      // the layer does not retry
      const plain = yield* Effect.flip(Stream.runCollect(contacts()))
      assert.strictEqual(plain._tag, "ServerError")
      failed.clear()
      m.requests.length = 0
      const items = yield* Stream.runCollect(Retry.withPolicy(contacts(), Schedule.recurs(2)))
      assert.deepStrictEqual(ids(items), allIds)
      assert.deepStrictEqual(m.requests.map((r) => pageOf(r.url)), [0, 0, 1, 1, 2, 2])
      failed.clear()
      m.requests.length = 0
      const lazy = yield* viaAsyncIterable(contacts().pipe(Retry.withPolicy(Schedule.recurs(2))), m.layer())
      assert.deepStrictEqual(lazy.map((c) => c.id), allIds)
      assert.strictEqual(m.requests.length, 2 * PAGES)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("withDecodePolicy: every page of a mismatching listing is decoded leniently", () => {
    // `total_count` is a number in the schema
    const m = mock(listing({ total_count: "many" }))
    return Effect.gen(function*() {
      const strict = yield* Effect.flip(Stream.runCollect(contacts()))
      assert.strictEqual(strict._tag, "ResponseDecodeError")
      m.requests.length = 0
      const out = yield* pullLazily(contacts().pipe(IntercomClient.withDecodePolicy("lenient")), m.requests)
      assert.deepStrictEqual(out.map((c) => c.id), allIds)
      const iterated = yield* viaAsyncIterable(IntercomClient.withDecodePolicy(contacts(), "lenient"), m.layer())
      assert.deepStrictEqual(iterated.map((c) => c.id), allIds)
    }).pipe(Effect.provide(m.layer()))
  })

  // real time, short: the timer of an attempt
  it.live("withTimeout: every page request gets the stream's time-out", () => {
    const m = mock((request, url) => Effect.as(Effect.sleep("30 millis"), listing()(request, url)))
    return Effect.gen(function*() {
      // the layer's 5 ms would time out every page; the stream's 5 s does not
      const out = yield* Stream.runCollect(contacts().pipe(IntercomClient.withTimeout("5 seconds")))
      assert.deepStrictEqual(ids(out), allIds)
      const iterated = yield* viaAsyncIterable(
        IntercomClient.withTimeout(contacts(), "5 seconds"),
        m.layer({ timeout: "5 millis" })
      )
      assert.deepStrictEqual(iterated.map((c) => c.id), allIds)
      const error = yield* Effect.flip(Stream.runCollect(contacts()))
      assert(error._tag === "TimeoutError")
      assert.strictEqual(error.durationMs, 5)
    }).pipe(Effect.provide(m.layer({ timeout: "5 millis" })))
  })

  it.live("withTimeout: a late page times out with the stream's time-out", () => {
    const m = mock((request, url) =>
      Effect.as(Effect.sleep(pageOf(url) === 2 ? "2 seconds" : "1 millis"), listing()(request, url))
    )
    return Effect.gen(function*() {
      const seen: Array<string> = []
      const error = yield* contacts().pipe(
        IntercomClient.withTimeout("50 millis"),
        Stream.runForEach((c) => Effect.sync(() => seen.push(c.id))),
        Effect.flip
      )
      assert(error._tag === "TimeoutError")
      assert.strictEqual(error.durationMs, 50)
      assert.deepStrictEqual(seen, allIds.slice(0, 2 * PER_PAGE))
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("nested: the innermost option wins, on streams and effects", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      yield* contacts().pipe(
        IntercomClient.withToken(Redacted.make("inner")),
        IntercomClient.withRegion("eu"),
        IntercomClient.withToken(Redacted.make("outer")),
        IntercomClient.withHeaders({ "x-outer": "1" }),
        IntercomClient.withBaseUrl("https://outer.example.com"),
        Stream.runDrain
      )
      assert.strictEqual(m.requests.length, PAGES)
      for (const r of m.requests) {
        assert.strictEqual(r.headers["authorization"], "Bearer inner")
        assert.strictEqual(r.url.origin, "https://api.eu.intercom.io")
        assert.strictEqual(r.headers["x-outer"], "1")
      }
      m.requests.length = 0
      // an invalid outer base URL does not hide a valid inner one, and the reverse
      yield* Operation.execute(findContact, { contact_id: "1" }).pipe(
        IntercomClient.withRegion("au"),
        IntercomClient.withBaseUrl("ftp://nope.example.com")
      )
      assert.strictEqual(m.requests[0].url.origin, "https://api.au.intercom.io")
      const error = yield* Effect.flip(
        Operation.execute(findContact, { contact_id: "1" }).pipe(
          IntercomClient.withBaseUrl("ftp://nope.example.com"),
          IntercomClient.withRegion("au")
        )
      )
      assert.strictEqual(error._tag, "InvalidInputError")
      assert.strictEqual(m.requests.length, 1)
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("withRegion / withBaseUrl", () => {
  it.effect("on an effect: data-first and data-last", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      const find = Operation.execute(findContact, { contact_id: "1" })
      yield* IntercomClient.withRegion(find, "eu")
      yield* find.pipe(IntercomClient.withRegion("au"))
      yield* IntercomClient.withBaseUrl(find, "http://127.0.0.1:4010/")
      yield* find.pipe(IntercomClient.withBaseUrl("  https://Proxy.Example.com/intercom///  "))
      yield* find
      assert.deepStrictEqual(m.requests.map((r) => r.url.href), [
        "https://api.eu.intercom.io/contacts/1",
        "https://api.au.intercom.io/contacts/1",
        "http://127.0.0.1:4010/contacts/1",
        "https://proxy.example.com/intercom/contacts/1",
        "https://api.intercom.io/contacts/1"
      ])
    }).pipe(Effect.provide(m.layer()))
  })

  const invalid: ReadonlyArray<readonly [string, string]> = [
    ["relative/path", "http:// or https://"],
    ["/intercom", "http:// or https://"],
    ["api.intercom.io", "http:// or https://"],
    ["ftp://files.example.com", "http:// or https://"],
    ["javascript:alert(1)", "http:// or https://"],
    ["https://proxy.example.com/?token=abc", "query string"],
    ["https://proxy.example.com?", "query string"],
    ["https://proxy.example.com/#frag", "fragment"],
    ["https://user:s3cret@proxy.example.com", "credentials"],
    ["https://user@proxy.example.com", "credentials"],
    ["https://", "not a valid URL"],
    ["", "empty"],
    ["   ", "empty"]
  ]
  for (const [url, why] of invalid) {
    it.effect(`withBaseUrl(${JSON.stringify(url)}) fails each call with InvalidInputError; nothing is sent`, () => {
      const m = mock(listing())
      return Effect.gen(function*() {
        const error = yield* Effect.flip(
          IntercomClient.withBaseUrl(Operation.execute(findContact, { contact_id: "1" }), url)
        )
        assert(error._tag === "InvalidInputError")
        assert.strictEqual(error.jsonPath, "$baseUrl")
        assert.strictEqual(error.operation, "contacts.find")
        assert.include(error.message, why)
        assert.include(error.message, "withBaseUrl")
        if (url.includes("s3cret")) assert.notInclude(error.message, "s3cret")
        if (url.includes("token=abc")) assert.notInclude(error.message, "abc")
        const streamError = yield* Effect.flip(Stream.runCollect(contacts().pipe(IntercomClient.withBaseUrl(url))))
        assert.strictEqual(streamError._tag, "InvalidInputError")
        assert.strictEqual(m.requests.length, 0)
      }).pipe(Effect.provide(m.layer()))
    })
  }

  const findOne = Operation.execute(findContact, { contact_id: "1" })
  /** The call's failure: an `InvalidInputError` at `$token`. */
  const tokenIssue = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.map(Effect.flip(effect), (error) => {
      const issue = error as IntercomError.InvalidInputError
      assert.strictEqual(issue._tag, "InvalidInputError")
      assert.strictEqual(issue.jsonPath, "$token")
      return issue
    })

  it.effect("a layer without a token: each call brings its own (withToken); a call with none fails with InvalidInputError at $token, nothing sent", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      const error = yield* tokenIssue(findOne)
      assert.strictEqual(error.operation, "contacts.find")
      assert.include(error.message, "withToken")
      yield* tokenIssue(Stream.runCollect(contacts()))
      assert.strictEqual(m.requests.length, 0)

      // with the call's token: sent, every page request with it
      const found = yield* IntercomClient.withToken(findOne, Redacted.make("workspace-a"))
      assert.strictEqual(found.id, "1")
      const items = yield* Stream.runCollect(contacts().pipe(IntercomClient.withToken(Redacted.make("workspace-b"))))
      assert.strictEqual(Chunk.size(items), PER_PAGE * PAGES)
      assert.deepStrictEqual(
        m.requests.map((r) => r.request.headers.authorization),
        ["Bearer workspace-a", ...Array.from({ length: PAGES }, () => "Bearer workspace-b")]
      )
    }).pipe(Effect.provide(m.layer({ token: undefined })))
  })

  it.effect("a token that is not Redacted (a plain string, from JavaScript or intercom-client's habit) fails with InvalidInputError at $token, without its value; nothing sent", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      const fromLayer = yield* tokenIssue(findOne)
      assert.include(fromLayer.message, "Redacted.make")
      assert.include(fromLayer.message, "not a string")
      const fromCall = yield* tokenIssue(IntercomClient.withToken(findOne, "call-secret" as any))
      for (const error of [fromLayer, fromCall]) {
        for (const text of [error.message, String(error), JSON.stringify(error)]) {
          assert.notInclude(text, "layer-secret")
          assert.notInclude(text, "call-secret")
        }
      }
      const service = yield* IntercomClient.IntercomClient
      for (const text of [String(service), JSON.stringify(service)]) assert.notInclude(text, "layer-secret")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer({ token: "layer-secret" as any })))
  })

  it.effect("the layer's baseUrl: a URL that parses but would send elsewhere makes the layer die", () =>
    Effect.gen(function*() {
      for (const baseUrl of ["https://u:p@proxy.example.com", "ftp://x.example.com", "https://x.example.com/?a=1"]) {
        const m = mock()
        const exit = yield* Effect.exit(
          Operation.execute(findContact, { contact_id: "1" }).pipe(Effect.provide(m.layer({ baseUrl })))
        )
        assert(Exit.isFailure(exit) && Exit.isInterrupted(exit) === false)
        assert.include(String(exit.cause), "IntercomClient: the baseUrl option")
        assert.strictEqual(m.requests.length, 0)
      }
      // trailing slashes are dropped, and the path is kept
      const m = mock(() => json({ id: "1" }))
      yield* Operation.execute(findContact, { contact_id: "1" }).pipe(
        Effect.provide(m.layer({ baseUrl: "https://proxy.example.com/intercom//" }))
      )
      assert.strictEqual(m.requests[0].url.href, "https://proxy.example.com/intercom/contacts/1")
    }))
})

describe("withResponse", () => {
  it.effect("on an effect: status, headers, requestId and rateLimit", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      const { response, value } = yield* IntercomClient.withResponse(
        Operation.execute(listContacts, { per_page: PER_PAGE, starting_after: "1" })
      )
      assert.strictEqual(value.data?.[0].id, "c2")
      assert.strictEqual(response.status, 200)
      assert.strictEqual(response.requestId, "req-1")
      assert.deepStrictEqual(response.rateLimit, { limit: 1000, remaining: 998, reset: 1700000000 })
      assert.strictEqual(response.headers["x-request-id"], "req-1")
      // without those headers (or with only some of the rate-limit ones)
      const plain = yield* Operation.execute(findContact, { contact_id: "1" }).pipe(IntercomClient.withResponse)
      assert.strictEqual(plain.response.requestId, undefined)
      assert.strictEqual(plain.response.rateLimit, undefined)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("partial rate-limit headers give no rateLimit; an inner withResponse does not hide calls from an outer one", () => {
    const m = mock(() => json({ id: "1" }, { headers: { "x-ratelimit-remaining": "5", "x-request-id": "r9" } }))
    return Effect.gen(function*() {
      const outer = yield* IntercomClient.withResponse(
        IntercomClient.withResponse(Operation.execute(findContact, { contact_id: "1" }))
      )
      assert.strictEqual(outer.value.response.requestId, "r9")
      assert.strictEqual(outer.response.requestId, "r9")
      assert.strictEqual(outer.response.rateLimit, undefined)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("on a stream: each element with the response of the page that produced it", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      const lazy = yield* pullLazily(IntercomClient.withResponse(contacts()), m.requests)
      const expected = allIds.map((id, i) => [id, `req-${Math.floor(i / PER_PAGE)}`])
      assert.deepStrictEqual(lazy.map(({ response, value }) => [value.id, response.requestId]), expected)
      assert.deepStrictEqual(
        lazy.map(({ response }) => response.rateLimit?.remaining),
        allIds.map((_, i) => 999 - Math.floor(i / PER_PAGE))
      )
      // re-chunked into single elements downstream, and through toAsyncIterable
      const iterated = yield* viaAsyncIterable(
        contacts().pipe(IntercomClient.withResponse, Stream.rechunk(1)),
        m.layer()
      )
      assert.deepStrictEqual(iterated.map(({ response, value }) => [value.id, response.requestId]), expected)
      // the pages themselves
      const pages = yield* Stream.runCollect(
        IntercomClient.withResponse(Pagination.pages(listContacts, { per_page: PER_PAGE }))
      )
      assert.deepStrictEqual(
        Chunk.toReadonlyArray(pages).map(({ response, value }) => [value.data?.[0].id, response.requestId]),
        [["c0", "req-0"], ["c2", "req-1"], ["c4", "req-2"]]
      )
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("on a stream: an element emitted before any Intercom call dies", () => {
    const m = mock(listing())
    return Effect.gen(function*() {
      const exit = yield* Effect.exit(Stream.runCollect(IntercomClient.withResponse(Stream.make(1, 2))))
      assert(Exit.isFailure(exit))
      assert.include(String(exit.cause), "before any Intercom call")
      const empty = yield* Stream.runCollect(IntercomClient.withResponse(Stream.empty))
      assert.strictEqual(empty.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("multi-workspace", () => {
  it.effect("two streams with two tokens and two regions, merged: each request carries its own token and host", () => {
    const m = mock(listing())
    const workspace = (name: string, region: IntercomClient.Region) =>
      contacts().pipe(
        Stream.map((c) => `${name}:${c.id}`),
        IntercomClient.withToken(Redacted.make(`token-${name}`)),
        IntercomClient.withRegion(region)
      )
    return Effect.gen(function*() {
      const out = yield* Stream.runCollect(
        Stream.merge(workspace("a", "us"), workspace("b", "eu")).pipe(Stream.buffer({ capacity: 1 }))
      )
      assert.strictEqual(out.length, 2 * allIds.length)
      assert.strictEqual(m.requests.length, 2 * PAGES)
      const hostOf: Record<string, string> = {
        "Bearer token-a": "api.intercom.io",
        "Bearer token-b": "api.eu.intercom.io"
      }
      for (const r of m.requests) assert.strictEqual(r.url.host, hostOf[r.headers["authorization"]])
      assert.strictEqual(m.requests.filter((r) => r.url.host === "api.eu.intercom.io").length, PAGES)
      // the same through toAsyncIterable, interleaved pulls of one fiber per `next()`
      m.requests.length = 0
      const iterated = yield* viaAsyncIterable(
        Stream.interleave(workspace("a", "au"), workspace("b", "eu")),
        m.layer()
      )
      assert.strictEqual(iterated.length, 2 * allIds.length)
      for (const r of m.requests) {
        assert.strictEqual(
          r.url.host,
          r.headers["authorization"] === "Bearer token-a" ? "api.au.intercom.io" : "api.eu.intercom.io"
        )
      }
    }).pipe(Effect.provide(m.layer()))
  })
})

// -----------------------------------------------------------------------------
// types (checked by `pnpm typecheck`)
// -----------------------------------------------------------------------------

declare const effect: Effect.Effect<number, IntercomError.NotFoundError, IntercomClient.IntercomClient>
declare const stream: Stream.Stream<string, IntercomError.ScrollError, IntercomClient.IntercomClient>
type E = Effect.Effect<number, IntercomError.NotFoundError, IntercomClient.IntercomClient>
type S = Stream.Stream<string, IntercomError.ScrollError, IntercomClient.IntercomClient>

export const typeChecks = () => {
  const t = Redacted.make("t")
  const effects: ReadonlyArray<E> = [
    IntercomClient.withToken(effect, t),
    effect.pipe(IntercomClient.withToken(t)),
    IntercomClient.withVersion(effect, "2.16"),
    effect.pipe(IntercomClient.withVersion("Unstable"), IntercomClient.withVersion("3.0")),
    IntercomClient.withHeaders(effect, { a: "b" }),
    effect.pipe(IntercomClient.withHeaders({ a: "b" })),
    IntercomClient.withQueryParams(effect, { a: 1 }),
    effect.pipe(IntercomClient.withQueryParams({ a: true })),
    IntercomClient.withTimeout(effect, "1 second"),
    effect.pipe(IntercomClient.withTimeout(false)),
    IntercomClient.withIdleTimeout(effect, 1000),
    effect.pipe(IntercomClient.withIdleTimeout(false)),
    IntercomClient.withDecodePolicy(effect, "lenient"),
    effect.pipe(IntercomClient.withDecodePolicy("strict")),
    IntercomClient.withRegion(effect, "eu"),
    effect.pipe(IntercomClient.withRegion("au")),
    IntercomClient.withBaseUrl(effect, "https://x.example.com"),
    effect.pipe(IntercomClient.withBaseUrl("https://x.example.com")),
    Retry.withPolicy(effect, Retry.none),
    effect.pipe(Retry.withPolicy(Retry.policy()))
  ]
  const streams: ReadonlyArray<S> = [
    IntercomClient.withToken(stream, t),
    stream.pipe(IntercomClient.withToken(t)),
    IntercomClient.withVersion(stream, "2.16"),
    stream.pipe(IntercomClient.withVersion("2.1")),
    IntercomClient.withHeaders(stream, { a: "b" }),
    stream.pipe(IntercomClient.withHeaders({ a: "b" })),
    IntercomClient.withQueryParams(stream, { a: 1 }),
    stream.pipe(IntercomClient.withQueryParams({ a: true })),
    IntercomClient.withTimeout(stream, "1 second"),
    stream.pipe(IntercomClient.withTimeout(false)),
    IntercomClient.withIdleTimeout(stream, 1000),
    stream.pipe(IntercomClient.withIdleTimeout(false)),
    IntercomClient.withDecodePolicy(stream, "lenient"),
    stream.pipe(IntercomClient.withDecodePolicy("strict")),
    IntercomClient.withRegion(stream, "eu"),
    stream.pipe(IntercomClient.withRegion("au")),
    IntercomClient.withBaseUrl(stream, "https://x.example.com"),
    stream.pipe(IntercomClient.withBaseUrl("https://x.example.com")),
    Retry.withPolicy(stream, Retry.none),
    stream.pipe(Retry.withPolicy(Retry.policy()))
  ]
  const withResponse: [
    Effect.Effect<IntercomClient.WithResponse<number>, IntercomError.NotFoundError, IntercomClient.IntercomClient>,
    Effect.Effect<IntercomClient.WithResponse<number>, IntercomError.NotFoundError, IntercomClient.IntercomClient>,
    Stream.Stream<IntercomClient.WithResponse<string>, IntercomError.ScrollError, IntercomClient.IntercomClient>,
    Stream.Stream<IntercomClient.WithResponse<string>, IntercomError.ScrollError, IntercomClient.IntercomClient>
  ] = [
    IntercomClient.withResponse(effect),
    effect.pipe(IntercomClient.withToken(t), IntercomClient.withResponse),
    IntercomClient.withResponse(stream),
    stream.pipe(IntercomClient.withRegion("eu"), IntercomClient.withResponse)
  ]
  // generic helpers keep their type parameters
  const generic = <A, E, R>(self: Stream.Stream<A, E, R>): Stream.Stream<A, E, R> =>
    self.pipe(IntercomClient.withToken(t), IntercomClient.withVersion("2.15"))
  const genericEffect = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    IntercomClient.withTimeout(self, "1 second")
  const version: IntercomClient.ApiVersion = "2.16"
  // @ts-expect-error a token must be Redacted
  IntercomClient.withToken(effect, "plain")
  // @ts-expect-error not an effect or a stream
  IntercomClient.withRegion(42, "eu")
  // @ts-expect-error not a region
  IntercomClient.withRegion(stream, "mars")
  return [effects, streams, withResponse, generic, genericEffect, version]
}
