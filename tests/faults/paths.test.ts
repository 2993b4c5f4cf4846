/**
 * A request never goes where it was not meant to: a path parameter that is
 * empty, `.` or `..` (URL parsing drops or climbs dot segments, so
 * `contacts.delete({ contact_id: ".." })` would be `DELETE /`), or a number
 * that is not finite in the path or the query, is an `InvalidInputError`
 * naming the parameter, and a real server on 127.0.0.1 receives nothing.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Intercom from "../../packages/client/src/Intercom.js"
import type * as IntercomError from "../../packages/client/src/IntercomError.js"
import * as Operation from "../../packages/client/src/Operation.js"
import * as Loopback from "../support/Loopback.js"

const transports: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["undici", NodeHttpClient.layerUndici],
  ["fetch", FetchHttpClient.layer]
]

// A descriptor whose input schema lets anything through: what request.ts does on its own.
const anything = Operation.make<{ readonly id: unknown; readonly n?: unknown; readonly extra?: unknown }, unknown>({
  name: "test.thing",
  operationId: "thing",
  api: "stable",
  method: "GET",
  path: "/things/{id}/parts",
  pathParams: ["id"],
  queryParams: ["n"],
  body: "none",
  input: Schema.Struct({
    id: Schema.Unknown,
    n: Schema.optional(Schema.Unknown),
    extra: Schema.optional(Schema.Unknown)
  }) as Schema.Schema<{ readonly id: unknown; readonly n?: unknown; readonly extra?: unknown }, any>,
  success: undefined,
  response: "json",
  errors: [],
  pagination: undefined,
  idempotent: true
})

const ok: Loopback.Handler = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json" })
  response.end(JSON.stringify({ type: "contact", id: "c1" }))
}

const invalid = (error: unknown): IntercomError.InvalidInputError => {
  assert.strictEqual((error as { _tag: string })._tag, "InvalidInputError")
  return error as IntercomError.InvalidInputError
}

describe("faults: requests go only where they were meant to", () => {
  for (const [name, transport] of transports) {
    it.live(
      `${name}: empty, "." and ".." path parameters are InvalidInputError, and nothing is sent`,
      () =>
        Effect.gen(function*() {
          const server = yield* Loopback.http(ok)
          const layer = Intercom.layer({ token: Redacted.make("t"), baseUrl: server.url, retry: false }).pipe(
            Layer.provide(transport)
          )
          yield* Effect.gen(function*() {
            const intercom = yield* Intercom.Intercom
            for (const id of ["", ".", ".."]) {
              const find = invalid(yield* Effect.flip(intercom.contacts.find({ contact_id: id })))
              assert.strictEqual(find.jsonPath, "$.contact_id")
              assert.strictEqual(find.operation, "contacts.find")
              assert.match(find.issue, id === "" ? /must not be empty/ : /dot segment/)
              const del = invalid(yield* Effect.flip(intercom.contacts.delete({ contact_id: id })))
              assert.strictEqual(del.jsonPath, "$.contact_id")
              // a parameter that is not the last segment
              const tags = invalid(yield* Effect.flip(intercom.contacts.listAttachedTags({ contact_id: id })))
              assert.strictEqual(tags.jsonPath, "$.contact_id")
            }
            assert.strictEqual(server.count(), 0, "the server received no request")
            // values that only look like dot segments are fine: they are encoded
            yield* intercom.contacts.find({ contact_id: "..." })
            yield* intercom.contacts.find({ contact_id: "a/.." })
            yield* intercom.contacts.find({ contact_id: "%2e%2e" })
            assert.strictEqual(server.count(), 3)
          }).pipe(Effect.provide(layer))
        }).pipe(Effect.scoped),
      { timeout: 5_000 }
    )
  }

  it.live(
    "non-finite numbers in the path or the query are InvalidInputError, and nothing is sent",
    () =>
      Effect.gen(function*() {
        const server = yield* Loopback.http(ok)
        const layer = Intercom.layer({ token: Redacted.make("t"), baseUrl: server.url, retry: false }).pipe(
          Layer.provide(NodeHttpClient.layerUndici)
        )
        yield* Effect.gen(function*() {
          const cases: ReadonlyArray<readonly [input: Parameters<typeof Operation.execute<any, any, any>>[1], string]> =
            [
              [{ id: NaN }, "$.id"],
              [{ id: Infinity }, "$.id"],
              [{ id: -Infinity }, "$.id"],
              [{ id: 1, n: NaN }, "$.n"],
              [{ id: 1, n: [1, 2, Infinity] }, "$.n[2]"],
              [{ id: 1, n: { a: 1, b: NaN } }, "$.n.b"],
              // undeclared keys of a body-less method go to the query string, checked the same way
              [{ id: 1, extra: -Infinity }, "$.extra"]
            ]
          for (const [input, jsonPath] of cases) {
            const error = invalid(yield* Effect.flip(Operation.execute(anything, input)))
            assert.strictEqual(error.jsonPath, jsonPath, JSON.stringify(input))
            assert.match(error.issue, /finite/)
          }
          // through the generated schemas too (whichever check catches it)
          const intercom = yield* Intercom.Intercom
          invalid(yield* Effect.flip(intercom.contacts.list({ per_page: NaN })))
          invalid(yield* Effect.flip(intercom.contacts.list({ page: Infinity })))
          assert.strictEqual(server.count(), 0, "the server received no request")
          // finite numbers are sent
          yield* Operation.execute(anything, { id: 0, n: [1.5, -2] })
          assert.strictEqual(server.count(), 1)
        }).pipe(Effect.provide(layer))
      }).pipe(Effect.scoped),
    { timeout: 5_000 }
  )
})
