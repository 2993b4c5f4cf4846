/**
 * Bulk-tag contacts under the rate limit: tag every contact on the
 * enterprise plan "enterprise-plan", 10 requests at a time.
 *
 * The client keeps under Intercom's rate limit by itself: its rate limiter
 * holds requests back when `X-RateLimit-Remaining` runs out, and a 429 that
 * slips through is retried after `X-RateLimit-Reset` by its retry policy. The
 * program just says how much concurrency it wants. Against the fake, the limit
 * is tightened to 50 requests a second to make that visible.
 *
 *   pnpm --filter @effect-intercom/examples bulk-tag
 *   INTERCOM_TOKEN=... INTERCOM_ALLOW_WRITES=1 pnpm --filter @effect-intercom/examples bulk-tag
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as Clock from "effect/Clock"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { isMain, run } from "./support/Example.js"

export interface Options {
  readonly plan: string
  readonly tag: string
  /** Requests in flight at once. */
  readonly concurrency: number
  /** Tag at most this many contacts. */
  readonly max: number
}

export const program = (options: Options) =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const started = yield* Clock.currentTimeMillis
    // `tags.create` returns the existing tag of that name, if there is one
    const tag = yield* intercom.tags.create({ name: options.tag })

    const tagged = yield* intercom.contacts.searchStream({
      query: { field: "custom_attributes.plan", operator: "=", value: options.plan },
      pagination: { per_page: 150 }
    }).pipe(
      Stream.take(options.max),
      Stream.mapEffect((contact) => intercom.tags.tagContact({ contact_id: contact.id!, id: tag.id }), {
        concurrency: options.concurrency
      }),
      Stream.runCount
    )

    const seconds = ((yield* Clock.currentTimeMillis) - started) / 1000
    yield* Console.log(`Tagged ${tagged} contacts on the ${options.plan} plan "${tag.name}" in ${seconds.toFixed(1)} s`)

    // Only when running against the fake: what it saw.
    const fake = yield* Effect.serviceOption(FakeIntercom.FakeIntercom)
    if (Option.isSome(fake)) {
      const exchanges = yield* fake.value.exchanges
      const limited = exchanges.filter((e) => e.status === 429).length
      yield* Console.log(
        `The fake answered ${exchanges.length} requests, ${limited} of them with a 429 (retried by the client)`
      )
    }
    return tagged
  })

if (isMain(import.meta.url)) {
  run(program({ plan: "enterprise", tag: "enterprise-plan", concurrency: 10, max: 300 }), {
    writes: true,
    fake: { rateLimit: { limit: 50, windowMillis: 1000 } }
  })
}
