/**
 * Messages (`POST /messages`): a message from a user or lead starts a
 * conversation, as `POST /conversations` does; an admin's in-app message or
 * email is an outbound message to the contact (its `last_contacted_at`), and
 * starts a conversation when `create_conversation_without_contact_reply` is
 * set; an admin's `conversation` message starts a conversation with every
 * recipient.
 *
 * WhatsApp message status (Preview only, `GET /messages/status`): the
 * statuses of an admin's WhatsApp message (`message_type: "whatsapp"`, its id
 * is the `ruleset_id`), one event per recipient, which advances with the
 * clock: `sent`, `delivered` 5 seconds later, `read` after a minute (`failed`
 * at once for a contact without a phone number). Any other `ruleset_id` has no
 * events (an empty list: the spec documents no 404).
 */
import * as Conversations from "@effect-intercom/client/stable/Conversations"
import * as Messages from "@effect-intercom/client/stable/Messages"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as UnstableMessages from "@effect-intercom/client/unstable/Messages"
import type * as UnstableSchemas from "@effect-intercom/client/unstable/Schemas"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { AdminRecord, ContactRecord, ConversationRecord, MessageRecord, Store } from "../store.js"
import * as ConversationRoutes from "./conversations.js"

const createConversationRoute = ConversationRoutes.routes.find((r) => r.operation === Conversations.createOperation)!

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Start a conversation from a contact, with the handler of
 * `POST /conversations` (the same records, ids and side effects).
 */
export const startConversation = (
  store: Store,
  now: number,
  origin: string,
  contact: ContactRecord,
  body: string
): ConversationRecord => {
  const input = { from: { type: contact.role, id: contact.id }, body }
  const result = createConversationRoute.handle({
    store,
    now,
    params: {},
    query: new URLSearchParams(),
    input,
    body: input,
    origin
  })
  if (result._tag !== "Json" || !isRecord(result.body)) throw new Error("FakeIntercom: could not start a conversation")
  return store.conversations.get(String(result.body.conversation_id))!
}

const html = (body: string): string => body.trim().startsWith("<") ? body : `<p>${body}</p>`

const ownerOf = (admin: AdminRecord) => ({
  type: "admin",
  id: admin.id,
  name: admin.name,
  email: admin.email,
  away_mode_enabled: admin.away_mode_enabled,
  away_mode_reassign: admin.away_mode_reassign
})

type Recipient = { readonly type: string; readonly id: string | number }

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Messages.createOperation, ({ input, now, origin, store }) => {
    if (input.from.type !== "admin") {
      // a user or lead writes in: a conversation, as `POST /conversations`
      const contact = store.contact(input.from.id)
      if (contact === undefined) return Http.notFound("User Not Found")
      if (typeof input.body !== "string" || input.body.trim() === "") {
        return Http.fail(400, "parameter_invalid", "Body is required", "body")
      }
      const conversation = startConversation(store, now, origin, contact, input.body)
      return Http.json<Schemas.Message>({
        type: "user_message",
        id: conversation.source.id,
        created_at: conversation.created_at,
        body: input.body,
        message_type: "inapp",
        conversation_id: conversation.id
      })
    }
    const admin = store.admin(input.from.id)
    if (admin === undefined) return Http.notFound("Admin not found", "admin_not_found")
    const fields = input as typeof input & {
      readonly message_type?: string
      readonly subject?: string
      readonly to: Recipient | ReadonlyArray<Recipient>
      readonly cc?: ReadonlyArray<Recipient>
      readonly created_at?: number
      readonly create_conversation_without_contact_reply?: boolean
      readonly template?: string
    }
    // the Preview's template messages may come without a body
    if (typeof input.body !== "string" || input.body.trim() === "") {
      return Http.fail(400, "parameter_invalid", "Body is required", "body")
    }
    // both spellings of the in-app type are accepted (`patches.ts`); a message reads back as `inapp`
    const messageType = fields.message_type === undefined || fields.message_type === "in_app"
      ? "inapp"
      : fields.message_type
    const recipients = [...(Array.isArray(fields.to) ? fields.to : [fields.to]), ...(fields.cc ?? [])]
    const contacts: Array<ContactRecord> = []
    for (const recipient of recipients as ReadonlyArray<Recipient>) {
      const contact = store.contact(recipient.id)
      if (contact === undefined) return Http.notFound("User Not Found")
      if (!contacts.includes(contact)) contacts.push(contact)
    }
    const createdAt = fields.created_at ?? now
    const author = store.authorOfAdmin(admin)
    const subject = messageType === "email" ? fields.subject ?? null : null
    let conversationId: string | null = null
    if (messageType === "conversation" || fields.create_conversation_without_contact_reply === true) {
      const conversation = startConversation(store, now, origin, contacts[0], input.body)
      conversation.source = {
        ...conversation.source,
        type: messageType === "email" ? "email" : "conversation",
        delivered_as: "admin_initiated",
        subject: subject ?? "",
        body: html(input.body),
        author
      }
      conversation.created_at = createdAt
      conversation.waiting_since = null
      conversation.read = true
      conversation.contact_ids = contacts.map((c) => c.id)
      conversation.teammate_ids = [admin.id]
      conversationId = conversation.id
    }
    for (const contact of contacts) contact.last_contacted_at = createdAt
    const id = store.nextNumericId("admin_message", 10)
    store.messages.set(id, {
      id,
      message_type: messageType,
      subject,
      body: input.body,
      admin_id: admin.id,
      contact_ids: contacts.map((c) => c.id),
      created_at: createdAt,
      conversation_id: conversationId,
      template: typeof fields.template === "string" ? fields.template : null
    })
    const message = {
      type: "admin_message",
      id,
      created_at: createdAt,
      ...(subject === null ? {} : { subject }),
      body: input.body,
      message_type: messageType,
      ...(conversationId === null ? {} : { conversation_id: conversationId }),
      owner: ownerOf(admin)
    }
    return Http.json<Schemas.Message>(message)
  })
]

/**
 * The Preview's schema names the in-app message type `in_app` (its examples
 * and 2.14: `inapp`; both are accepted, `patches.ts`); its SMS
 * and WhatsApp messages to a phone number find no contact (404).
 */
export const previewAdapters: Readonly<Record<string, Http.PreviewAdapter>> = {
  "unstable.messages.createMessage": {
    body: (body) => isRecord(body) && body.message_type === "in_app" ? { ...body, message_type: "inapp" } : body
  }
}

type StatusEvent = NonNullable<UnstableSchemas.WhatsappMessageStatusList["events"]>[number]

const DELIVERED_AFTER = 5
const READ_AFTER = 60

/** The status events of a WhatsApp message at `now`, one per recipient. */
const statusEvents = (
  store: Store,
  now: number,
  message: MessageRecord
): Array<StatusEvent & { readonly seq: number; readonly user_id: string }> =>
  message.contact_ids.map((contactId, i) => {
    const contact = store.contacts.get(contactId)
    const elapsed = now - message.created_at
    const [status, updatedAt] = contact === undefined || contact.phone === null
      ? ["failed", message.created_at] as const
      : elapsed >= READ_AFTER
      ? ["read", message.created_at + READ_AFTER] as const
      : elapsed >= DELIVERED_AFTER
      ? ["delivered", message.created_at + DELIVERED_AFTER] as const
      : ["sent", message.created_at] as const
    return {
      seq: i + 1,
      id: `${message.id}-${contactId}`,
      conversation_id: message.conversation_id,
      user_id: contactId,
      status,
      type: "broadcast_outbound",
      created_at: message.created_at,
      updated_at: updatedAt,
      whatsapp_message_id: `wamid_${message.id}_${i + 1}`,
      template_name: message.template ?? null
    }
  })

/** The Preview-only routes of messages: WhatsApp message status. */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  Http.route(UnstableMessages.getWhatsAppMessageStatusOperation, ({ now, query, store }) => {
    const rulesetId = query.get("ruleset_id")
    if (rulesetId === null || rulesetId.trim() === "") {
      return Http.fail(400, "parameter_not_found", "ruleset_id is required", "ruleset_id")
    }
    const perPage = query.get("per_page") === null ? 50 : Number(query.get("per_page"))
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      return Http.fail(400, "parameter_invalid", "per_page must be an integer between 1 and 100", "per_page")
    }
    const message = store.messages.get(rulesetId)
    const events = message === undefined || message.message_type !== "whatsapp" ? [] : statusEvents(store, now, message)
    const page = Pagination.cursorPage(events, perPage, query.get("starting_after"))
    if (page === undefined) return Pagination.invalidCursor()
    return Http.json<UnstableSchemas.WhatsappMessageStatusList>({
      type: "list",
      ruleset_id: rulesetId,
      pages: {
        type: "pages",
        per_page: page.perPage,
        total_pages: page.totalPages,
        ...(page.next === undefined ? {} : { next: { starting_after: page.next } })
      },
      total_count: page.total,
      events: page.items.map(({ seq: _seq, ...event }) => event)
    })
  })
]
