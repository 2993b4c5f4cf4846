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
    sequential: (n) =>
      runtime.runPromise(Effect.gen(function*() {
        const out = new Float64Array(n)
        for (let i = 0; i < n; i++) {
          const t = performance.now()
          yield* find
          out[i] = performance.now() - t
        }
        return out
      })),
    concurrent: (n, concurrency) =>
      runtime.runPromise(
        Effect.forEach(
          Array.from({ length: n }),
          () => find.pipe(Effect.as(0), Effect.orElseSucceed(() => 1)),
          { concurrency }
        ).pipe(Effect.map((results) => results.reduce((a, b) => a + b, 0)))
      ),
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
