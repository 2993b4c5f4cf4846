/**
 * The fake's HTTP behaviour: Intercom-style errors (401, 404, 400, 422, with
 * a request id on each), rate-limit headers and windows (with the TestClock),
 * and fault injection.
 */
import { Intercom, IntercomClient } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { isErrorList, layer, raw, TOKEN } from "./_fake.js"

const rateHeaders = (headers: Headers) => ({
  limit: headers.get("x-ratelimit-limit"),
  remaining: headers.get("x-ratelimit-remaining"),
  reset: headers.get("x-ratelimit-reset")
})

/** GET /me through the fake's own in-process HttpClient (no Intercom client, no retries). */
const me = Effect.gen(function*() {
  const fake = yield* FakeIntercom.FakeIntercom
  return yield* fake.httpClient.execute(
    HttpClientRequest.get(`${FakeIntercom.baseUrl}/me`).pipe(HttpClientRequest.bearerToken(TOKEN))
  )
})

describe("FakeIntercom errors", () => {
  it.effect("401 without a token or with the wrong one, in Intercom's shape, with rate-limit headers", () =>
    Effect.gen(function*() {
      const missing = yield* raw("GET", "/me", { token: null })
      assert.strictEqual(missing.status, 401)
      assert.isTrue(isErrorList(missing.json, "unauthorized"))
      assert.strictEqual(missing.json.errors[0].message, "Access Token Invalid")
      assert.isNotNull(missing.headers.get("x-ratelimit-limit"))
      assert.strictEqual(missing.headers.get("x-request-id"), missing.json.request_id)

      const wrong = yield* Effect.flip(
        Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(
          IntercomClient.withToken(Redacted.make("not-the-token"))
        )
      )
      assert.strictEqual(wrong._tag, "UnauthorizedError")
      if (wrong._tag === "UnauthorizedError") {
        assert.isString(wrong.requestId)
        assert.strictEqual(wrong.errors[0].code, "unauthorized")
        assert.isDefined(wrong.rateLimit)
      }
    }).pipe(Effect.provide(layer())))

  it.effect("404 for unknown ids (typed where the spec documents it) and for unknown routes", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const company = yield* Effect.flip(intercom.companies.find({ company_id: "nope" }))
      assert.strictEqual(company._tag, "NotFoundError")
      if (company._tag === "NotFoundError") {
        assert.strictEqual(company.errors[0].code, "company_not_found")
        assert.isString(company.requestId)
      }
      const conversation = yield* Effect.flip(intercom.conversations.find({ conversation_id: "0" }))
      assert.strictEqual(conversation._tag, "NotFoundError")
      const route = yield* raw("GET", "/no/such/route")
      assert.strictEqual(route.status, 404)
      assert.isTrue(isErrorList(route.json, "not_found"))
      assert.include(route.json.errors[0].message, "no route for GET /no/such/route")
    }).pipe(Effect.provide(layer())))

  it.effect("400 for a body that is not JSON; 422 for a body that fails the input schema", () =>
    Effect.gen(function*() {
      const notJson = yield* raw("POST", "/contacts", { body: "{not json" })
      assert.strictEqual(notJson.status, 400)
      assert.isTrue(isErrorList(notJson.json, "bad_request"))

      const contact = (yield* raw("GET", "/contacts?per_page=1")).json.data[0]
      const wrongType = yield* raw("PUT", `/contacts/${contact.id}`, { body: { name: 42 } })
      assert.strictEqual(wrongType.status, 422)
      assert.isTrue(isErrorList(wrongType.json, "parameter_invalid"))
      assert.strictEqual(wrongType.json.errors[0].field, "name")

      const missing = yield* raw("POST", `/contacts/${contact.id}/notes`, { body: {} })
      assert.strictEqual(missing.status, 422)
      assert.isTrue(isErrorList(missing.json, "parameter_not_found"))
      assert.strictEqual(missing.json.errors[0].field, "body")

      // a body that fails the input schema is a 422 wherever the operation takes a body
      const tag = yield* raw("POST", "/tags", { body: {} })
      assert.strictEqual(tag.status, 422)
      assert.isTrue(isErrorList(tag.json))
      // the spec's own example of a bad companies.createOrUpdate body
      const company = yield* raw("POST", "/companies", { body: { test: "invalid" } })
      assert.strictEqual(company.status, 400)
      assert.strictEqual(company.json.errors[0].message, "bad 'test' parameter")
    }).pipe(Effect.provide(layer())))

  it.effect("every request gets its own request id", () =>
    Effect.gen(function*() {
      const ids = new Set<string>()
      for (let i = 0; i < 5; i++) ids.add((yield* raw("GET", "/contacts/nope")).json.request_id)
      assert.strictEqual(ids.size, 5)
    }).pipe(Effect.provide(layer())))
})

describe("FakeIntercom rate limit", () => {
  it.effect("X-RateLimit-* on every response, readable through the client", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const { response } = yield* IntercomClient.withResponse(intercom.admins.identify())
      assert.strictEqual(response.headers["x-ratelimit-limit"], "1666")
      assert.strictEqual(response.headers["x-ratelimit-remaining"], "1665")
      assert.strictEqual(response.headers["x-ratelimit-reset"], "10")
      const notFound = yield* raw("GET", "/tags/0")
      assert.deepStrictEqual(rateHeaders(notFound.headers), { limit: "1666", remaining: "1664", reset: "10" })
    }).pipe(Effect.provide(layer())))

  it.effect("a spent window answers 429 in Intercom's shape until X-RateLimit-Reset (TestClock)", () =>
    Effect.gen(function*() {
      const remaining: Array<string | null> = []
      for (let i = 0; i < 3; i++) remaining.push((yield* raw("GET", "/me")).headers.get("x-ratelimit-remaining"))
      assert.deepStrictEqual(remaining, ["2", "1", "0"])
      const limited = yield* raw("GET", "/me")
      assert.strictEqual(limited.status, 429)
      assert.isTrue(isErrorList(limited.json, "rate_limit_exceeded"))
      assert.deepStrictEqual(rateHeaders(limited.headers), { limit: "3", remaining: "0", reset: "10" })

      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.admins.identify())
      assert.strictEqual(error._tag, "RateLimitError")
      if (error._tag === "RateLimitError") {
        assert.deepStrictEqual(error.rateLimit, { limit: 3, remaining: 0, reset: 10 })
      }

      yield* TestClock.adjust("9999 millis")
      assert.strictEqual((yield* raw("GET", "/me")).status, 429)
      yield* TestClock.adjust("1 millis")
      const next = yield* raw("GET", "/me")
      assert.strictEqual(next.status, 200)
      assert.deepStrictEqual(rateHeaders(next.headers), { limit: "3", remaining: "2", reset: "20" })
    }).pipe(Effect.provide(layer({ rateLimit: { limit: 3, windowMillis: 10_000 } }))))

  it.effect("setRateLimit changes the limit at run time, false removes it", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.setRateLimit({ limit: 1, windowMillis: 1000 })
      assert.strictEqual((yield* raw("GET", "/me")).status, 200)
      assert.strictEqual((yield* raw("GET", "/me")).status, 429)
      yield* fake.setRateLimit(false)
      const free = yield* raw("GET", "/me")
      assert.strictEqual(free.status, 200)
      assert.isNull(free.headers.get("x-ratelimit-limit"))
    }).pipe(Effect.provide(layer())))
})

describe("FakeIntercom faults", () => {
  it.live("latency delays every answer", () =>
    Effect.gen(function*() {
      const start = Date.now()
      yield* me
      yield* me
      assert.isAtLeast(Date.now() - start, 2 * 40)
    }).pipe(Effect.provide(layer({ faults: { latency: "40 millis" } }))))

  it.effect("an error rate answers 5xx in Intercom's shape, the same ones for the same seed", () =>
    Effect.gen(function*() {
      const statuses = (seed: number) =>
        Effect.gen(function*() {
          const out: Array<number> = []
          for (let i = 0; i < 20; i++) out.push((yield* raw("GET", "/me")).status)
          return out
        }).pipe(Effect.provide(layer({ faults: { errorRate: 0.5, seed } })))
      const a = yield* statuses(1)
      const b = yield* statuses(1)
      assert.deepStrictEqual(a, b)
      assert.isTrue(a.some((s) => s === 200))
      assert.isTrue(a.some((s) => s >= 500))
      assert.isTrue(a.every((s) => s === 200 || [500, 502, 503].includes(s)))
      const failed = yield* raw("GET", "/me").pipe(Effect.provide(layer({ faults: { errorRate: 1 } })))
      assert.isTrue(isErrorList(failed.json, "server_error"))
    }))

  it.effect("a dropped connection is a transport error of the in-process client", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(me)
      assert.strictEqual(error._tag, "RequestError")
      if (error._tag === "RequestError") assert.strictEqual(error.reason, "Transport")
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.setFaults(undefined)
      assert.strictEqual((yield* me).status, 200)
    }).pipe(Effect.provide(layer({ faults: { dropRate: 1 } }))))

  it.effect("failNext scripts the next answers, then the fake recovers", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(2, 503)
      yield* fake.failNext(1, "drop")
      assert.strictEqual((yield* me).status, 503)
      assert.strictEqual((yield* me).status, 503)
      assert.isTrue(Either.isLeft(yield* Effect.either(me)))
      assert.strictEqual((yield* me).status, 200)
      const intercom = yield* Intercom.Intercom
      yield* fake.failNext(1, 500)
      const error = yield* Effect.flip(intercom.admins.identify())
      assert.strictEqual(error._tag, "ServerError")
    }).pipe(Effect.provide(layer())))

  it.effect("layerHttpClient provides the fake's HttpClient for any program", () =>
    Effect.gen(function*() {
      const client = yield* HttpClient.HttpClient
      const response = yield* client.execute(
        HttpClientRequest.get("http://anything.example/teams").pipe(HttpClientRequest.bearerToken("any"))
      )
      const json = (yield* response.json) as { teams: Array<unknown> }
      assert.strictEqual(json.teams.length, 3)
    }).pipe(Effect.provide(Layer.fresh(FakeIntercom.layerHttpClient({ seed: FakeIntercom.smallSeed })))))
})
