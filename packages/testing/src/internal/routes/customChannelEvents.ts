/**
 * Custom channel events: a new conversation on your platform starts an
 * Intercom conversation (the contact found by `external_id`, or created);
 * later messages, quick replies and collected attributes land in it (an
 * unknown `external_conversation_id` is a 404). An `event_id` already
 * processed answers as the first time, without processing it again.
 */
import * as CustomChannelEvents from "@effect-intercom/client/stable/CustomChannelEvents"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as Http from "../http.js"
import { type ContactRecord, type ConversationRecord, newContact, type Store } from "../store.js"
import { startConversation } from "./messages.js"

interface BaseEvent {
  readonly event_id: string | number
  readonly external_conversation_id: string | number
  readonly contact: Schemas.CustomChannelContact
}

const contactOf = (store: Store, now: number, ref: Schemas.CustomChannelContact): ContactRecord => {
  const externalId = String(ref.external_id)
  const id = store.contactsByExternalId.get(externalId)
  const existing = id === undefined ? undefined : store.contacts.get(id)
  if (existing !== undefined) return existing
  const contact: ContactRecord = {
    ...newContact(store, now),
    role: ref.type,
    external_id: externalId,
    name: ref.name ?? null,
    email: ref.email ?? null,
    signed_up_at: ref.type === "user" ? now : null
  }
  store.contacts.set(contact.id, contact)
  store.contactsByExternalId.set(externalId, contact.id)
  return contact
}

const answer = (event: BaseEvent, conversation: ConversationRecord, contact: ContactRecord) => ({
  external_conversation_id: String(event.external_conversation_id),
  conversation_id: conversation.id,
  external_contact_id: String(event.contact.external_id),
  contact_id: contact.id
})

/**
 * Run an event once: a repeated `event_id` gets the first answer. `f` answers
 * the conversation and contact the event is about, or a failure.
 */
const once = (
  store: Store,
  event: BaseEvent,
  f: () => Http.Failure | { readonly conversation: ConversationRecord; readonly contact: ContactRecord }
): Http.Result<Schemas.CustomChannelNotificationResponse> => {
  const key = String(event.event_id)
  const seen = store.customChannelEvents.get(key)
  if (seen !== undefined) return Http.json(seen as Schemas.CustomChannelNotificationResponse)
  const outcome = f()
  if (Http.isFailure(outcome)) return outcome
  const body = answer(event, outcome.conversation, outcome.contact)
  store.customChannelEvents.set(key, body)
  return Http.json(body)
}

/** A message in an existing custom channel conversation, from its contact. */
const inConversation = (
  store: Store,
  now: number,
  event: BaseEvent,
  part: { readonly part_type: string; readonly body: string }
) =>
  once(store, event, () => {
    const id = store.customChannelConversations.get(String(event.external_conversation_id))
    const conversation = id === undefined ? undefined : store.conversations.get(id)
    if (conversation === undefined) return Http.notFound("Conversation not found", "conversation_not_found")
    const contact = contactOf(store, now, event.contact)
    if (!conversation.contact_ids.includes(contact.id)) conversation.contact_ids.push(contact.id)
    conversation.parts.push({
      id: store.nextNumericId("part", 100_000),
      part_type: part.part_type,
      body: part.body,
      created_at: now,
      assigned_to: null,
      author: store.authorOfContact(contact)
    })
    conversation.updated_at = now
    conversation.waiting_since = now
    if (conversation.state !== "open") {
      conversation.state = "open"
      conversation.snoozed_until = null
      conversation.count_reopens++
    }
    contact.last_replied_at = now
    return { conversation, contact }
  })

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(
    CustomChannelEvents.notifyNewConversationOperation,
    ({ input, now, origin, store }) =>
      once(store, input, () => {
        const externalId = String(input.external_conversation_id)
        if (store.customChannelConversations.has(externalId)) {
          return Http.fail(422, "conflict", `A conversation already exists for ${externalId}`)
        }
        const contact = contactOf(store, now, input.contact)
        const conversation = startConversation(
          store,
          now,
          origin,
          contact,
          `<p>New conversation on a custom channel (${escape(externalId)})</p>`
        )
        store.customChannelConversations.set(externalId, conversation.id)
        return { conversation, contact }
      })
  ),

  Http.route(
    CustomChannelEvents.notifyNewMessageOperation,
    ({ input, now, store }) =>
      input.body.trim() === ""
        ? Http.fail(422, "parameter_invalid", "body must not be empty", "body")
        : inConversation(store, now, input, { part_type: "comment", body: `<p>${escape(input.body)}</p>` })
  ),

  Http.route(
    CustomChannelEvents.notifyQuickReplySelectedOperation,
    ({ input, now, store }) =>
      inConversation(store, now, input, {
        part_type: "quick_reply",
        body: `<p>Selected quick reply option ${escape(String(input.quick_reply_option_id))}</p>`
      })
  ),

  Http.route(CustomChannelEvents.notifyAttributeCollectedOperation, ({ input, now, store }) => {
    const result = inConversation(store, now, input, {
      part_type: "attribute_collected",
      body: `<p>${escape(String(input.attribute.id))}: ${escape(input.attribute.value)}</p>`
    })
    if (result._tag === "Json") {
      // the answer is saved on the contact
      const contact = store.contacts.get(result.body.contact_id!)
      if (contact !== undefined) {
        contact.custom_attributes = {
          ...contact.custom_attributes,
          [String(input.attribute.id)]: input.attribute.value
        }
        contact.updated_at = now
      }
    }
    return result
  })
]
