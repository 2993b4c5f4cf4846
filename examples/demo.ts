/**
 * A tour of the client, against a fake Intercom started on 127.0.0.1 (no
 * account, no network beyond loopback), or, with `INTERCOM_TOKEN` set, the
 * read-only part of it against your workspace.
 *
 *   pnpm demo                      # from the repository root
 *   INTERCOM_TOKEN=... pnpm demo   # read-only, against the real API
 *
 * The tour: identify the admin, count and stream the contacts with a
 * progress bar, a nested search, then (on the fake only) create a contact,
 * tag it, add a note, reply to a conversation, and watch a 429 being
 * absorbed by the client's retry policy.
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import type * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Retry from "@effect-intercom/client/Retry"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { progressBar } from "./stream-contacts.js"
import { isMain } from "./support/Example.js"

const n = (value: number | null | undefined) => (value ?? 0).toLocaleString("en-US")

const step = (index: number, title: string) => Console.log(`\n[${index}] ${title}`)

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const start = yield* Clock.currentTimeMillis
    const value = yield* effect
    return { value, seconds: ((yield* Clock.currentTimeMillis) - start) / 1000 }
  })

export interface TourOptions {
  /** Stream at most this many contacts (the real API: keep it gentle). */
  readonly maxContacts: number
  /** Run the steps that write (create, tag, note, reply) and the 429 step: the fake only. */
  readonly writes: boolean
}

/** The read-only part: identify, count and stream contacts, a nested search. */
const readOnly = (options: TourOptions) =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom

    yield* step(1, "Who am I? admins.identify()")
    const me = yield* intercom.admins.identify()
    yield* Console.log(`    Signed in as ${me.name} <${me.email}> in workspace "${me.app?.name}"`)

    yield* step(2, "How many contacts? contacts.list({ per_page: 1 }).total_count")
    const total = (yield* intercom.contacts.list({ per_page: 1 })).total_count ?? 0
    yield* Console.log(`    ${n(total)} contacts`)

    const limit = Math.min(total, options.maxContacts)
    yield* step(
      3,
      `Stream ${
        limit === total ? "every contact" : `the first ${n(limit)} contacts`
      }: contacts.listPages({ per_page: 150 })`
    )
    const progress = yield* progressBar("    contacts")
    const { seconds, value: tally } = yield* timed(
      intercom.contacts.listPages({ per_page: 150 }).pipe(
        Stream.mapConcat((page) => page.data ?? []),
        Stream.take(limit),
        Stream.grouped(150),
        Stream.tap((chunk) => progress.advance(chunk.length, limit)),
        Stream.runFold({ users: 0, leads: 0, domains: new Map<string, number>() }, (acc, chunk) => {
          for (const contact of Chunk.toReadonlyArray(chunk)) {
            if (contact.role === "lead") acc.leads++
            else acc.users++
            const domain = contact.email?.split("@")[1]
            if (domain !== undefined) acc.domains.set(domain, (acc.domains.get(domain) ?? 0) + 1)
          }
          return acc
        })
      )
    )
    yield* progress.finish
    const top = [...tally.domains].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([d, c]) => `${d} (${n(c)})`).join(", ")
    yield* Console.log(
      `    ${n(tally.users + tally.leads)} contacts in ${seconds.toFixed(1)} s: ${n(tally.users)} users, ${
        n(tally.leads)
      } leads`
    )
    if (top !== "") yield* Console.log(`    top email domains: ${top}`)

    yield* step(4, "A nested search: (state = open OR state = snoozed) AND (body ~ \"billing\" OR priority = priority)")
    const matches = yield* intercom.conversations.searchPages({
      query: {
        operator: "AND",
        value: [
          {
            operator: "OR",
            value: [{ field: "state", operator: "=", value: "open" }, {
              field: "state",
              operator: "=",
              value: "snoozed"
            }]
          },
          {
            operator: "OR",
            value: [
              { field: "source.body", operator: "~", value: "billing" },
              { field: "priority", operator: "=", value: "priority" }
            ]
          }
        ]
      },
      pagination: { per_page: 5 }
    }).pipe(Stream.take(1), Stream.runHead)
    const first = Option.getOrUndefined(matches)
    yield* Console.log(
      `    ${n(first?.total_count)} conversations match; the first ${first?.conversations?.length ?? 0}:`
    )
    for (const conversation of first?.conversations ?? []) {
      const about = (conversation.source?.body ?? "").replace(/<[^>]*>/g, "").slice(0, 50)
      yield* Console.log(`    - #${conversation.id} [${conversation.state}] ${about}`)
    }
    return me
  })

/** The part that writes, on the fake: create, tag, note, reply, and a 429. */
const writes = (me: { readonly id?: string | null | undefined }) =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const adminId = me.id!

    yield* step(5, "Create a contact: contacts.create({ email, name })")
    const contact = yield* intercom.contacts.create({
      email: "demo@example.com",
      name: "Demo Contact",
      custom_attributes: { plan: "pro" }
    })
    yield* Console.log(`    created ${contact.id} (${contact.role}, ${contact.email})`)

    yield* step(6, "Tag it: tags.create({ name }), tags.tagContact({ contact_id, id })")
    const tag = yield* intercom.tags.create({ name: "demo" })
    yield* intercom.tags.tagContact({ contact_id: contact.id!, id: tag.id })
    const tags = yield* intercom.contacts.listAttachedTags({ contact_id: contact.id! })
    yield* Console.log(`    tags of ${contact.id}: ${(tags.data ?? []).map((t) => t.name).join(", ")}`)

    yield* step(7, "Add a note: notes.create({ contact_id, admin_id, body })")
    const note = yield* intercom.notes.create({ contact_id: contact.id!, admin_id: adminId, body: "Met at the demo" })
    yield* Console.log(`    note ${note.id}: ${note.body}`)

    yield* step(8, "Reply to a conversation: conversations.reply({ conversation_id, type: \"admin\", ... })")
    const open = yield* intercom.conversations.searchStream({ query: { field: "state", operator: "=", value: "open" } })
      .pipe(
        Stream.runHead
      )
    if (Option.isSome(open)) {
      const replied = yield* intercom.conversations.reply({
        conversation_id: open.value.id!,
        message_type: "comment",
        type: "admin",
        admin_id: adminId,
        body: "Thanks for writing in, we are on it!"
      })
      const part = replied.conversation_parts?.conversation_parts?.at(-1)
      yield* Console.log(
        `    conversation #${replied.id} now has ${replied.conversation_parts?.total_count} parts; the last: ${part?.body}`
      )
    }

    // STEP 9: the client's retry policy (Retry) and its 429 handling. The fake
    // answers the next request with 429 (its window is now 5 requests a
    // second): the default policy waits for X-RateLimit-Reset and retries;
    // with Retry.none the same 429 is a typed RateLimitError.
    yield* step(9, "A 429, absorbed by the retry policy")
    const service = yield* Effect.serviceOption(FakeIntercom.FakeIntercom)
    if (Option.isNone(service)) return
    const fake = service.value
    yield* fake.setRateLimit({ limit: 5, windowMillis: 1000 })
    yield* fake.failNext(1, 429)
    const before = (yield* fake.exchanges).length
    const { seconds } = yield* timed(intercom.admins.identify())
    const attempts = (yield* fake.exchanges).slice(before)
    const limited = attempts.filter((e) => e.status === 429).length
    yield* Console.log(
      `    admins.identify() succeeded after ${limited} answer${limited === 1 ? "" : "s"} of 429, in ${
        seconds.toFixed(1)
      } s (waited for X-RateLimit-Reset)`
    )
    yield* fake.failNext(1, 429)
    yield* intercom.admins.identify().pipe(
      Retry.withPolicy(Retry.none),
      Effect.zipRight(Console.log("    without retries: succeeded?")),
      Effect.catchTag("RateLimitError", (error: IntercomError.RateLimitError) =>
        Console.log(
          `    without retries (Retry.none) it is a typed RateLimitError: limit ${error.rateLimit?.limit}, remaining ${error.rateLimit?.remaining}`
        ))
    )
  })

export const program = (options: TourOptions) =>
  Effect.gen(function*() {
    const me = yield* readOnly(options)
    if (options.writes) yield* writes(me)
    else yield* Console.log("\n(The steps that write run against the fake only: unset INTERCOM_TOKEN to see them.)")
    yield* Console.log("\nDone.")
  })

/** The fake of the demo: a real server on 127.0.0.1, and the client over undici. */
export const fakeLayer = Layer.unwrapEffect(
  Effect.map(
    FakeIntercom.serverUrl,
    (url) =>
      Intercom.layer({ token: Redacted.make(FakeIntercom.defaultToken), baseUrl: url }).pipe(
        Layer.provide(NodeHttpClient.layerUndici),
        Layer.tap(() =>
          Console.log(`The fake Intercom is listening on ${url}: 5,000 contacts, 500 companies, 2,000 conversations`)
        )
      )
  )
).pipe(Layer.provideMerge(FakeIntercom.layerServer({ token: FakeIntercom.defaultToken })))

if (isMain(import.meta.url)) {
  const token = process.env.INTERCOM_TOKEN
  const main: Effect.Effect<void, unknown> = token !== undefined && token !== ""
    ? Console.log("INTERCOM_TOKEN is set: the read-only part of the tour, against your workspace.").pipe(
      Effect.zipRight(program({ maxContacts: 1000, writes: false })),
      Effect.provide(Intercom.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici)))
    )
    : program({ maxContacts: Number.POSITIVE_INFINITY, writes: true }).pipe(Effect.provide(fakeLayer))
  main.pipe(
    Effect.catchAll((error) =>
      Console.error(`\nThe tour stopped: ${error instanceof Error ? error.message : String(error)}`).pipe(
        Effect.zipRight(Effect.sync(() => {
          process.exitCode = 1
        }))
      )
    ),
    NodeRuntime.runMain
  )
}
