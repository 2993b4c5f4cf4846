import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Operation from "@effect-intercom/client/Operation"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import { inspect } from "node:util"
import { findContact, json, mock, TOKEN, token } from "./_mock.js"

const fromMap = (entries: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(entries))))

/** How building `layerConfig()` over the mock's client fails. */
const layerConfigError = (m: ReturnType<typeof mock>) =>
  Effect.flip(Layer.build(IntercomClient.layerConfig().pipe(Layer.provide(m.httpLayer))).pipe(Effect.scoped))

describe("layerConfig", () => {
  it.effect("reads INTERCOM_* by default", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      const client = yield* IntercomClient.IntercomClient
      assert.strictEqual(client.config.region, "eu")
      assert.strictEqual(client.config.baseUrl, "https://api.eu.intercom.io")
      assert.strictEqual(client.config.version, "2.14")
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.strictEqual(m.requests[0].url.toString(), "https://api.eu.intercom.io/contacts/1")
      assert.strictEqual(m.requests[0].headers["authorization"], `Bearer ${TOKEN}`)
    }).pipe(
      Effect.provide(IntercomClient.layerConfig().pipe(Layer.provide(m.httpLayer))),
      fromMap({ INTERCOM_TOKEN: TOKEN, INTERCOM_REGION: "eu" })
    )
  })

  it.effect("INTERCOM_BASE_URL and INTERCOM_VERSION", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.strictEqual(m.requests[0].url.toString(), "http://127.0.0.1:4010/contacts/1")
      assert.strictEqual(m.requests[0].headers["intercom-version"], "2.11")
    }).pipe(
      Effect.provide(IntercomClient.layerConfig().pipe(Layer.provide(m.httpLayer))),
      fromMap({ INTERCOM_TOKEN: TOKEN, INTERCOM_BASE_URL: "http://127.0.0.1:4010", INTERCOM_VERSION: "2.11" })
    )
  })

  it.effect("a base URL that would send requests elsewhere fails with a ConfigError, nothing sent", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* layerConfigError(m)
      assert.strictEqual(error._op, "InvalidData")
      const text = String(error)
      assert.include(text, "baseUrl")
      assert.include(text, "INTERCOM_BASE_URL")
      assert.notInclude(text, "hunter2")
      assert.strictEqual(m.requests.length, 0)
    }).pipe(fromMap({ INTERCOM_TOKEN: TOKEN, INTERCOM_BASE_URL: "https://user:hunter2@api.intercom.io" }))
  })

  it.effect("a bad region fails with a clear ConfigError", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* layerConfigError(m)
      assert.strictEqual(error._op, "InvalidData")
      const text = String(error)
      assert.include(text, "INTERCOM_REGION")
      assert.include(text, "us, eu, au")
      assert.include(text, "mars")
    }).pipe(fromMap({ INTERCOM_TOKEN: TOKEN, INTERCOM_REGION: "mars" }))
  })

  it.effect("a missing token fails with a ConfigError naming INTERCOM_TOKEN", () => {
    const m = mock()
    return Effect.gen(function*() {
      const error = yield* layerConfigError(m)
      assert.include(String(error), "INTERCOM_TOKEN")
    }).pipe(fromMap({}))
  })

  it.effect("a Config.Wrap of custom names", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.strictEqual(m.requests[0].url.host, "api.au.intercom.io")
      assert.strictEqual(m.requests[0].headers["authorization"], "Bearer custom-token")
    }).pipe(
      Effect.provide(
        IntercomClient.layerConfig({
          token: Config.redacted("MY_TOKEN"),
          region: Config.succeed("au")
        }).pipe(Layer.provide(m.httpLayer))
      ),
      fromMap({ MY_TOKEN: "custom-token" })
    )
  })
})

describe("secrets", () => {
  it.effect("the service and its config never print the token", () => {
    const m = mock()
    return Effect.gen(function*() {
      const client = yield* IntercomClient.IntercomClient
      for (
        const text of [
          String(client),
          JSON.stringify(client),
          inspect(client, { depth: 10 }),
          Inspectable.format(client),
          String(client.config),
          JSON.stringify(client.config),
          inspect(client.config, { depth: 10 })
        ]
      ) {
        assert.notInclude(text, TOKEN)
      }
      assert.include(JSON.stringify(client), "<redacted>")
      assert.include(JSON.stringify(client), "https://api.intercom.io")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("the layer keeps authorization among the redacted header names", () => {
    const m = mock()
    return Effect.gen(function*() {
      const names = yield* FiberRef.get(Headers.currentRedactedNames)
      assert.include(names, "authorization")
    }).pipe(
      Effect.provide(m.layer()),
      Effect.locally(Headers.currentRedactedNames, ["x-other"])
    )
  })

  it.effect("make works without the layer", () => {
    const m = mock(() => json({ id: "1" }))
    return Effect.gen(function*() {
      const client = yield* IntercomClient.make({ token, region: "eu", version: "2.12" })
      const contact = yield* client.execute(findContact, { contact_id: "1" })
      assert.strictEqual(contact.id, "1")
      assert.strictEqual(m.requests[0].url.host, "api.eu.intercom.io")
      assert.strictEqual(m.requests[0].headers["intercom-version"], "2.12")
    }).pipe(Effect.provide(m.httpLayer))
  })

  it.effect("transformClient is applied", () => {
    const m = mock(() => json({ id: "1" }))
    let seen = 0
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" })
      yield* Operation.execute(findContact, { contact_id: "2" })
      assert.strictEqual(seen, 2)
    }).pipe(
      Effect.provide(m.layer({
        transformClient: HttpClient.tapRequest(() => Effect.sync(() => seen++))
      }))
    )
  })
})
