/**
 * Phone call redirects (`POST /phone_call_redirects`): an SMS with a link to
 * the Messenger for a phone number in E.164 form (another is a 400). The
 * custom attributes go to the contact with that number (a lead is created
 * when there is none).
 */
import * as PhoneCallRedirects from "@effect-intercom/client/stable/PhoneCallRedirects"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as Http from "../http.js"
import { type ContactRecord, newContact } from "../store.js"

const E164 = /^\+[1-9]\d{6,14}$/

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(PhoneCallRedirects.createOperation, ({ input, now, store }) => {
    const phone = input.phone.replace(/[\s()-]/g, "")
    if (!E164.test(phone)) return Http.fail(400, "invalid_phone_number", "Invalid phone number", "phone")
    let contact: ContactRecord | undefined
    for (const candidate of store.contacts.values()) {
      if (candidate.phone === phone) {
        contact = candidate
        break
      }
    }
    if (contact === undefined) {
      contact = { ...newContact(store, now), role: "lead", phone }
      store.contacts.set(contact.id, contact)
    }
    if (input.custom_attributes !== undefined) {
      contact.custom_attributes = { ...contact.custom_attributes, ...input.custom_attributes }
      contact.updated_at = now
    }
    const n = store.phoneCallRedirects.length + 1
    const url = `https://via.fake-intercom.test/msgr/${store.workspaceId}-${String(n).padStart(6, "0")}`
    store.phoneCallRedirects.push({ phone, contact_id: contact.id, url })
    // `url` is sent by the API (the spec's example), not in the schema
    const extra = { url }
    const wire: Schemas.PhoneSwitch = { type: "phone_call_redirect", phone }
    return Http.json({ ...wire, ...extra })
  })
]
