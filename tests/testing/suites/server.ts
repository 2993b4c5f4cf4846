/**
 * The fake as a real HTTP server on 127.0.0.1: a plain `fetch`, and the
 * client over undici, as a program would use them.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"

const TOKEN = "server-token"

const server = FakeIntercom.layerServer({ token: TOKEN, seed: FakeIntercom.smallSeed })

const get = (url: string, token?: string) =>
  Effect.promise(async () => {
    const response = await fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
    return { status: response.status, headers: response.headers, json: await response.json() as any }
  })

describe("FakeIntercom.layerServer", () => {
  it.live("listens on 127.0.0.1 and answers a plain fetch", () =>
    Effect.gen(function*() {
      const address = (yield* HttpServer.HttpServer).address
      assert.strictEqual(address._tag, "TcpAddress")
      if (address._tag === "TcpAddress") {
        assert.strictEqual(address.hostname, "127.0.0.1")
        assert.isAbove(address.port, 0)
      }
      const url = yield* FakeIntercom.serverUrl
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
      const me = yield* get(`${url}/me`, TOKEN)
      assert.strictEqual(me.status, 200)
      assert.strictEqual(me.json.type, "admin")
      assert.isNotNull(me.headers.get("x-ratelimit-remaining"))
      const refused = yield* get(`${url}/me`)
      assert.strictEqual(refused.status, 401)
      assert.strictEqual(refused.json.type, "error.list")
      assert.strictEqual(refused.headers.get("x-request-id"), refused.json.request_id)
    }).pipe(Effect.provide(server)))

  it.live("serves the client over undici, streams included", () =>
    Effect.gen(function*() {
      const url = yield* FakeIntercom.serverUrl
      const count = yield* Effect.gen(function*() {
        const intercom = yield* Intercom.Intercom
        const me = yield* intercom.admins.identify()
        assert.strictEqual(me.app?.name, "Fake Intercom")
        return yield* intercom.contacts.listStream({ per_page: 60 }).pipe(Stream.runCount)
      }).pipe(
        Effect.provide(
          Intercom.layer({ token: Redacted.make(TOKEN), baseUrl: url, retry: false, rateLimiter: false }).pipe(
            Layer.provide(NodeHttpClient.layerUndici)
          )
        )
      )
      assert.strictEqual(count, 200)
    }).pipe(Effect.provide(server)))

  it.live("a dropped connection drops the socket; the server keeps serving", () =>
    Effect.gen(function*() {
      const url = yield* FakeIntercom.serverUrl
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, "drop")
      const dropped = yield* Effect.either(
        Effect.tryPromise(() => fetch(`${url}/me`, { headers: { authorization: `Bearer ${TOKEN}` } }))
      )
      assert.strictEqual(dropped._tag, "Left")
      assert.strictEqual((yield* get(`${url}/me`, TOKEN)).status, 200)
    }).pipe(Effect.provide(server)))
})
