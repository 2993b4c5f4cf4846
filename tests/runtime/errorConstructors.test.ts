/**
 * The constructors of `IntercomError` for tests and mocks: each builds the
 * error the client gives for the same HTTP answer (same class, tag, fields and
 * message), compared with what the client makes of that answer through a mock
 * `HttpClient`; and each works as the failure of an `IntercomMock.layerTest`
 * method, caught with `Effect.catchTag`.
 */
import { Intercom } from "@effect-intercom/client"
import * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import * as Pagination from "@effect-intercom/client/Pagination"
import * as Admins from "@effect-intercom/client/stable/Admins"
import * as Companies from "@effect-intercom/client/stable/Companies"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { errorList, json, mock } from "./_mock.js"

/** Same class, tag, own fields and message; a `cause` that is an error is compared the same way. */
const assertSame = (made: unknown, got: unknown): void => {
  assert.instanceOf(made, Error)
  assert.instanceOf(got, Error)
  const a = made as Error & Record<string, unknown>
  const b = got as Error & Record<string, unknown>
  assert.strictEqual(a.constructor, b.constructor)
  assert.strictEqual(a._tag, b._tag)
  assert.strictEqual(a.message, b.message)
  const { cause: causeA, ...fieldsA } = { ...a }
  const { cause: causeB, ...fieldsB } = { ...b }
  assert.deepStrictEqual(fieldsA, fieldsB)
  if (causeA instanceof Error || causeB instanceof Error) assertSame(causeA, causeB)
  else assert.deepStrictEqual(causeA, causeB)
  assert.isTrue(IntercomError.isIntercomError(a))
}

/** What the client makes of one answer to one call (no retries). */
const clientError = <I, A, E>(
  operation: Operation.Operation<I, A, E>,
  input: I,
  answer: () => Response
) => {
  const m = mock(() => answer())
  return Effect.flip(Operation.execute(operation, input)).pipe(Effect.provide(m.layer({ rateLimiter: false })))
}

const find = { contact_id: "6329bd9ffe4e2e91dac76188" }

describe("IntercomError constructors: the client's error for the same answer", () => {
  it.effect("notFound: Intercom's 404", () =>
    Effect.gen(function*() {
      const got = yield* clientError(
        Contacts.findOperation,
        find,
        () => errorList(404, [{ code: "not_found", message: "Resource Not Found" }])
      )
      const made = IntercomError.notFound({ operation: Contacts.findOperation, requestId: "req-123" })
      assertSame(made, got)
      assert.strictEqual(
        made.message,
        "contacts.find (GET /contacts/{contact_id}) failed with 404 Not Found: Resource Not Found (not_found) [request_id: req-123]"
      )
      // the name and the method and path, given apart, are the same error
      assertSame(
        IntercomError.notFound({
          operation: "contacts.find",
          method: "GET",
          path: "/contacts/{contact_id}",
          requestId: "req-123"
        }),
        got
      )
    }))

  it.effect("notFound without a request id: the body has none either", () =>
    Effect.gen(function*() {
      const errors = [{ code: "not_found", message: "User Not Found" }]
      const got = yield* clientError(
        Contacts.findOperation,
        find,
        () => json({ type: "error.list", errors }, { status: 404 })
      )
      assertSame(IntercomError.notFound({ operation: Contacts.findOperation, errors }), got)
      assert.isUndefined((got as IntercomError.HttpStatusError).requestId)
    }))

  it.effect("badRequest, with the errors given", () =>
    Effect.gen(function*() {
      const errors = [{ code: "parameter_invalid", message: "Body is required", field: "email" }]
      const got = yield* clientError(Contacts.updateOperation, { contact_id: "1" }, () => errorList(400, errors))
      assertSame(IntercomError.badRequest({ operation: Contacts.updateOperation, requestId: "req-123", errors }), got)
      const defaults = yield* clientError(
        Contacts.updateOperation,
        { contact_id: "1" },
        () => errorList(400, [{ code: "bad_request", message: "Bad Request" }])
      )
      assertSame(IntercomError.badRequest({ operation: Contacts.updateOperation, requestId: "req-123" }), defaults)
    }))

  it.effect("unauthorized: Access Token Invalid", () =>
    Effect.gen(function*() {
      const got = yield* clientError(
        Admins.identifyOperation,
        {},
        () => errorList(401, [{ code: "unauthorized", message: "Access Token Invalid" }])
      )
      const made = IntercomError.unauthorized({ operation: Admins.identifyOperation, requestId: "req-123" })
      assertSame(made, got)
      assert.strictEqual(
        made.message,
        "admins.identify (GET /me) failed with 401 Unauthorized: Access Token Invalid (unauthorized) [request_id: req-123]"
      )
    }))

  it.effect("forbidden: the spec's api_plan_restricted", () =>
    Effect.gen(function*() {
      const got = yield* clientError(
        Contacts.findOperation,
        find,
        () => errorList(403, [{ code: "api_plan_restricted", message: "Active subscription needed." }])
      )
      assertSame(IntercomError.forbidden({ operation: Contacts.findOperation, requestId: "req-123" }), got)
    }))

  it.effect("conflict: existingId, named in the message as Intercom does", () =>
    Effect.gen(function*() {
      const id = "6329bd9ffe4e2e91dac76188"
      const got = yield* clientError(
        Contacts.createOperation,
        { email: "ada@example.com" },
        () =>
          errorList(409, [{
            code: "conflict",
            message: `A contact matching those details already exists with id=${id}`
          }])
      )
      assert.strictEqual(got._tag, "ConflictError")
      const made = IntercomError.conflict({ operation: Contacts.createOperation, requestId: "req-123", existingId: id })
      assertSame(made, got)
      assert.strictEqual(made.existingId, id)
      // from errors alone, the id is read from their message, as the client does
      assertSame(
        IntercomError.conflict({
          operation: Contacts.createOperation,
          requestId: "req-123",
          errors: (got as IntercomError.ConflictError).errors
        }),
        got
      )
      // without an id
      const plain = yield* clientError(
        Contacts.createOperation,
        { email: "ada@example.com" },
        () => errorList(409, [{ code: "conflict", message: "A contact matching those details already exists" }])
      )
      const madePlain = IntercomError.conflict({ operation: Contacts.createOperation, requestId: "req-123" })
      assertSame(madePlain, plain)
      assert.isUndefined(madePlain.existingId)
    }))

  it.effect("unprocessableEntity", () =>
    Effect.gen(function*() {
      const got = yield* clientError(
        Contacts.updateOperation,
        { contact_id: "1" },
        () => errorList(422, [{ code: "parameter_invalid", message: "Unprocessable Entity" }])
      )
      assertSame(IntercomError.unprocessableEntity({ operation: Contacts.updateOperation, requestId: "req-123" }), got)
    }))

  it.effect("rateLimited: the rate-limit headers and Retry-After", () =>
    Effect.gen(function*() {
      const got = yield* clientError(
        Contacts.listOperation,
        {},
        () =>
          errorList(429, [{ code: "rate_limit_exceeded", message: "Rate Limit Exceeded" }], {
            "X-RateLimit-Limit": "10000",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "1700000010",
            "Retry-After": "55"
          })
      )
      const made = IntercomError.rateLimited({
        operation: Contacts.listOperation,
        requestId: "req-123",
        rateLimit: { limit: 10000, remaining: 0, reset: 1_700_000_010 },
        retryAfter: 55
      })
      assertSame(made, got)
      assert.strictEqual(
        made.message,
        "contacts.list (GET /contacts) failed with 429 Too Many Requests: Rate Limit Exceeded (rate_limit_exceeded); retry after 55s [request_id: req-123]"
      )
    }))

  it.effect("serverError: 500 by default, any 5xx", () =>
    Effect.gen(function*() {
      for (const status of [500, 503]) {
        const got = yield* clientError(
          Contacts.findOperation,
          find,
          () => errorList(status, [{ code: "server_error", message: "Server Error" }])
        )
        const made = status === 500
          ? IntercomError.serverError({ operation: Contacts.findOperation, requestId: "req-123" })
          : IntercomError.serverError({ operation: Contacts.findOperation, requestId: "req-123", status })
        assertSame(made, got)
      }
    }))

  it.effect("unexpectedStatus: an undocumented status, empty body", () =>
    Effect.gen(function*() {
      const got = yield* clientError(Admins.identifyOperation, {}, () => new Response("", { status: 405 }))
      const made = IntercomError.unexpectedStatus({ operation: Admins.identifyOperation, status: 405 })
      assertSame(made, got)
      assert.strictEqual(made.message, "admins.identify (GET /me) failed with 405 Method Not Allowed")
      // a 404 where the spec documents none, in Intercom's shape
      const errors = [{ code: "not_found", message: "Resource Not Found" }]
      const notDocumented = yield* clientError(Admins.identifyOperation, {}, () => errorList(404, errors))
      assertSame(
        IntercomError.unexpectedStatus({
          operation: Admins.identifyOperation,
          status: 404,
          requestId: "req-123",
          errors
        }),
        notDocumented
      )
    }))

  it.effect("timeout: the per-attempt time-out (TestClock)", () =>
    Effect.gen(function*() {
      const m = mock(() => Effect.never)
      const fiber = yield* Effect.fork(
        Effect.flip(Operation.execute(Contacts.findOperation, find)).pipe(
          Effect.provide(m.layer({ rateLimiter: false, timeout: "5 seconds" }))
        )
      )
      yield* TestClock.adjust("5 seconds")
      const got = yield* fiber.await.pipe(Effect.flatten)
      assertSame(IntercomError.timeout({ operation: Contacts.findOperation, durationMs: 5000 }), got)
      assert.strictEqual(
        IntercomError.timeout({ operation: Contacts.findOperation }).message,
        "contacts.find (GET /contacts/{contact_id}) timed out after 30000ms"
      )
    }))

  it.effect("invalidInput: nothing sent", () =>
    Effect.gen(function*() {
      const m = mock()
      const got = yield* Effect.flip(
        Operation.execute(Contacts.updateOperation, { contact_id: "1", email: 42 } as unknown as { contact_id: string })
      ).pipe(Effect.provide(m.layer()))
      assert.strictEqual(m.requests.length, 0)
      assert.strictEqual(got._tag, "InvalidInputError")
      if (got._tag !== "InvalidInputError") return
      assertSame(
        IntercomError.invalidInput({ operation: Contacts.updateOperation, jsonPath: got.jsonPath, issue: got.issue }),
        got
      )
      assert.strictEqual(
        IntercomError.invalidInput({ operation: "contacts.find" }).message,
        "contacts.find: invalid input at $: does not match the operation's input schema"
      )
    }))

  it.effect("responseDecode: an empty 200 by default; mismatches", () =>
    Effect.gen(function*() {
      const empty = yield* clientError(Contacts.findOperation, find, () => new Response("", { status: 200 }))
      assertSame(IntercomError.responseDecode({ operation: Contacts.findOperation }), empty)
      const body = JSON.stringify({ type: "contact", id: "1", email: 42 })
      const mismatched = yield* clientError(
        Contacts.findOperation,
        find,
        () => new Response(body, { status: 200, headers: { "content-type": "application/json" } })
      )
      assert.strictEqual(mismatched._tag, "ResponseDecodeError")
      if (mismatched._tag !== "ResponseDecodeError") return
      assertSame(
        IntercomError.responseDecode({
          operation: Contacts.findOperation,
          body,
          mismatches: mismatched.mismatches,
          issue: mismatched.issue
        }),
        mismatched
      )
    }))

  it.effect("scroll: the error of each reason, with its HTTP cause", () =>
    Effect.gen(function*() {
      const scroll = (first: Response, second?: Response) => {
        let n = 0
        const m = mock(() => {
          n++
          if (n === 1) return first
          return second!
        })
        return Effect.flip(Stream.runDrain(Pagination.pages(Companies.scrollOperation, {}))).pipe(
          Effect.provide(m.layer({ rateLimiter: false }))
        )
      }
      const page = () => json({ type: "list", data: [{ type: "company", id: "c1" }], scroll_param: "p1" })
      const errorList = (status: number, errors: ReadonlyArray<IntercomError.ErrorItem>) =>
        json({ type: "error.list", errors }, { status })
      const conflict = yield* scroll(
        errorList(400, [{ code: "scroll_exists", message: "scroll already exists for this workspace" }])
      )
      assertSame(IntercomError.scroll({ reason: "Conflict", operation: Companies.scrollOperation }), conflict)
      const expired = yield* scroll(
        page(),
        errorList(400, [{
          code: "parameter_invalid",
          message: "scroll_param is invalid or has expired",
          field: "scroll_param"
        }])
      )
      assertSame(IntercomError.scroll({ reason: "Expired", operation: Companies.scrollOperation }), expired)
      // the default operation is companies.scroll, with its method and path
      assertSame(IntercomError.scroll({ reason: "Expired" }), expired)
      const interrupted = yield* scroll(page(), errorList(500, [{ code: "server_error", message: "Server Error" }]))
      assertSame(IntercomError.scroll({ reason: "Interrupted" }), interrupted)
    }))

  it("every error class has a constructor", () => {
    const op = "contacts.find"
    const made: ReadonlyArray<IntercomError.IntercomError> = [
      IntercomError.badRequest({ operation: op }),
      IntercomError.unauthorized({ operation: op }),
      IntercomError.forbidden({ operation: op }),
      IntercomError.notFound({ operation: op }),
      IntercomError.conflict({ operation: op }),
      IntercomError.unprocessableEntity({ operation: op }),
      IntercomError.rateLimited({ operation: op }),
      IntercomError.serverError({ operation: op }),
      IntercomError.unexpectedStatus({ operation: op, status: 418 }),
      IntercomError.responseDecode({ operation: op }),
      IntercomError.invalidInput({ operation: op }),
      IntercomError.timeout({ operation: op }),
      IntercomError.scroll({ reason: "Conflict" })
    ]
    assert.deepStrictEqual(
      made.map((e) => e._tag),
      [
        "BadRequestError",
        "UnauthorizedError",
        "ForbiddenError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "ServerError",
        "UnexpectedStatusError",
        "ResponseDecodeError",
        "InvalidInputError",
        "TimeoutError",
        "ScrollError"
      ]
    )
    // by name alone, the message names the operation only (no empty parentheses)
    assert.strictEqual(
      IntercomError.notFound({ operation: op }).message,
      "contacts.find failed with 404 Not Found: Resource Not Found (not_found)"
    )
    assert.strictEqual(
      IntercomError.conflict({ operation: "companies.create" }).errors[0].message,
      "A resource matching those details already exists"
    )
  })
})

describe("IntercomError constructors as the failure of a mocked method", () => {
  it.effect("notFound by name: the mock fills in the method and path; catchTag recovers", () => {
    const TestIntercom = IntercomMock.layerTest({
      contacts: {
        find: ({ contact_id }) =>
          contact_id === "known"
            ? Effect.succeed({ type: "contact", id: "known", email: "ada@example.com" })
            : Effect.fail(IntercomError.notFound({ operation: "contacts.find" }))
      }
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.contacts.find({ contact_id: "nobody" }))
      // the same error as the client's for a 404 without a request id
      const got = yield* clientError(
        Contacts.findOperation,
        find,
        () =>
          json({ type: "error.list", errors: [{ code: "not_found", message: "Resource Not Found" }] }, { status: 404 })
      )
      assertSame(error, got)
      const email = yield* intercom.contacts.find({ contact_id: "nobody" }).pipe(
        Effect.map((contact) => contact.email),
        Effect.catchTag("NotFoundError", (e) => Effect.succeed(`missing (${e.status})`))
      )
      assert.strictEqual(email, "missing (404)")
      // the plain function answers from the same mock
      const plain = yield* Effect.flip(Contacts.find({ contact_id: "nobody" }))
      assert.strictEqual(plain._tag, "NotFoundError")
    }).pipe(Effect.provide(TestIntercom))
  })

  it.effect("every constructor fails a mocked method and is caught by its tag", () => {
    const op = "contacts.find"
    const errors = [
      IntercomError.badRequest({ operation: op }),
      IntercomError.unauthorized({ operation: op }),
      IntercomError.forbidden({ operation: op }),
      IntercomError.notFound({ operation: op }),
      IntercomError.conflict({ operation: op, existingId: "1" }),
      IntercomError.rateLimited({ operation: op, retryAfter: 1 }),
      IntercomError.serverError({ operation: op, status: 502 }),
      IntercomError.unexpectedStatus({ operation: op, status: 410 }),
      IntercomError.responseDecode({ operation: op }),
      IntercomError.invalidInput({ operation: op }),
      IntercomError.timeout({ operation: op })
    ] as const
    let next = 0
    const TestIntercom = IntercomMock.layerTest({
      contacts: { find: () => Effect.fail(errors[next++]) }
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const call = intercom.contacts.find({ contact_id: "x" })
      const caught: Array<string> = []
      for (let i = 0; i < errors.length; i++) {
        const tag = yield* call.pipe(
          Effect.as("none"),
          Effect.catchTags({
            BadRequestError: (e) => Effect.succeed(`${e._tag} ${e.status}`),
            UnauthorizedError: (e) => Effect.succeed(`${e._tag} ${e.status}`),
            ForbiddenError: (e) => Effect.succeed(`${e._tag} ${e.status}`),
            NotFoundError: (e) => Effect.succeed(`${e._tag} ${e.status}`),
            ConflictError: (e) => Effect.succeed(`${e._tag} ${e.existingId}`),
            RateLimitError: (e) => Effect.succeed(`${e._tag} ${e.retryAfter}`),
            ServerError: (e) => Effect.succeed(`${e._tag} ${e.status}`),
            UnexpectedStatusError: (e) => Effect.succeed(`${e._tag} ${e.status}`),
            ResponseDecodeError: (e) => Effect.succeed(`${e._tag} ${e.jsonPath}`),
            InvalidInputError: (e) => Effect.succeed(`${e._tag} ${e.jsonPath}`),
            TimeoutError: (e) => Effect.succeed(`${e._tag} ${e.path}`)
          }),
          Effect.catchAll((e) => Effect.succeed(`other ${e._tag}`))
        )
        caught.push(tag)
      }
      assert.deepStrictEqual(caught, [
        "BadRequestError 400",
        "UnauthorizedError 401",
        "ForbiddenError 403",
        "NotFoundError 404",
        "ConflictError 1",
        "RateLimitError 1",
        "ServerError 502",
        "UnexpectedStatusError 410",
        "ResponseDecodeError $",
        "InvalidInputError $",
        "TimeoutError /contacts/{contact_id}"
      ])
    }).pipe(Effect.provide(TestIntercom))
  })

  it.effect("a 422 fails only a method that documents it (contacts.update), caught by its tag", () => {
    const TestIntercom = IntercomMock.layerTest({
      contacts: {
        update: () => Effect.fail(IntercomError.unprocessableEntity({ operation: "contacts.update" }))
      }
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const status = yield* intercom.contacts.update({ contact_id: "1", name: "Ada" }).pipe(
        Effect.as(0),
        Effect.catchTag("UnprocessableEntityError", (e) => Effect.succeed(e.status))
      )
      assert.strictEqual(status, 422)
      const error = yield* Effect.flip(intercom.contacts.update({ contact_id: "1", name: "Ada" }))
      assert.strictEqual(error.message.startsWith("contacts.update (PUT /contacts/{contact_id}) failed with 422"), true)
    }).pipe(Effect.provide(TestIntercom))
  })

  it.effect("catchTag on a mocked 429 from rateLimited", () => {
    const TestIntercom = IntercomMock.layerTest({
      contacts: {
        list: () => Effect.fail(IntercomError.rateLimited({ operation: "contacts.list", retryAfter: 10 }))
      }
    })
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const wait = yield* intercom.contacts.list().pipe(
        Effect.as(0),
        Effect.catchTag("RateLimitError", (e) => Effect.succeed(e.retryAfter ?? 0))
      )
      assert.strictEqual(wait, 10)
      const error = yield* Effect.flip(intercom.contacts.list())
      assert.strictEqual(
        error.message,
        "contacts.list (GET /contacts) failed with 429 Too Many Requests: Rate Limit Exceeded (rate_limit_exceeded); retry after 10s"
      )
    }).pipe(Effect.provide(TestIntercom))
  })
})
