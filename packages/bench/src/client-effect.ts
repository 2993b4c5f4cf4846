/**
 * Ours: `Intercom.layer` with `NodeHttpClient.layerUndici`, default settings.
 * A batch runs as one `Effect` through a `ManagedRuntime`.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Intercom from "../../client/src/Intercom.js"
import { check, type Client, contactId, token } from "./clients.js"
import { effectCalls } from "./effect-calls.js"

export const effectClient = (baseUrl: string, bare = false): Client => {
  const runtime = ManagedRuntime.make(
    Intercom.layer({
      token: Redacted.make(token),
      baseUrl,
      ...(bare ? { retry: false, rateLimiter: false } : {})
    }).pipe(Layer.provide(NodeHttpClient.layerUndici))
  )
  const find = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: contactId })).pipe(
    Effect.tap((contact) => Effect.sync(() => check(contact as { email?: string | null })))
  )
  return {
    name: bare ? "effect-intercom (no retry, no limiter)" : "effect-intercom",
    ...effectCalls(runtime, find),
    iterate: (limit, perPage) =>
      runtime.runPromise(
        Effect.flatMap(Intercom.Intercom, (intercom) =>
          intercom.contacts.listStream({ per_page: perPage }).pipe(
            Stream.take(limit),
            Stream.runFold(0, (count, contact) => {
              check(contact as { email?: string | null })
              return count + 1
            })
          ))
      ),
    close: () => runtime.dispose()
  }
}
