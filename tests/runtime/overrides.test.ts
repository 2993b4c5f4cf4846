import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Operation from "@effect-intercom/client/Operation"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { findContact, json, listContacts, mock, TOKEN, token, unstableListMacros } from "./_mock.js"

describe("per-call overrides", () => {
  it.effect("withToken, data-first and pipeable, innermost wins, scoped to the effect", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      const find = Operation.execute(findContact, { contact_id: "1" })
      yield* IntercomClient.withToken(find, Redacted.make("workspace-a"))
      yield* find.pipe(
        IntercomClient.withToken(Redacted.make("workspace-b")),
        IntercomClient.withToken(Redacted.make("outer"))
      )
      yield* find
      assert.deepStrictEqual(m.requests.map((r) => r.headers["authorization"]), [
        "Bearer workspace-a",
        "Bearer workspace-b",
        `Bearer ${TOKEN}`
      ])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("withVersion changes stable operations only", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" }).pipe(IntercomClient.withVersion("2.13"))
      yield* Operation.execute(unstableListMacros, {}).pipe(IntercomClient.withVersion("2.13"))
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.deepStrictEqual(m.requests.map((r) => r.headers["intercom-version"]), ["2.13", "Unstable", "2.14"])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("withHeaders merges case-insensitively, last wins, and may replace the client's", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" }).pipe(
        IntercomClient.withHeaders({ "X-Inner": "inner", "X-Shared": "inner", Accept: "application/vnd+json" }),
        IntercomClient.withHeaders({ "x-outer": "outer", "x-shared": "outer" })
      )
      const h = m.requests[0].headers
      assert.strictEqual(h["x-inner"], "inner")
      assert.strictEqual(h["x-outer"], "outer")
      assert.strictEqual(h["x-shared"], "inner")
      assert.strictEqual(h["accept"], "application/vnd+json")
      assert.strictEqual(h["authorization"], `Bearer ${TOKEN}`)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("withQueryParams adds parameters and replaces the input's", () => {
    const m = mock(() => json({}))
    return Effect.gen(function*() {
      yield* IntercomClient.withQueryParams(
        Operation.execute(listContacts, { per_page: 10, starting_after: "x" }),
        { per_page: 99, debug: true }
      )
      assert.strictEqual(m.requests[0].url.search, "?starting_after=x&per_page=99&debug=true")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("withTimeout fails with a TimeoutError (TestClock)", () => {
    let aborted: AbortSignal | undefined
    const never = Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((_request, _url, signal) => {
        aborted = signal
        return Effect.never
      })
    )
    return Effect.gen(function*() {
      const fiber = yield* Operation.execute(findContact, { contact_id: "1" }).pipe(
        IntercomClient.withTimeout("2 seconds"),
        Effect.fork
      )
      yield* TestClock.adjust("1999 millis")
      assert.isNull(fiber.unsafePoll())
      yield* TestClock.adjust("1 millis")
      const exit = yield* Fiber.await(fiber)
      assert(Exit.isFailure(exit))
      const error = yield* Effect.flip(exit)
      assert(error._tag === "TimeoutError")
      assert.strictEqual(error.durationMs, 2000)
      assert.strictEqual(error.operation, "contacts.find")
      assert.strictEqual(error.message, "contacts.find (GET /contacts/{contact_id}) timed out after 2000ms")
      assert.isTrue(aborted?.aborted, "the request is aborted")
    }).pipe(Effect.provide(IntercomClient.layer({ token, retry: false }).pipe(Layer.provide(never))))
  })

  it.effect("the layer's timeout applies, and withTimeout replaces it", () => {
    const slow = Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.as(
          Effect.sleep("5 seconds"),
          HttpClientResponse.fromWeb(request, json({ id: "1" }))
        )
      )
    )
    return Effect.gen(function*() {
      const first = yield* Effect.fork(Operation.execute(findContact, { contact_id: "1" }))
      const second = yield* Effect.fork(
        Operation.execute(findContact, { contact_id: "1" }).pipe(IntercomClient.withTimeout("10 seconds"))
      )
      yield* TestClock.adjust("5 seconds")
      const e1 = yield* Effect.flip(Fiber.join(first))
      assert(e1._tag === "TimeoutError")
      assert.strictEqual(e1.durationMs, 1000)
      const contact = yield* Fiber.join(second)
      assert.strictEqual(contact.id, "1")
    }).pipe(
      Effect.provide(IntercomClient.layer({ token, timeout: "1 second", retry: false }).pipe(Layer.provide(slow)))
    )
  })
})

describe("withResponse", () => {
  it.effect("returns the status and headers beside the value", () => {
    const m = mock(() =>
      json({ id: "1" }, { status: 200, headers: { "X-RateLimit-Remaining": "41", "X-Request-Id": "r1" } })
    )
    return Effect.gen(function*() {
      const { response, value } = yield* IntercomClient.withResponse(
        Operation.execute(findContact, { contact_id: "1" })
      )
      assert.deepStrictEqual(value, { id: "1" })
      assert.strictEqual(response.status, 200)
      assert.strictEqual(response.headers["x-ratelimit-remaining"], "41")
      assert.strictEqual(response.headers["x-request-id"], "r1")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("composes with the other overrides, and dies without an Intercom call", () => {
    const m = mock(() => new Response("{}", { status: 201 }))
    return Effect.gen(function*() {
      const { response } = yield* Operation.execute(listContacts, {}).pipe(
        IntercomClient.withToken(Redacted.make("other")),
        IntercomClient.withResponse
      )
      assert.strictEqual(response.status, 201)
      assert.strictEqual(m.requests[0].headers["authorization"], "Bearer other")
      const exit = yield* Effect.exit(IntercomClient.withResponse(Effect.succeed(1)))
      assert.isTrue(Exit.isFailure(exit) && exit.cause._tag === "Die")
    }).pipe(Effect.provide(m.layer()))
  })
})
