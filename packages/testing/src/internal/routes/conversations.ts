/**
 * Conversations: list (cursor), create, find (with parts), update, delete,
 * search, reply (admin or contact), manage (close, snooze, open, assign),
 * attach and detach contacts, tag and untag.
 */
import * as Conversations from "@effect-intercom/client/stable/Conversations"
import * as Tags from "@effect-intercom/client/stable/Tags"
import * as UnstableConversations from "@effect-intercom/client/unstable/Conversations"
import type * as UnstableSchemas from "@effect-intercom/client/unstable/Schemas"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import * as Search from "../search.js"
import type { AdminRecord, ContactRecord, ConversationRecord, PartRecord, Store } from "../store.js"
import * as Wire from "../wire.js"
import { contactNotFound } from "./contacts.js"

const conversationNotFound = () => Http.notFound("Resource Not Found")
const conversationNotFoundForTags = () => Http.notFound("Conversation not found")

const conversationLanguage: Search.Language<ConversationRecord> = (() => {
  const s = (get: (c: ConversationRecord) => unknown, words = false): Search.Field<ConversationRecord> => ({
    type: "string",
    get,
    ...(words ? { words } : {})
  })
  const d = (get: (c: ConversationRecord) => unknown): Search.Field<ConversationRecord> => ({ type: "date", get })
  const i = (get: (c: ConversationRecord) => unknown): Search.Field<ConversationRecord> => ({ type: "integer", get })
  const b = (get: (c: ConversationRecord) => unknown): Search.Field<ConversationRecord> => ({ type: "boolean", get })
  const fields: Record<string, Search.Field<ConversationRecord>> = {
    id: s((c) => c.id),
    created_at: d((c) => c.created_at),
    updated_at: d((c) => c.updated_at),
    "source.type": s((c) => c.source.type),
    "source.id": s((c) => c.source.id),
    "source.delivered_as": s((c) => c.source.delivered_as),
    "source.subject": s((c) => c.source.subject),
    "source.body": s((c) => c.source.body, true),
    "source.author.id": s((c) => c.source.author.id),
    "source.author.type": s((c) => c.source.author.type),
    "source.author.name": s((c) => c.source.author.name),
    "source.author.email": s((c) => c.source.author.email),
    "source.url": s(() => null),
    contact_ids: s((c) => c.contact_ids),
    teammate_ids: s((c) => c.teammate_ids),
    admin_assignee_id: s((c) => (c.admin_assignee_id === null ? null : String(c.admin_assignee_id))),
    team_assignee_id: s((c) => c.team_assignee_id),
    channel_initiated: s((c) => (c.source.delivered_as === "customer_initiated" ? "customer" : "admin")),
    open: b((c) => c.state !== "closed"),
    read: b((c) => c.read),
    state: s((c) => c.state),
    waiting_since: d((c) => c.waiting_since),
    snoozed_until: d((c) => c.snoozed_until),
    tag_ids: s((c) => c.tag_ids),
    priority: s((c) => c.priority),
    "statistics.time_to_admin_reply": i((
      c
    ) => (c.first_admin_reply_at === null ? null : c.first_admin_reply_at - c.created_at)),
    "statistics.time_to_first_close": i((c) => (c.last_close_at === null ? null : c.last_close_at - c.created_at)),
    "statistics.first_contact_reply_at": d((c) => c.first_contact_reply_at),
    "statistics.first_admin_reply_at": d((c) => c.first_admin_reply_at),
    "statistics.last_close_at": d((c) => c.last_close_at),
    "statistics.count_reopens": i((c) => c.count_reopens),
    "statistics.count_assignments": i((c) => c.count_assignments),
    "statistics.count_conversation_parts": i((c) => c.parts.length + 1),
    "conversation_rating.score": i((c) => c.rating?.score ?? null),
    "conversation_rating.remark": s((c) => c.rating?.remark ?? null),
    "conversation_rating.contact_id": s((c) => c.rating?.contact_id ?? null),
    "conversation_rating.admin_d": s((c) => c.rating?.admin_id ?? null),
    "conversation_rating.requested_at": d((c) => c.rating?.created_at ?? null),
    "conversation_rating.replied_at": d((c) => c.rating?.created_at ?? null),
    ai_agent_participated: b(() => false)
  }
  return {
    resource: "conversations",
    comparison: "inclusive",
    field: (name) => {
      if (name.startsWith("custom_attributes.")) {
        const key = name.slice("custom_attributes.".length)
        return { type: "any", get: (c) => c.custom_attributes[key] }
      }
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined
    }
  }
})()

const listBody = (store: Store, page: Pagination.CursorPage<ConversationRecord>) => ({
  type: "conversation.list",
  pages: Pagination.cursorPages(page),
  total_count: page.total,
  conversations: page.items.map((c) => Wire.conversation(store, c, { parts: false }))
})

const withConversation = <A>(
  store: Store,
  id: string | number | undefined,
  f: (conversation: ConversationRecord) => Http.Result<A>,
  notFound: () => Http.Failure = conversationNotFound
): Http.Result<A> => {
  const conversation = id === undefined ? undefined : store.conversations.get(String(id))
  return conversation === undefined ? notFound() : f(conversation)
}

const addPart = (
  store: Store,
  conversation: ConversationRecord,
  now: number,
  part: Omit<PartRecord, "id" | "created_at">
): void => {
  conversation.parts.push({ id: store.nextNumericId("part", 100_000), created_at: now, ...part })
  conversation.updated_at = now
}

const html = (body: string | undefined): string | null =>
  body === undefined || body === "" ? null : body.trim().startsWith("<") ? body : `<p>${body}</p>`

const findContact = (store: Store, fields: Record<string, unknown>): ContactRecord | undefined => {
  if (fields.intercom_user_id !== undefined) return store.contact(fields.intercom_user_id as string)
  if (fields.user_id !== undefined) {
    const id = store.contactsByExternalId.get(String(fields.user_id))
    return id === undefined ? undefined : store.contacts.get(id)
  }
  if (typeof fields.email === "string") {
    for (const contact of store.contacts.values()) if (contact.email === fields.email) return contact
  }
  return undefined
}

const adminOrFail = (store: Store, id: string | number | undefined): AdminRecord | Http.Failure =>
  store.admin(id) ?? Http.notFound("Admin not found", "admin_not_found")

const full = (store: Store, conversation: ConversationRecord) =>
  Http.json(Wire.conversation(store, conversation, { parts: true }))

/** The conversation after a reply, answered and emitted under the reply's topic. */
const replied = (store: Store, conversation: ConversationRecord, topic: string) => {
  const answer = Wire.conversation(store, conversation, { parts: true })
  store.emit(topic, () => answer)
  return Http.json(answer)
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Conversations.listOperation, ({ query, store }) => {
    const page = Pagination.cursorPage(
      [...store.conversations.values()],
      Pagination.perPage(query.get("per_page"), 20),
      query.get("starting_after")
    )
    if (page === undefined) return Pagination.invalidCursor()
    return Http.json(listBody(store, page))
  }),

  Http.route(Conversations.createOperation, ({ input, now, store }) => {
    const contact = store.contact(input.from.id)
    if (contact === undefined) return contactNotFound()
    const id = store.nextNumericId("conversation", 1000)
    const messageId = store.nextNumericId("message", 403_918_000)
    const conversation: ConversationRecord = {
      seq: store.nextSeq(),
      id,
      created_at: input.created_at ?? now,
      updated_at: now,
      waiting_since: now,
      snoozed_until: null,
      title: null,
      state: "open",
      read: false,
      priority: "not_priority",
      admin_assignee_id: null,
      team_assignee_id: null,
      company_id: contact.company_ids[0] ?? null,
      tag_ids: [],
      contact_ids: [contact.id],
      teammate_ids: [],
      custom_attributes: {},
      source: {
        type: "conversation",
        id: messageId,
        delivered_as: "customer_initiated",
        subject: "",
        body: html(input.body) ?? "",
        author: store.authorOfContact(contact)
      },
      parts: [],
      first_contact_reply_at: null,
      first_admin_reply_at: null,
      last_close_at: null,
      count_reopens: 0,
      count_assignments: 0,
      rating: null
    }
    store.conversations.set(id, conversation)
    store.emit("conversation.user.created", () => Wire.conversation(store, conversation, { parts: true }))
    return Http.json({
      type: "user_message",
      id: messageId,
      created_at: conversation.created_at,
      body: input.body,
      message_type: "inapp",
      conversation_id: id
    })
  }),

  Http.route(
    Conversations.findOperation,
    ({ params, store }) => withConversation(store, params.conversation_id, (conversation) => full(store, conversation))
  ),

  Http.route(
    Conversations.updateOperation,
    ({ input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        if (input.read !== undefined) conversation.read = input.read
        if (input.title !== undefined) conversation.title = input.title
        if (input.company_id !== undefined) conversation.company_id = String(input.company_id)
        if (input.custom_attributes !== undefined) {
          for (const [key, value] of Object.entries(input.custom_attributes)) {
            if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
              conversation.custom_attributes[key] = value
            }
          }
        }
        conversation.updated_at = now
        return full(store, conversation)
      })
  ),

  Http.route(
    Conversations.deleteConversationOperation,
    ({ params, store }) =>
      withConversation(store, params.conversation_id, (conversation) => {
        store.conversations.delete(conversation.id)
        return Http.json({ id: conversation.id, object: "conversation", deleted: true })
      })
  ),

  Http.route(
    Conversations.searchOperation,
    ({ body, store }) => {
      const request = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}
      if (request.query === undefined) {
        return Http.fail(422, "parameter_not_found", "query is a required parameter.", "query")
      }
      const compiled = Search.compile(conversationLanguage, request.query)
      if (compiled._tag === "Left") {
        return { _tag: "Failure", status: 422, errors: [compiled.issue] } satisfies Http.Failure
      }
      const pagination = (request.pagination ?? {}) as Record<string, unknown>
      const page = Pagination.cursorPage(
        [...store.conversations.values()].filter(compiled.predicate),
        Pagination.perPage(pagination.per_page, 20),
        typeof pagination.starting_after === "string" ? pagination.starting_after : undefined
      )
      if (page === undefined) return Pagination.invalidCursor()
      return Http.json(listBody(store, page))
    },
    { validate: false }
  ),

  Http.route(
    Conversations.replyOperation,
    ({ body, input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        if (input.type === "admin") {
          const admin = adminOrFail(store, input.admin_id)
          if (Http.isFailure(admin)) return admin
          addPart(store, conversation, now, {
            part_type: input.message_type,
            body: html(input.body),
            assigned_to: null,
            author: store.authorOfAdmin(admin)
          })
          if (input.message_type !== "note") {
            if (conversation.first_admin_reply_at === null) conversation.first_admin_reply_at = now
            conversation.waiting_since = null
            if (!conversation.teammate_ids.includes(admin.id)) conversation.teammate_ids.push(admin.id)
          }
          return replied(store, conversation, "conversation.admin.replied")
        }
        const contact = findContact(store, body as Record<string, unknown>)
        if (contact === undefined) return contactNotFound()
        if (!conversation.contact_ids.includes(contact.id)) {
          return Http.fail(400, "parameter_invalid", "The contact is not part of this conversation")
        }
        const reopened = conversation.state !== "open"
        addPart(store, conversation, now, {
          part_type: reopened ? "open" : "comment",
          body: html(input.body),
          assigned_to: null,
          author: store.authorOfContact(contact)
        })
        if (reopened) conversation.count_reopens++
        conversation.state = "open"
        conversation.snoozed_until = null
        conversation.waiting_since = now
        if (conversation.first_contact_reply_at === null) conversation.first_contact_reply_at = now
        contact.last_replied_at = now
        return replied(store, conversation, "conversation.user.replied")
      })
  ),

  Http.route(
    Conversations.manageOperation,
    ({ input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        const admin = adminOrFail(store, input.admin_id)
        if (Http.isFailure(admin)) return admin
        const author = store.authorOfAdmin(admin)
        switch (input.message_type) {
          case "close":
            addPart(store, conversation, now, { part_type: "close", body: html(input.body), assigned_to: null, author })
            conversation.state = "closed"
            conversation.snoozed_until = null
            conversation.waiting_since = null
            conversation.last_close_at = now
            break
          case "snoozed":
            if (input.snoozed_until <= now) {
              return Http.fail(400, "parameter_invalid", "snoozed_until must be in the future", "snoozed_until")
            }
            addPart(store, conversation, now, { part_type: "snoozed", body: null, assigned_to: null, author })
            conversation.state = "snoozed"
            conversation.snoozed_until = input.snoozed_until
            break
          case "open":
            addPart(store, conversation, now, { part_type: "open", body: null, assigned_to: null, author })
            if (conversation.state !== "open") conversation.count_reopens++
            conversation.state = "open"
            conversation.snoozed_until = null
            break
          case "assignment": {
            const assigneeId = String(input.assignee_id)
            if (input.type === "team") {
              if (assigneeId !== "0" && !store.teams.has(assigneeId)) {
                return Http.notFound("Assignee not found", "assignee_not_found")
              }
              conversation.team_assignee_id = assigneeId === "0" ? null : assigneeId
            } else {
              if (assigneeId !== "0" && !store.admins.has(assigneeId)) {
                return Http.notFound("Assignee not found", "assignee_not_found")
              }
              conversation.admin_assignee_id = assigneeId === "0" ? null : Number(assigneeId)
              if (assigneeId !== "0" && !conversation.teammate_ids.includes(assigneeId)) {
                conversation.teammate_ids.push(assigneeId)
              }
            }
            const reopened = conversation.state !== "open"
            addPart(store, conversation, now, {
              part_type: reopened ? "assign_and_reopen" : "assignment",
              body: html(input.body),
              assigned_to: assigneeId === "0" ? null : { type: input.type, id: assigneeId },
              author
            })
            conversation.state = "open"
            conversation.snoozed_until = null
            conversation.count_assignments++
            break
          }
        }
        return full(store, conversation)
      })
  ),

  Http.route(
    Conversations.attachContactAsAdminOperation,
    ({ input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        const admin = adminOrFail(store, input.admin_id)
        if (Http.isFailure(admin)) return admin
        const contact = input.customer === undefined ? undefined : findContact(store, input.customer)
        if (contact === undefined) return contactNotFound()
        if (!conversation.contact_ids.includes(contact.id)) conversation.contact_ids.push(contact.id)
        addPart(store, conversation, now, {
          part_type: "participant_added",
          body: null,
          assigned_to: null,
          author: store.authorOfAdmin(admin)
        })
        return full(store, conversation)
      })
  ),

  Http.route(
    Conversations.detachContactAsAdminOperation,
    ({ input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        const admin = adminOrFail(store, input.admin_id)
        if (Http.isFailure(admin)) return admin
        const contactId = String(input.contact_id)
        if (!conversation.contact_ids.includes(contactId)) return contactNotFound()
        if (conversation.contact_ids.length === 1) {
          return Http.fail(422, "data_invalid", "Removing the last customer is not allowed")
        }
        conversation.contact_ids = conversation.contact_ids.filter((id) => id !== contactId)
        addPart(store, conversation, now, {
          part_type: "participant_removed",
          body: null,
          assigned_to: null,
          author: store.authorOfAdmin(admin)
        })
        return full(store, conversation)
      })
  ),

  Http.route(
    Tags.tagConversationOperation,
    ({ input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        const admin = adminOrFail(store, input.admin_id)
        if (Http.isFailure(admin)) return admin
        const tag = store.tags.get(String(input.id))
        if (tag === undefined) return Http.notFound("Resource Not Found")
        if (!conversation.tag_ids.includes(tag.id)) conversation.tag_ids.push(tag.id)
        conversation.updated_at = now
        return Http.json(Wire.tag(tag))
      }, conversationNotFoundForTags)
  ),

  Http.route(
    Tags.untagConversationOperation,
    ({ input, now, store }) =>
      withConversation(store, input.conversation_id, (conversation) => {
        const tag = store.tags.get(String(input.tag_id))
        if (tag === undefined || !conversation.tag_ids.includes(tag.id)) {
          return Http.notFound("Tag not found", "tag_not_found")
        }
        conversation.tag_ids = conversation.tag_ids.filter((id) => id !== tag.id)
        conversation.updated_at = now
        return Http.json(Wire.tag(tag))
      }, conversationNotFoundForTags)
  )
]

/** Why a part pauses a teammate's handling of the conversation. */
const PAUSES: Readonly<Record<string, string>> = { snoozed: "Snoozed", close: "Closed" }
/** The parts by which a teammate resumes handling it. */
const RESUMES = new Set(["open", "assign_and_reopen", "comment", "note", "assignment"])

/**
 * A conversation's handling events, from its parts: a teammate pauses
 * handling it by snoozing or closing it, and resumes by reopening it (or
 * replying to it, or assigning it) while paused.
 */
export const handlingEvents = (conversation: ConversationRecord): Array<UnstableSchemas.HandlingEvent> => {
  const events: Array<UnstableSchemas.HandlingEvent> = []
  let paused = false
  for (const part of conversation.parts) {
    if (part.author.type !== "admin") continue
    const teammate = { type: "admin", id: Number(part.author.id), name: part.author.name, email: part.author.email }
    const timestamp = new Date(part.created_at * 1000).toISOString().replace(/\.000Z$/, "Z")
    const reason = PAUSES[part.part_type]
    if (reason !== undefined && !paused) {
      paused = true
      events.push({ teammate, type: "paused", timestamp, reason })
    } else if (paused && RESUMES.has(part.part_type)) {
      paused = false
      events.push({ teammate, type: "resumed", timestamp })
    }
  }
  return events
}

/** The Preview-only routes of conversations: handling events. */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  Http.route(
    UnstableConversations.listHandlingEventsOperation,
    ({ input, store }) =>
      withConversation(store, input.id, (conversation) => Http.json({ handling_events: handlingEvents(conversation) }))
  )
]
