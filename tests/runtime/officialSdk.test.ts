/**
 * intercom-client's own calls, unchanged, against ours: every usage example
 * of its `reference.md` (one per method, 310) and the calls of its README,
 * run through intercom-client 7.0.3 (with a recording `fetch`) and through
 * this client's `Intercom` service (with a recording mock `HttpClient`),
 * with the same argument object. Both must send the same request: method,
 * path, query and JSON body.
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { IntercomClient as OfficialClient } from "intercom-client"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import * as MockHttp from "../support/MockHttp.js"

interface Wire {
  readonly method: string
  readonly path: string
  readonly query: ReadonlyArray<readonly [string, string]>
  readonly body: unknown
}

const BASE = "http://intercom.test"
const ANSWER = "{\"type\":\"list\",\"id\":\"1\",\"data\":[],\"pages\":{}}"

const wireOf = (method: string, url: URL, body: string | undefined): Wire => ({
  method: method.toUpperCase(),
  path: url.pathname,
  query: [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b)),
  body: body === undefined || body === "" ? undefined : JSON.parse(body)
})

const referencePath = path.join(
  path.dirname(createRequire(import.meta.url).resolve("intercom-client/package.json")),
  "reference.md"
)

/** The call of a usage block: `await client.<path>(<argument>)`, the argument's parentheses balanced. */
const callOf = (code: string): { readonly method: string; readonly argument: string } => {
  const match = /await client\.([\w.]+)\(/.exec(code)
  if (match === null) throw new Error(`no call in usage block: ${code}`)
  const start = match.index + match[0].length
  let depth = 1
  let quote: string | undefined
  for (let i = start; i < code.length; i++) {
    const c = code[i]
    if (quote !== undefined) {
      if (c === "\\") i++
      else if (c === quote) quote = undefined
    } else if (c === "\"" || c === "'" || c === "`") quote = c
    else if (c === "(") depth++
    else if (c === ")" && --depth === 0) return { method: match[1], argument: code.slice(start, i).trim() }
  }
  throw new Error(`unbalanced usage block: ${code}`)
}

/** The usage blocks of reference.md, one per method. */
const usages = [...fs.readFileSync(referencePath, "utf8").matchAll(/```typescript\n([\s\S]*?)```/g)]
  .map((m) => m[1].trim())
  .filter((code) => code.includes("await client."))
  .map((code) => ({ ...callOf(code), code }))

/** The argument, as intercom-client's users write it (an object literal, or nothing). */
const argumentOf = (source: string): unknown => source === "" ? undefined : new Function(`return (${source})`)()

const officialWire = async (method: string, argument: unknown): Promise<Wire | string> => {
  const sent: Array<Wire> = []
  const client = new OfficialClient({
    token: "tok",
    baseUrl: BASE,
    maxRetries: 0,
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      sent.push(wireOf(request.method, new URL(request.url), await request.text()))
      return new Response(ANSWER, { status: 200, headers: { "content-type": "application/json" } })
    }
  })
  const fn = method.split(".").reduce((o: any, k) => o[k], client) as (a?: unknown) => Promise<unknown>
  const owner = method.split(".").slice(0, -1).reduce((o: any, k) => o[k], client)
  try {
    await (argument === undefined ? fn.call(owner) : fn.call(owner, argument))
  } catch {
    // the answer may not be what this method expects: only the request matters
  }
  return sent[0] ?? "intercom-client sent nothing"
}

const http = MockHttp.make(() => new Response(ANSWER, { status: 200, headers: { "content-type": "application/json" } }))
const layer = Intercom.layer({ token: Redacted.make("tok"), baseUrl: BASE, retry: false }).pipe(
  Layer.provide(http.layer)
)

const ourWire = (method: string, argument: unknown): Effect.Effect<Wire | string, never, Intercom.Intercom> =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const fn = method.split(".").reduce((o: any, k) => o?.[k], intercom) as
      | ((a: unknown) => Effect.Effect<unknown, unknown>)
      | undefined
    if (fn === undefined) return `no method ${method}`
    const before = http.requests.length
    // only the request matters (a binary download's stream is not read)
    const result = yield* Effect.either(fn(argument))
    const request = http.requests[before]
    if (request === undefined) {
      return `nothing sent: ${result._tag === "Left" ? String((result.left as Error).message) : "no request"}`
    }
    return wireOf(request.method, request.url, request.body)
  })

/**
 * Where the two differ, on purpose. Placeholder examples that leave out a
 * field the spec requires (intercom-client types those bodies as `unknown`
 * and sends them): rejected here before anything is sent, with the path.
 */
const REJECTED: Record<string, string> = {
  "dataAttributes.create": "$.name",
  "unstable.articles.createArticle": "$.title",
  "unstable.dataAttributes.createDataAttribute": "$.data_type",
  "unstable.dataEvents.createDataEvent": "$.event_name",
  "unstable.switch.createPhoneSwitch": "$.phone",
  "unstable.ticketTypes.createTicketType": "$.name"
}

/**
 * `GET /events`' `filter` is a `form` / `explode` object parameter in the
 * spec, so its keys are query parameters of their own (`user_id=...`, as
 * Intercom documents the endpoint and as `events.list` of both SDKs sends
 * it); intercom-client's Preview method sends it as one JSON-encoded
 * `filter=` parameter instead.
 */
const EXPLODED_FILTER = "unstable.dataEvents.lisDataEvents"

describe("intercom-client's reference calls, unchanged", () => {
  it("reads one usage per method", () => {
    assert.strictEqual(usages.length, 310)
  })

  for (const usage of usages) {
    it.effect(`client.${usage.method}(...) sends the same request`, () =>
      Effect.gen(function*() {
        const argument = argumentOf(usage.argument)
        const theirs = yield* Effect.promise(() => officialWire(usage.method, structuredClone(argument)))
        const ours = yield* ourWire(usage.method, structuredClone(argument))
        assert.isObject(theirs, `intercom-client sent a request for ${usage.method}`)
        const rejected = REJECTED[usage.method]
        if (rejected !== undefined) {
          assert.strictEqual(ours, `nothing sent: ${usage.method}: invalid input at ${rejected}: is missing`)
        } else if (usage.method === EXPLODED_FILTER) {
          const { query, ...rest } = theirs as Wire
          assert.deepStrictEqual(ours, { ...rest, query: [["type", "type"], ["user_id", "user_id"]] })
          assert.deepStrictEqual(query, [["filter", "{\"user_id\":\"user_id\"}"], ["type", "type"]])
        } else {
          assert.deepStrictEqual(ours, theirs, usage.code)
        }
      }).pipe(Effect.provide(layer)))
  }
})

describe("intercom-client's README calls, unchanged", () => {
  it.effect("createContentImportSource({ url }) fills in sync_behavior, as intercom-client does", () =>
    Effect.gen(function*() {
      const argument = { url: "https://www.example.com" }
      const theirs = yield* Effect.promise(() => officialWire("aiContent.createContentImportSource", argument))
      const ours = yield* ourWire("aiContent.createContentImportSource", argument)
      assert.deepStrictEqual(ours, theirs)
      assert.deepStrictEqual((ours as Wire).body, { url: "https://www.example.com", sync_behavior: "api" })
    }).pipe(Effect.provide(layer)))

  it.effect("articles.list(), iterated: the same first page request", () =>
    Effect.gen(function*() {
      const theirs = yield* Effect.promise(() => officialWire("articles.list", undefined))
      const intercom = yield* Intercom.Intercom
      const before = http.requests.length
      yield* Effect.either(Stream.runDrain(intercom.articles.listStream()))
      const request = http.requests[before]
      assert.deepStrictEqual(wireOf(request.method, request.url, request.body), theirs)
    }).pipe(Effect.provide(layer)))
})
