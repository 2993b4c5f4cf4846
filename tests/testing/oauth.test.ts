/**
 * `FakeIntercom`'s OAuth (the `oauth` option) with the client's `OAuth`
 * module: the authorize page's redirect, the code exchange, the issued token
 * accepted by the API routes (and only issued ones), codes used once, wrong
 * credentials, a denial, unregistered redirect URLs; in process and over
 * 127.0.0.1.
 */
import { Intercom, IntercomClient, OAuth } from "@effect-intercom/client"
import { FakeIntercom } from "@effect-intercom/testing"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"

const app = {
  clientId: "fake-app",
  clientSecret: Redacted.make("fake-app-secret"),
  redirectUri: "https://app.example.com/intercom/callback"
}

const oauth: FakeIntercom.OAuthOptions = {
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  redirectUris: [app.redirectUri]
}

const urls = (base: string) => ({ authorizeUrl: `${base}/oauth`, tokenUrl: `${base}/auth/eagle/token` })

/** One fake for both: its in-process client is the `HttpClient` of the exchange and of `Intercom`. */
const layer = (options: Partial<FakeIntercom.OAuthOptions> = {}) => {
  const fake = FakeIntercom.layer({
    seed: FakeIntercom.smallSeed,
    token: FakeIntercom.defaultToken,
    oauth: { ...oauth, ...options }
  })
  const client = Layer.effect(HttpClient.HttpClient, Effect.map(FakeIntercom.FakeIntercom, (f) => f.httpClient))
  const intercom = Intercom.layer({ token: Redacted.make(FakeIntercom.defaultToken), baseUrl: FakeIntercom.baseUrl })
  return intercom.pipe(Layer.provideMerge(client), Layer.provideMerge(fake))
}

/** Install: the authorize URL walked on the fake, the callback read, the code exchanged. */
const install = (base: string, state = "s-1") =>
  Effect.gen(function*() {
    const fake = yield* FakeIntercom.FakeIntercom
    const callback = yield* fake.authorize(OAuth.authorizeUrl({ ...app, ...urls(base), state }))
    const code = yield* OAuth.readCallback(callback, state)
    return { callback, code, token: yield* OAuth.exchangeCode({ ...app, ...urls(base), code }) }
  })

describe("FakeIntercom oauth", () => {
  it.effect("the authorize page redirects with a code and the state; the exchange issues a token the API accepts", () =>
    Effect.gen(function*() {
      const { callback, code, token } = yield* install(FakeIntercom.baseUrl)
      const back = new URL(callback)
      assert.strictEqual(`${back.origin}${back.pathname}`, app.redirectUri)
      assert.strictEqual(back.searchParams.get("state"), "s-1")
      assert.match(code, /^code_[0-9a-f]{32}$/)
      assert.match(Redacted.value(token.accessToken), /^oauth_[0-9a-f]{40}$/)
      assert.strictEqual(token.tokenType, "Bearer")
      assert.strictEqual(token.region, "us")
      const intercom = yield* Intercom.Intercom
      const me = yield* intercom.admins.identify().pipe(OAuth.withToken(token))
      assert.strictEqual(me.type, "admin")
      // a token nobody issued is refused, since the fake has a token of its own
      const refused = yield* intercom.admins.identify().pipe(
        IntercomClient.withToken(Redacted.make("oauth_not-issued")),
        Effect.flip
      )
      assert.strictEqual(refused._tag, "UnauthorizedError")
      const exchanges = yield* Effect.flatMap(FakeIntercom.FakeIntercom, (fake) => fake.exchanges)
      const exchange = exchanges.find((e) => e.operation === "oauth.exchangeCode")
      assert.deepStrictEqual([exchange?.method, exchange?.path, exchange?.status], ["POST", "/auth/eagle/token", 200])
    }).pipe(Effect.provide(layer())))

  it.effect("a code works once: the second exchange is a 400 invalid_grant", () =>
    Effect.gen(function*() {
      const { code } = yield* install(FakeIntercom.baseUrl)
      const again = yield* Effect.flip(OAuth.exchangeCode({ ...app, ...urls(FakeIntercom.baseUrl), code }))
      assert.strictEqual(again._tag, "BadRequestError")
      if (again._tag === "BadRequestError") assert.strictEqual(again.errors[0]?.code, "invalid_grant")
      const never = yield* Effect.flip(OAuth.exchangeCode({ ...app, ...urls(FakeIntercom.baseUrl), code: "code_x" }))
      assert.strictEqual(never._tag, "BadRequestError")
    }).pipe(Effect.provide(layer())))

  it.effect("a wrong client secret is a 401 invalid_client, and the secret is in no error", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const callback = yield* fake.authorize(OAuth.authorizeUrl({ ...app, ...urls(FakeIntercom.baseUrl), state: "s" }))
      const code = yield* OAuth.readCallback(callback, "s")
      const wrong = Redacted.make("not-the-secret")
      const error = yield* Effect.flip(
        OAuth.exchangeCode({ ...app, clientSecret: wrong, ...urls(FakeIntercom.baseUrl), code })
      )
      assert.strictEqual(error._tag, "UnauthorizedError")
      if (error._tag === "UnauthorizedError") assert.strictEqual(error.errors[0]?.code, "invalid_client")
      assert.notInclude(JSON.stringify(error), "not-the-secret")
      // the code was not spent by the failed attempt
      const token = yield* OAuth.exchangeCode({ ...app, ...urls(FakeIntercom.baseUrl), code })
      assert.match(Redacted.value(token.accessToken), /^oauth_/)
    }).pipe(Effect.provide(layer())))

  it.effect("decision deny: the callback carries error=access_denied, an OAuthError Denied", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const callback = yield* fake.authorize(OAuth.authorizeUrl({ ...app, ...urls(FakeIntercom.baseUrl), state: "s" }))
      assert.strictEqual(new URL(callback).searchParams.get("code"), null)
      const error = yield* Effect.flip(OAuth.readCallback(callback, "s"))
      assert.strictEqual(error._tag, "OAuthError")
      assert.strictEqual(error._tag === "OAuthError" ? error.reason : undefined, "Denied")
    }).pipe(Effect.provide(layer({ decision: "deny" }))))

  it.effect("an unregistered redirect URL or an unknown client id is refused by the authorize page", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const elsewhere = yield* Effect.flip(fake.authorize(
        OAuth.authorizeUrl({
          ...app,
          ...urls(FakeIntercom.baseUrl),
          redirectUri: "https://evil.example/cb",
          state: "s"
        })
      ))
      assert.include(elsewhere.message, "redirect_uri is not one of the app's redirect URLs")
      const stranger = yield* Effect.flip(fake.authorize(
        OAuth.authorizeUrl({ ...app, clientId: "other-app", ...urls(FakeIntercom.baseUrl), state: "s" })
      ))
      assert.include(stranger.message, "unknown client_id")
    }).pipe(Effect.provide(layer())))

  it.effect("without the oauth option the endpoints are the API's 401 and authorize fails", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const error = yield* Effect.flip(fake.authorize(`${FakeIntercom.baseUrl}/oauth?client_id=x`))
      assert.include(error.message, "needs the `oauth` option")
      const exchange = yield* OAuth.exchangeCode({ ...app, ...urls(FakeIntercom.baseUrl), code: "code_x" }).pipe(
        Effect.provideService(HttpClient.HttpClient, fake.httpClient),
        Effect.flip
      )
      assert.strictEqual(exchange._tag, "UnauthorizedError")
    }).pipe(Effect.provide(FakeIntercom.layer({ seed: FakeIntercom.smallSeed }))))

  it.live("over 127.0.0.1: the browser's redirect and the exchange through fetch", () =>
    Effect.gen(function*() {
      const base = yield* FakeIntercom.serverUrl
      const authorize = OAuth.authorizeUrl({ ...app, ...urls(base), state: "s-2" })
      const response = yield* Effect.promise(() => fetch(authorize, { redirect: "manual" }))
      assert.strictEqual(response.status, 302)
      const callback = response.headers.get("location") ?? ""
      const code = yield* OAuth.readCallback(callback, "s-2")
      // apiBaseUrl: the token's calls go to the fake, not to its region's host (api.intercom.io)
      const token = yield* OAuth.exchangeCode({ ...app, ...urls(base), apiBaseUrl: base, code }).pipe(
        Effect.provide(FetchHttpClient.layer)
      )
      assert.strictEqual(token.baseUrl, base)
      const identify = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify())
      // one layer for every workspace, whose own token and base URL are never used (an unroutable address)
      const shared = Intercom.layer({ token: Redacted.make("unused"), baseUrl: "http://127.0.0.1:9/" }).pipe(
        Layer.provide(FetchHttpClient.layer)
      )
      const me = yield* identify.pipe(OAuth.withToken(token), Effect.provide(shared))
      assert.strictEqual(me.type, "admin")
      // a layer of its own for the workspace
      const own = yield* identify.pipe(
        Effect.provide(Intercom.layer(OAuth.clientOptions(token)).pipe(Layer.provide(FetchHttpClient.layer)))
      )
      assert.strictEqual(own.id, me.id)
    }).pipe(
      Effect.provide(FakeIntercom.layerServer({ seed: FakeIntercom.smallSeed, token: "server-token", oauth })),
      Effect.timeout("8 seconds")
    ))
})
