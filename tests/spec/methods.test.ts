/**
 * Every method of the official Python SDK (`methods.tsv`, 310 rows) exists on
 * the `Intercom` service and sends the right HTTP method and path.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as MockHttp from "../support/MockHttp.js"
import { TOKEN } from "../support/Run.js"
import { entries, sampleInput, samplePath } from "../support/SpecFixtures.js"

const okBody = (kind: string): Response =>
  kind === "redirect"
    ? new Response(null, { status: 302, headers: { location: "https://example.invalid/recording.mp3" } })
    : kind === "empty"
    ? new Response(null, { status: 204 })
    : kind === "text"
    ? new Response("transcript", { status: 200, headers: { "content-type": "text/plain" } })
    : MockHttp.json(200, {})

describe("methods.tsv", () => {
  it("has 310 methods: 152 stable and 158 unstable", () => {
    assert.strictEqual(entries.length, 310)
    assert.strictEqual(entries.filter((e) => e.row.spec === "2.14").length, 152)
    assert.strictEqual(entries.filter((e) => e.row.spec === "preview").length, 158)
  })

  for (const entry of entries) {
    it.effect(`${entry.row.sdkMethod}: ${entry.row.httpMethod} ${entry.row.path}`, () =>
      Effect.gen(function*() {
        const op = entry.operation
        assert.isDefined(op, `no operation named ${entry.name}`)
        assert.strictEqual(op!.method, entry.row.httpMethod)
        assert.strictEqual(op!.path, entry.row.path)
        assert.strictEqual(op!.api, entry.row.spec === "2.14" ? "stable" : "unstable")
        assert.strictEqual(op!.response, entry.row.response)
        // The official SDKs page 12 methods; the spec shows more paginated responses (pages or a cursor).
        if (entry.row.pagination !== "none") assert.strictEqual(op!.pagination?.kind, entry.row.pagination)

        const mock = MockHttp.make(() => okBody(entry.row.response))
        const intercom = yield* Intercom.Intercom.pipe(
          Effect.provide(Intercom.layer({ token: Redacted.make(TOKEN) }).pipe(Layer.provide(mock.layer)))
        )
        // Walk the service by the SDK name: `unstable.helpCenter.listAllCollections`.
        const method = entry.name.split(".").reduce((node: any, key) => node?.[key], intercom)
        assert.isFunction(method, `Intercom service has no ${entry.name}`)
        const lookup = (name: string) => name.split(".").reduce((node: any, key) => node?.[key], intercom)
        if (op!.pagination !== undefined) {
          assert.isFunction(lookup(`${entry.name}Stream`), `${entry.name}Stream`)
          assert.isFunction(lookup(`${entry.name}Pages`), `${entry.name}Pages`)
        } else {
          assert.isUndefined(lookup(`${entry.name}Stream`))
        }
        yield* Effect.exit(method(sampleInput(op!)) as Effect.Effect<unknown, unknown>)
        assert.strictEqual(mock.requests.length, 1)
        const request = mock.requests[0]
        assert.strictEqual(request.method, entry.row.httpMethod)
        assert.strictEqual(decodeURIComponent(request.url.pathname), samplePath(op!))
        assert.strictEqual(request.url.origin, "https://api.intercom.io")
        assert.strictEqual(request.headers["intercom-version"], entry.row.spec === "2.14" ? "2.14" : "Unstable")
      }))
  }
})
