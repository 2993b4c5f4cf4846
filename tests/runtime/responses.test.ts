import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Operation from "@effect-intercom/client/Operation"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import {
  callRecording,
  callTranscript,
  deleteThing,
  download,
  errorList,
  findContact,
  json,
  listContacts,
  mock
} from "./_mock.js"

describe("json responses", () => {
  // Never invent a value: no JSON operation of the descriptions may answer a 2xx without a body.
  for (const [body, status] of [["", 200], ["   \n\t  ", 200], ["\ufeff", 200], [null, 204]] as const) {
    it.effect(`an empty ${status} body (${JSON.stringify(body)}) on a JSON operation is a ResponseDecodeError, not {}`, () => {
      const m = mock(() => new Response(body, { status }))
      return Effect.gen(function*() {
        for (const op of [listContacts, findContact] as const) {
          const error = yield* Effect.flip(Operation.execute(op as typeof findContact, { contact_id: "1" }))
          assert(error._tag === "ResponseDecodeError")
          assert.strictEqual(error.status, status)
          assert.strictEqual(error.jsonPath, "$")
          assert.match(error.issue, /^empty body/)
          assert.include(error.message, "empty body")
          assert.deepStrictEqual(error.mismatches, [])
        }
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("an empty body fails under the lenient policy too: there is nothing to return", () => {
    const m = mock(() => new Response("", { status: 200 }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(
        Operation.execute(findContact, { contact_id: "1" }).pipe(IntercomClient.withDecodePolicy("lenient"))
      )
      assert.strictEqual(error._tag, "ResponseDecodeError")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("unknown response fields are kept at run time, nested ones too", () => {
    const m = mock(() =>
      json({
        type: "list",
        total_count: 1,
        brand_new: { a: 1 },
        data: [{ type: "contact", id: "1", email: null, new_field: "kept" }]
      })
    )
    return Effect.gen(function*() {
      const list = yield* Operation.execute(listContacts, {})
      assert.deepStrictEqual(list as unknown, {
        type: "list",
        total_count: 1,
        brand_new: { a: 1 },
        data: [{ type: "contact", id: "1", email: null, new_field: "kept" }]
      })
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("the success schema's transformations run", () => {
    const op = Operation.make<{}, { readonly created_at: Date }>({
      name: "things.get",
      operationId: undefined,
      api: "stable",
      method: "GET",
      path: "/thing",
      pathParams: [],
      queryParams: [],
      body: "none",
      input: Schema.Struct({}),
      success: Schema.Struct({ created_at: Schema.DateFromNumber }),
      response: "json",
      errors: [],
      pagination: undefined,
      idempotent: true
    })
    const m = mock(() => json({ created_at: 0 }))
    return Effect.gen(function*() {
      const out = yield* Operation.execute(op, {})
      assert.instanceOf(out.created_at, Date)
      assert.strictEqual(out.created_at.getTime(), 0)
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("text responses", () => {
  it.effect("return the body as a string, with Accept: text/plain", () => {
    const m = mock(() => new Response("Agent: hello\nCustomer: hi", { status: 200 }))
    return Effect.gen(function*() {
      const text = yield* Operation.execute(callTranscript, { call_id: "c1" })
      assert.strictEqual(text, "Agent: hello\nCustomer: hi")
      assert.strictEqual(m.requests[0].headers["accept"], "text/plain")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("errors still map to status errors", () => {
    const m = mock(() => errorList(404, [{ code: "not_found", message: "Call not found" }]))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(callTranscript, { call_id: "c1" }))
      assert.strictEqual(error._tag, "NotFoundError")
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("binary responses", () => {
  it.effect("return a lazy byte stream, with Accept: */*", () => {
    let pulls = 0
    const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]
    const m = mock(() =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            const chunk = chunks[pulls++]
            if (chunk === undefined) controller.close()
            else controller.enqueue(chunk)
          }
        }, { highWaterMark: 0 }),
        { status: 200, headers: { "content-type": "application/octet-stream" } }
      )
    )
    return Effect.gen(function*() {
      const stream = yield* Operation.execute(download, { job_identifier: "j1" })
      assert.strictEqual(pulls, 0, "nothing read before the stream is run")
      assert.strictEqual(m.requests[0].headers["accept"], "*/*")
      const bytes = yield* Stream.runCollect(stream)
      assert.deepStrictEqual(
        Array.from(Chunk.toReadonlyArray(bytes).flatMap((chunk) => Array.from(chunk))),
        [1, 2, 3, 4, 5]
      )
      assert.isAbove(pulls, 0)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a 404 is a NotFoundError, not a stream", () => {
    const m = mock(() => errorList(404, [{ code: "not_found", message: "No export" }]))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(download, { job_identifier: "j1" }))
      assert.strictEqual(error._tag, "NotFoundError")
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("redirect responses", () => {
  it.effect("a 302 returns its Location and asks fetch not to follow it", () => {
    const m = mock(() =>
      new Response(null, { status: 302, headers: { location: "https://recordings.example.com/r/1?sig=abc" } })
    )
    return Effect.gen(function*() {
      const url = yield* Operation.execute(callRecording, { call_id: "c1" })
      assert.strictEqual(url, "https://recordings.example.com/r/1?sig=abc")
      assert.strictEqual(m.requests.length, 1)
      const init = Context.unsafeGet(m.requests[0].context, FetchHttpClient.RequestInit)
      assert.strictEqual(init.redirect, "manual")
      assert.strictEqual(init.keepalive, true, "the user's RequestInit is kept")
    }).pipe(
      Effect.provide(m.layer()),
      Effect.provideService(FetchHttpClient.RequestInit, { keepalive: true })
    )
  })

  it.effect("a relative Location is resolved against the request URL", () => {
    const m = mock(() => new Response(null, { status: 307, headers: { location: "/signed/rec.mp3" } }))
    return Effect.gen(function*() {
      const url = yield* Operation.execute(callRecording, { call_id: "c1" })
      assert.strictEqual(url, "https://api.intercom.io/signed/rec.mp3")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a 2xx with a Location returns it", () => {
    const m = mock(() => new Response("{}", { status: 200, headers: { location: "https://x.example.com/a" } }))
    return Effect.gen(function*() {
      assert.strictEqual(yield* Operation.execute(callRecording, { call_id: "c1" }), "https://x.example.com/a")
    }).pipe(Effect.provide(m.layer()))
  })

  for (const status of [200, 204, 302]) {
    it.effect(`a ${status} without a Location is a ResponseDecodeError that says so`, () => {
      const m = mock(() => new Response(status === 204 ? null : "{}", { status }))
      return Effect.gen(function*() {
        const error = yield* Effect.flip(Operation.execute(callRecording, { call_id: "c1" }))
        assert(error._tag === "ResponseDecodeError")
        assert.strictEqual(error.status, status)
        assert.include(error.issue, "no Location header")
        assert.include(error.message, "no Location header")
        assert.strictEqual(error.body, status === 204 ? "" : "{}")
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("a 404 is still a status error", () => {
    const m = mock(() => new Response("{}", { status: 404 }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(callRecording, { call_id: "c1" }))
      assert.include(["NotFoundError", "UnexpectedStatusError"], error._tag)
      assert.strictEqual((error as { status: number }).status, 404)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("non-redirect operations do not touch RequestInit", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.isTrue(Context.getOption(m.requests[0].context, FetchHttpClient.RequestInit)._tag === "None")
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("empty responses", () => {
  for (const [status, body] of [[204, null], [202, "{\"accepted\":true}"], [200, ""]] as const) {
    it.effect(`${status} ${JSON.stringify(body)} -> void`, () => {
      const m = mock(() => new Response(body, { status }))
      return Effect.gen(function*() {
        const out = yield* Operation.execute(deleteThing, { id: "1" })
        assert.isUndefined(out)
        assert.strictEqual(m.requests[0].method, "DELETE")
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("errors still map", () => {
    const m = mock(() => errorList(401, [{ code: "unauthorized", message: "Access Token Invalid" }]))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(deleteThing, { id: "1" }))
      assert.strictEqual(error._tag, "UnauthorizedError")
    }).pipe(Effect.provide(m.layer()))
  })
})
