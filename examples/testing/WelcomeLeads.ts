/**
 * A small program of our own, to test: welcome a new lead once. A lead that
 * is not tagged "welcomed" gets a note from the admin behind the token and
 * the tag; a user, or a lead welcomed before, is left alone.
 *
 * See `WelcomeLeads.test.ts` for its tests, with a mock of the `Intercom`
 * service and with the fake Intercom.
 */
import { Intercom } from "@effect-intercom/client"
import { Effect } from "effect"

export type Outcome = "welcomed" | "already-welcomed" | "not-a-lead"

export const TAG = "welcomed"

export const welcome = (contactId: string) =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const contact = yield* intercom.contacts.find({ contact_id: contactId })
    if (contact.role !== "lead") return "not-a-lead" as Outcome
    const tags = yield* intercom.contacts.listAttachedTags({ contact_id: contactId })
    if ((tags.data ?? []).some((tag) => tag.name === TAG)) return "already-welcomed" as Outcome

    const me = yield* intercom.admins.identify()
    yield* intercom.notes.create({
      contact_id: contactId,
      admin_id: me.id!,
      body: `Welcome aboard, ${contact.name ?? "friend"}!`
    })
    const tag = yield* intercom.tags.create({ name: TAG })
    yield* intercom.tags.tagContact({ contact_id: contactId, id: tag.id })
    return "welcomed" as Outcome
  })
