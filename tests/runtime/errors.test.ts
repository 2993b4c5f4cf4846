import * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { inspect } from "node:util"
import { errorList, findContact, json, listContacts, mock, TOKEN, updateContact } from "./_mock.js"

const assertNoToken = (error: unknown) => {
  const e = error as Error
  for (const text of [String(e), JSON.stringify(e), e.message, inspect(e, { depth: 10 }), e.stack ?? ""]) {
    assert.notInclude(text, TOKEN)
  }
}

describe("HTTP status errors", () => {
  const cases = [
    [400, "BadRequestError"],
    [401, "UnauthorizedError"],
    [403, "ForbiddenError"],
    [404, "NotFoundError"],
    [409, "ConflictError"],
    [422, "UnprocessableEntityError"],
    [429, "RateLimitError"],
    [500, "ServerError"],
    [503, "ServerError"]
  ] as const
  for (const [status, tag] of cases) {
    it.effect(`${status} -> ${tag}`, () => {
      const m = mock(() =>
        errorList(status, [{ code: "some_code", message: "Something happened", field: "email" }], {
          "x-request-id": "header-id"
        })
      )
      return Effect.gen(function*() {
        const error = yield* Effect.flip(Operation.execute(updateContact, { contact_id: "1", email: "x" }))
        assert.strictEqual(error._tag, tag)
        assert.isTrue(IntercomError.isIntercomError(error))
        const e = error as IntercomError.HttpStatusError
        assert.strictEqual(e.status, status)
        assert.strictEqual(e.requestId, "req-123") // the body wins over the header
        assert.deepStrictEqual(e.errors, [{ code: "some_code", message: "Something happened", field: "email" }])
        assert.strictEqual(e.operation, "contacts.update")
        assert.strictEqual(e.method, "PUT")
        assert.strictEqual(e.path, "/contacts/{contact_id}")
        assert.include(e.message, `contacts.update (PUT /contacts/{contact_id}) failed with ${status}`)
        assert.include(e.message, "Something happened (some_code, field: email) [request_id: req-123]")
        assertNoToken(e)
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("the message reads well", () => {
    const m = mock(() => errorList(404, [{ code: "not_found", message: "Contact Not Found" }]))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "abc" }))
      assert.strictEqual(error._tag, "NotFoundError")
      assert.strictEqual(
        error.message,
        "contacts.find (GET /contacts/{contact_id}) failed with 404 Not Found: Contact Not Found (not_found) [request_id: req-123]"
      )
      assert.strictEqual(String(error), `NotFoundError: ${error.message}`)
      // catchTag narrows to the documented errors
      const recovered = yield* Operation.execute(findContact, { contact_id: "abc" }).pipe(
        Effect.catchTag("NotFoundError", (e) => Effect.succeed(e.status))
      )
      assert.strictEqual(recovered, 404)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("429 carries the rate-limit headers and Retry-After", () => {
    const m = mock(() =>
      errorList(429, [{ code: "rate_limit_exceeded", message: "Exceeded rate limit" }], {
        "X-RateLimit-Limit": "10000",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": "1700000010",
        "Retry-After": "7"
      })
    )
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "RateLimitError")
      assert.deepStrictEqual(error.rateLimit, { limit: 10000, remaining: 0, reset: 1700000010 })
      assert.strictEqual(error.retryAfter, 7)
      assert.include(error.message, "retry after 7s")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("502 with an HTML body: ServerError, no errors, body kept", () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${"x".repeat(10_000)}</body></html>`
    const m = mock(() => new Response(html, { status: 502, headers: { "content-type": "text/html" } }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "ServerError")
      assert.strictEqual(error.status, 502)
      assert.deepStrictEqual(error.errors, [])
      assert.isUndefined(error.requestId)
      assert.isTrue(error.body.startsWith("<html><head><title>502 Bad Gateway"))
      assert.isBelow(error.body.length, 4200) // truncated to 4 KB
      assert.strictEqual(error.message, "contacts.find (GET /contacts/{contact_id}) failed with 502 Bad Gateway")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("418 is an UnexpectedStatusError", () => {
    const m = mock(() => new Response("I'm a teapot", { status: 418 }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "UnexpectedStatusError")
      assert.strictEqual(error.status, 418)
      assert.strictEqual(error.body, "I'm a teapot")
      assert.include(error.message, "failed with 418 I'm a Teapot: I'm a teapot")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a 404 the operation does not document is an UnexpectedStatusError", () => {
    const m = mock(() => errorList(404, [{ code: "not_found", message: "Nope" }]))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(listContacts, {})) // documents only 401
      assert(error._tag === "UnexpectedStatusError")
      assert.strictEqual(error.status, 404)
      assert.deepStrictEqual(error.errors, [{ code: "not_found", message: "Nope" }])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a 404 with a plain-text body", () => {
    const m = mock(() => new Response("Not Found", { status: 404, headers: { "x-request-id": "hdr-9" } }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "NotFoundError")
      assert.deepStrictEqual(error.errors, [])
      assert.strictEqual(error.body, "Not Found")
      assert.strictEqual(error.requestId, "hdr-9")
      assert.strictEqual(
        error.message,
        "contacts.find (GET /contacts/{contact_id}) failed with 404 Not Found: Not Found [request_id: hdr-9]"
      )
    }).pipe(Effect.provide(m.layer()))
  })

  it("fromResponse maps documented and always-possible statuses", () => {
    const base = { body: "", headers: {}, operation: "x.y", method: "GET", path: "/x" }
    const tag = (status: number, documented: ReadonlyArray<number>) =>
      IntercomError.fromResponse({ ...base, status, documented })._tag
    assert.strictEqual(tag(401, []), "UnauthorizedError")
    assert.strictEqual(tag(403, []), "ForbiddenError")
    assert.strictEqual(tag(429, []), "RateLimitError")
    assert.strictEqual(tag(599, []), "ServerError")
    assert.strictEqual(tag(400, []), "UnexpectedStatusError")
    assert.strictEqual(tag(400, [400]), "BadRequestError")
    assert.strictEqual(tag(406, [406]), "UnexpectedStatusError")
    assert.strictEqual(tag(302, []), "UnexpectedStatusError")
  })
})

describe("ResponseDecodeError", () => {
  it.effect("names the JSON path of the first issue and keeps the raw body", () => {
    const body = JSON.stringify({
      type: "list",
      data: [{ id: "0" }, { id: "1" }, { id: "2" }, { id: "3", email: 42 }]
    })
    const m = mock(() => json(body))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(listContacts, {}))
      assert(error._tag === "ResponseDecodeError")
      assert.strictEqual(error.jsonPath, "$.data[3].email")
      assert.strictEqual(error.body, body)
      assert.strictEqual(error.status, 200)
      assert.strictEqual(error.operation, "contacts.list")
      assert.include(
        error.message,
        "contacts.list (GET /contacts) returned a 200 body that could not be decoded at $.data[3].email"
      )
      assertNoToken(error)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("invalid JSON fails at $", () => {
    const m = mock(() => json("{\"id\": "))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "ResponseDecodeError")
      assert.strictEqual(error.jsonPath, "$")
      assert.strictEqual(error.body, "{\"id\": ")
      assert.include(error.issue, "invalid JSON")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("an empty body says so, and is never decoded as {}", () => {
    const m = mock(() => new Response("", { status: 200 }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "ResponseDecodeError")
      assert.strictEqual(error.jsonPath, "$")
      assert.include(error.issue, "empty body")
      assert.strictEqual(error.body, "")
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("InvalidInputError", () => {
  it.effect("a missing required field fails before anything is sent", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, {} as any))
      assert(error._tag === "InvalidInputError")
      assert.strictEqual(error.operation, "contacts.find")
      assert.strictEqual(error.jsonPath, "$.contact_id")
      assert.strictEqual(error.issue, "is missing")
      assert.strictEqual(error.message, "contacts.find: invalid input at $.contact_id: is missing")
      assert.strictEqual(m.requests.length, 0)
      assertNoToken(error)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a wrong type from untyped JS fails before anything is sent", () => {
    const m = mock()
    return Effect.gen(function*() {
      const input: any = { contact_id: "1", custom_attributes: { a: 1 }, email: 12 }
      const error = yield* Effect.flip(Operation.execute(updateContact, input))
      assert(error._tag === "InvalidInputError")
      assert.strictEqual(error.jsonPath, "$.email")
      assert.include(error.issue, "Expected string")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a null path parameter and a non-object input", () => {
    const m = mock()
    return Effect.gen(function*() {
      const e1 = yield* Effect.flip(Operation.execute(findContact, { contact_id: null } as any))
      assert(e1._tag === "InvalidInputError")
      assert.strictEqual(e1.jsonPath, "$.contact_id")
      const e2 = yield* Effect.flip(Operation.execute(findContact, "nope" as any))
      assert(e2._tag === "InvalidInputError")
      assert.strictEqual(e2.jsonPath, "$")
      const e3 = yield* Effect.flip(Operation.execute(findContact, { contact_id: "\uD800" }))
      assert(e3._tag === "InvalidInputError")
      assert.strictEqual(e3.jsonPath, "$.contact_id")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a schema with its own path in a nested field", () => {
    const op = Operation.make<{ readonly query: { readonly items: ReadonlyArray<{ readonly n: number }> } }, unknown>({
      name: "things.search",
      operationId: undefined,
      api: "stable",
      method: "POST",
      path: "/things/search",
      pathParams: [],
      queryParams: [],
      body: "fields",
      input: Schema.Struct({ query: Schema.Struct({ items: Schema.Array(Schema.Struct({ n: Schema.Number })) }) }),
      success: undefined,
      response: "json",
      errors: [],
      pagination: undefined,
      idempotent: false
    })
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(op, { query: { items: [{ n: 1 }, { n: "2" }] } } as any))
      assert(error._tag === "InvalidInputError")
      assert.strictEqual(error.jsonPath, "$.query.items[1].n")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("transport errors", () => {
  it.effect("stay HttpClientErrors, without the token in their output", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert.strictEqual(error._tag, "RequestError")
      assertNoToken(error)
    }).pipe(Effect.provide(m.layer({ baseUrl: "not a url" })))
  })

  it.effect("a body that fails to read becomes a ResponseError without the token", () => {
    const m = mock(() =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new Error("connection reset"))
          }
        }),
        { status: 200 }
      )
    )
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert.strictEqual(error._tag, "ResponseError")
      assertNoToken(error)
      assert.strictEqual((error as any).response.status, 200)
    }).pipe(Effect.provide(m.layer()))
  })
})
