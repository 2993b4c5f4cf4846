/**
 * Ours: `Intercom.layer` with `NodeHttpClient.layerUndici`, default settings
 * (and the diagnostic variants' options). A batch runs as one `Effect`
 * through a `ManagedRuntime`.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Intercom from "../../client/src/Intercom.js"
import type * as IntercomClient from "../../client/src/IntercomClient.js"
import { check, type Client, contactId, type EffectVariant, token } from "./clients.js"
import { effectCalls } from "./effect-calls.js"

/** The options of each variant of ours: the defaults, and the diagnostic ones (`diagnose.ts`). */
const variantOptions: Record<EffectVariant, Partial<IntercomClient.Options>> = {
  "effect-intercom": {},
  "effect-intercom (no retry, no limiter)": { retry: false, rateLimiter: false },
  "effect-intercom (timeout: false)": { timeout: false }
}

export const effectClient = (baseUrl: string, name: EffectVariant): Client => {
  const runtime = ManagedRuntime.make(
    Intercom.layer({ token: Redacted.make(token), baseUrl, ...variantOptions[name] }).pipe(
      Layer.provide(NodeHttpClient.layerUndici)
    )
  )
  const find = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: contactId })).pipe(
    Effect.tap((contact) => Effect.sync(() => check(contact as { email?: string | null })))
  )
  return {
    name,
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
