/**
 * Testing a program that uses Intercom, two ways:
 *
 * - with `IntercomMock.layerTest`: give only the methods the test needs, as
 *   functions returning Effects, and check the calls; a method the program
 *   calls but the test did not give dies, naming it;
 * - with `FakeIntercom.layerIntercom`: a stateful in-memory Intercom behind
 *   the real client (real requests, real decoding, no network), then check
 *   the state it ends in.
 *
 *   pnpm --filter @effect-intercom/examples testing
 */
import { Intercom } from "@effect-intercom/client"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TAG, welcome } from "./WelcomeLeads.js"

describe("welcome, with the mock layer", () => {
  const lead: Schemas.Contact = { type: "contact", id: "lead-1", role: "lead", name: "Ada" }

  it.effect("notes and tags a new lead", () => {
    const calls: Array<string> = []
    const mock = IntercomMock.layerTest({
      admins: { identify: () => Effect.succeed({ type: "admin", id: "7" }) },
      contacts: {
        find: () => Effect.succeed(lead),
        listAttachedTags: () => Effect.succeed({ type: "list", data: [] })
      },
      notes: {
        create: (input) =>
          Effect.sync(() => {
            calls.push(`note by ${input.admin_id}: ${input.body}`)
            return { type: "note", id: "n1" }
          })
      },
      tags: {
        create: ({ name }) => Effect.succeed({ type: "tag", id: "t1", name }),
        tagContact: ({ contact_id, id }) =>
          Effect.sync(() => {
            calls.push(`tag ${id} on ${contact_id}`)
            return { type: "tag", id: String(id), name: TAG }
          })
      }
    })
    return Effect.gen(function*() {
      assert.strictEqual(yield* welcome("lead-1"), "welcomed")
      assert.deepStrictEqual(calls, ["note by 7: Welcome aboard, Ada!", "tag t1 on lead-1"])
    }).pipe(Effect.provide(mock))
  })

  it.effect("leaves a welcomed lead alone: it never writes", () =>
    Effect.gen(function*() {
      // notes.create and tags.* are not given: had the program called them, the test would die naming them
      assert.strictEqual(yield* welcome("lead-1"), "already-welcomed")
    }).pipe(
      Effect.provide(IntercomMock.layerTest({
        contacts: {
          find: () => Effect.succeed(lead),
          listAttachedTags: () => Effect.succeed({ type: "list", data: [{ type: "tag", id: "t1", name: TAG }] })
        }
      }))
    ))
})

describe("welcome, with the fake Intercom", () => {
  it.effect("welcomes a lead once, and the fake's state shows it", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const lead = yield* intercom.contacts.create({ role: "lead", name: "Grace" })
      const user = yield* intercom.contacts.create({ email: "user@example.com" })

      assert.strictEqual(yield* welcome(lead.id!), "welcomed")
      assert.strictEqual(yield* welcome(lead.id!), "already-welcomed")
      assert.strictEqual(yield* welcome(user.id!), "not-a-lead")

      const notes = yield* intercom.notes.list({ contact_id: lead.id! })
      assert.deepStrictEqual(notes.data?.map((note) => note.body), ["<p>Welcome aboard, Grace!</p>"])
      const fake = yield* FakeIntercom.FakeIntercom
      const writes = (yield* fake.exchanges).filter((e) => e.method !== "GET").map((e) => e.operation)
      assert.deepStrictEqual(writes, [
        "contacts.create",
        "contacts.create",
        "notes.create",
        "tags.create",
        "tags.tagContact"
      ])
    }).pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed }))))
})
