/**
 * Spans: the HTTP client's spans record the request, and never the token,
 * neither in attributes nor in events, for a success and for an error.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as MockHttp from "../support/MockHttp.js"
import * as RecordingTracer from "../support/RecordingTracer.js"
import { TOKEN } from "../support/Run.js"

describe("tracing", () => {
  it.effect("spans carry the request but not the token", () => {
    const { spans, tracer } = RecordingTracer.make()
    const mock = MockHttp.make((request) =>
      request.url.pathname === "/me"
        ? MockHttp.json(200, { type: "admin", id: "1" })
        : MockHttp.json(404, { type: "error.list", request_id: "r", errors: [{ code: "not_found", message: "nope" }] })
    )
    const layer = Intercom.layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(mock.layer))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.admins.identify()
      yield* Effect.flip(intercom.contacts.find({ contact_id: "x" }))
      yield* Effect.flip(
        intercom.contacts.find({ contact_id: "y" }).pipe(IntercomClient.withToken(Redacted.make(`${TOKEN}-other`)))
      )
      assert.isAtLeast(spans.length, 3)
      const dump = JSON.stringify(
        spans.map((s) => ({ name: s.name, attributes: [...s.attributes], events: s.events })),
        (_k, v) => (typeof v === "bigint" ? String(v) : v)
      )
      assert.include(dump, "/contacts/x")
      assert.notInclude(dump, TOKEN)
      // The header is recorded, redacted.
      assert.include(dump, "http.request.header.authorization")
      // one span per operation, named after the method, with the HTTP client's span inside
      const operation = spans.find((s) => s.name === "Intercom.admins.identify")
      assert.isDefined(operation)
      assert.strictEqual(operation!.attributes.get("intercom.operation_id"), "identifyAdmin")
      assert.strictEqual(operation!.attributes.get("http.route"), "/me")
      const http = spans.find((s) => s.parentId === operation!.spanId)
      assert.isDefined(http, "the HTTP client's span is a child of the operation's")
      assert.strictEqual(http!.attributes.get("http.request.method"), "GET")
      assert.strictEqual(spans.filter((s) => s.name === "Intercom.contacts.find").length, 2)
      // trace propagation to Intercom is off by default
      assert.isUndefined(mock.requests[0].headers["traceparent"])
      assert.isUndefined(mock.requests[0].headers["b3"])
    }).pipe(Effect.provide(layer), Effect.withTracer(tracer))
  })

  it.effect("trace context is sent only with propagateTraces: true", () => {
    const { tracer } = RecordingTracer.make()
    const mock = MockHttp.make(() => MockHttp.json(200, { type: "admin", id: "1" }))
    const layer = Intercom.layer({ token: Redacted.make(TOKEN), propagateTraces: true }).pipe(Layer.provide(mock.layer))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.admins.identify()
      assert.isString(mock.requests[0].headers["traceparent"])
    }).pipe(Effect.provide(layer), Effect.withTracer(tracer))
  })
})
