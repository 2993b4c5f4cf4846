/**
 * A public app's OAuth install, end to end without an account: the app's
 * server on 127.0.0.1 (`/install` sends the admin to Intercom's authorize
 * page with a fresh `state` in a cookie; `/callback` checks the `state`,
 * exchanges the code and makes the workspace's first call with its token),
 * the fake Intercom serving the authorize page and the token endpoint on
 * 127.0.0.1, and an admin's browser following the redirects.
 *
 *   pnpm --filter @effect-intercom/examples oauth-install
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as OAuth from "@effect-intercom/client/OAuth"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { createServer } from "node:http"
import { isMain } from "./support/Example.js"

const clientId = "my-public-app"
const clientSecret = Redacted.make("my-public-app-secret")

/**
 * The app: an `HttpRouter` with the two routes an Intercom install needs.
 * `intercomUrl` is where Intercom is (the fake here; for real, leave out
 * `authorizeUrl`, `tokenUrl` and `apiBaseUrl`).
 */
export const app = (appUrl: string, intercomUrl: string) =>
  Effect.gen(function*() {
    const oauth = yield* OAuth.make({
      clientId,
      clientSecret,
      redirectUri: `${appUrl}/callback`,
      authorizeUrl: `${intercomUrl}/oauth`,
      tokenUrl: `${intercomUrl}/auth/eagle/token`,
      apiBaseUrl: intercomUrl
    })
    const intercom = yield* Intercom.Intercom
    return HttpRouter.empty.pipe(
      // 1. a fresh state, kept in the admin's browser, and the redirect to the authorize page
      HttpRouter.get(
        "/install",
        Effect.flatMap(oauth.makeState, (state) =>
          HttpServerResponse.redirect(oauth.authorizeUrl(state)).pipe(
            HttpServerResponse.setCookie("intercom_oauth_state", state, { httpOnly: true, path: "/callback" })
          ))
      ),
      // 2. the state checked against the cookie, the code exchanged, the workspace's first call with its token
      HttpRouter.get(
        "/callback",
        Effect.gen(function*() {
          const request = yield* HttpServerRequest.HttpServerRequest
          const token = yield* oauth.callback(
            new URL(request.url, appUrl),
            request.cookies["intercom_oauth_state"] ?? ""
          )
          const me = yield* intercom.admins.identify().pipe(OAuth.withToken(token))
          // store Redacted.value(token.accessToken) and token.region (encrypted) for the workspace's later calls
          return HttpServerResponse.text(`Installed in ${me.app?.name} (${token.region}) by ${me.name}`)
        }).pipe(
          Effect.catchTags({
            OAuthError: (error) => HttpServerResponse.text(`Not installed: ${error.message}`, { status: 400 })
          })
        )
      )
    )
  })

/** The two servers on 127.0.0.1, then an admin's browser walking the install: a redirect at a time. */
export const program = Effect.gen(function*() {
  // the fake Intercom's server, open until the program's scope closes
  const fake = yield* Layer.build(
    FakeIntercom.layerServer({ oauth: { clientId, clientSecret }, seed: FakeIntercom.smallSeed })
  )
  const intercomUrl = yield* Effect.provide(FakeIntercom.serverUrl, fake)
  const server = yield* HttpServer.HttpServer
  const appUrl = `http://127.0.0.1:${(server.address as HttpServer.TcpAddress).port}`
  const router = yield* app(appUrl, intercomUrl).pipe(
    // one layer for every workspace, with no token of its own: each call gets its workspace's (OAuth.withToken)
    Effect.provide(Intercom.layer({ baseUrl: intercomUrl }))
  )
  yield* HttpServer.serveEffect(router)
  yield* Console.log(`The app is on ${appUrl}, the fake Intercom on ${intercomUrl}`)

  let url = `${appUrl}/install`
  let cookie = ""
  for (let hop = 0; hop < 5; hop++) {
    const response = yield* Effect.promise(() => fetch(url, { redirect: "manual", headers: { cookie } }))
    const location = response.headers.get("location")
    const setCookie = response.headers.get("set-cookie")
    if (setCookie !== null) cookie = setCookie.split(";")[0]
    const shown = new URL(url)
    yield* Console.log(`${response.status} ${shown.origin}${shown.pathname}`)
    if (location === null) {
      yield* Console.log(yield* Effect.promise(() => response.text()))
      return
    }
    url = new URL(location, url).toString()
  }
}).pipe(
  Effect.scoped,
  Effect.provide(
    Layer.merge(NodeHttpServer.layerServer(() => createServer(), { port: 0, host: "127.0.0.1" }), FetchHttpClient.layer)
  ),
  Effect.timeout("10 seconds")
)

if (isMain(import.meta.url)) program.pipe(NodeRuntime.runMain)
