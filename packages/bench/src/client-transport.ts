/**
 * Diagnostic, in its own module so that its process loads no client code: the
 * Effect transport floor, `@effect/platform`'s `HttpClient` over
 * `NodeHttpClient.layerUndici` + `JSON.parse`, no client, no decoding.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { check, type Client, contactId, token } from "./clients.js"
import { effectCalls } from "./effect-calls.js"

/**
 * Diagnostic: the Effect transport floor, `HttpClient` over undici + `JSON.parse`, no decoding.
 * A batch, or a whole listing (cursor pagination by hand, as raw fetch does), runs as one `Effect`
 * through a `ManagedRuntime`.
 */
export const effectTransportClient = (baseUrl: string): Client => {
  const runtime = ManagedRuntime.make(NodeHttpClient.layerUndici)
  const headers = { authorization: `Bearer ${token}`, accept: "application/json", "intercom-version": "2.14" }
  const find = Effect.flatMap(
    HttpClient.HttpClient,
    (client) =>
      client.get(`${baseUrl}/contacts/${contactId}`, { headers }).pipe(
        Effect.flatMap((response) => response.text),
        Effect.map((text) => {
          const body = JSON.parse(text)
          check(body)
          return body
        })
      )
  )
  return {
    name: "effect HttpClient + JSON.parse",
    ...effectCalls(runtime, find),
    // Cursor pagination by hand, exactly as `client-fetch.ts` does it: the floor of any Effect client for S3.
    iterate: (limit, perPage) =>
      runtime.runPromise(Effect.gen(function*() {
        const client = yield* HttpClient.HttpClient
        let count = 0
        let cursor: string | undefined
        for (let guard = 0; guard < 100_000; guard++) {
          const url = `${baseUrl}/contacts?per_page=${perPage}` + (cursor ? `&starting_after=${cursor}` : "")
          const response = yield* client.get(url, { headers })
          const body = JSON.parse(yield* response.text)
          for (const contact of body.data) {
            check(contact)
            if (++count >= limit) return count
          }
          cursor = body.pages?.next?.starting_after
          if (!cursor) break
        }
        return count
      })),
    close: () => runtime.dispose()
  }
}
