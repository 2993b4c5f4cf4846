/**
 * The fake Intercom as a real HTTP server on 127.0.0.1, for tools that are
 * not Effect (curl, another SDK, a browser): it runs until Ctrl-C.
 *
 *   pnpm --filter @effect-intercom/examples fake-server          # a free port
 *   PORT=8787 pnpm --filter @effect-intercom/examples fake-server
 */
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { isMain } from "./support/Example.js"

export const TOKEN = "fake-intercom-token"

export const layer = (port = 0) => FakeIntercom.layerServer({ port, token: TOKEN })

/** Say where the server is and how to use it. */
export const announce = Effect.gen(function*() {
  const url = yield* FakeIntercom.serverUrl
  yield* Console.log(`The fake Intercom is listening on ${url} (token: ${TOKEN})`)
  yield* Console.log(`  curl -H "Authorization: Bearer ${TOKEN}" ${url}/me`)
  yield* Console.log(
    `  INTERCOM_TOKEN=${TOKEN} INTERCOM_BASE_URL=${url} pnpm --filter @effect-intercom/examples quickstart`
  )
  return url
})

if (isMain(import.meta.url)) {
  announce.pipe(
    Effect.zipRight(Console.log("Ctrl-C to stop.")),
    Effect.zipRight(Effect.never),
    Effect.provide(layer(Number(process.env.PORT ?? 0))),
    NodeRuntime.runMain
  )
}
