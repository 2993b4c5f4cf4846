/**
 * Conversation actions on the fake's conversations: redact a part or the
 * source message, convert to a ticket, run the assignment rules.
 *
 * The assignment rules of the fake workspace: an unassigned conversation
 * goes to the first team, and to the member of that team with the fewest
 * open conversations (ties: the lowest id); an assigned one is left as it is.
 */
import * as Conversations from "@effect-intercom/client/stable/Conversations"
import * as Http from "../http.js"
import type { ConversationRecord, Store, TicketRecord } from "../store.js"
import * as Wire from "../wire.js"
import * as Tickets from "./tickets.js"

const REDACTED = "<p><i>This message was deleted</i></p>"

const conversationNotFound = () => Http.notFound("Conversation not found", "conversation_not_found")
const partNotFound = () =>
  Http.notFound("Conversation part or message not found", "conversation_part_or_message_not_found")
const notRedactable = () =>
  Http.fail(400, "conversation_part_not_redactable", "This conversation part or message cannot be redacted")

const full = (store: Store, conversation: ConversationRecord) =>
  Http.json(Wire.conversation(store, conversation, { parts: true }))

const isContactAuthor = (type: string): boolean => type === "user" || type === "lead" || type === "contact"

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Conversations.redactConversationPartOperation, ({ input, now, store }) => {
    const conversation = store.conversations.get(String(input.conversation_id))
    if (conversation === undefined) return partNotFound()
    if (input.type === "conversation_part") {
      const index = conversation.parts.findIndex((p) => p.id === String(input.conversation_part_id))
      if (index < 0) return partNotFound()
      const part = conversation.parts[index]
      if (part.body === null || part.body === "") return notRedactable()
      conversation.parts[index] = { ...part, body: REDACTED, redacted: true }
    } else {
      if (conversation.source.id !== String(input.source_id)) return partNotFound()
      if (!isContactAuthor(conversation.source.author.type)) return notRedactable()
      conversation.source = { ...conversation.source, body: REDACTED, redacted: true }
    }
    conversation.updated_at = now
    return full(store, conversation)
  }),

  Http.route(Conversations.convertToTicketOperation, ({ body, input, now, store }) => {
    const conversation = store.conversations.get(String(input.conversation_id))
    if (conversation === undefined) return conversationNotFound()
    const type = store.ticketTypes.get(String(input.ticket_type_id))
    if (type === undefined || type.archived) {
      return Http.fail(400, "parameter_invalid", "ticket_type_id is not a ticket type", "ticket_type_id")
    }
    if (type.category !== "Customer") {
      return Http.fail(400, "parameter_invalid", "Ticket type is not a customer ticket type", "ticket_type_id")
    }
    const submitted = [...store.ticketStates.values()].find((s) => s.category === "submitted")!
    const source = conversation.source
    const ticket: TicketRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("ticket", 600),
      ticket_id: String(store.tickets.size + 1),
      ticket_type_id: type.id,
      ticket_attributes: {
        _default_title_: conversation.title ?? (source.subject === "" ? null : source.subject),
        ...Tickets.attributes(Tickets.isRecord(body) ? body.attributes : undefined)
      },
      state_id: submitted.id,
      contact_ids: [...conversation.contact_ids],
      admin_assignee_id: conversation.admin_assignee_id === null ? "0" : String(conversation.admin_assignee_id),
      team_assignee_id: conversation.team_assignee_id ?? "0",
      company_id: conversation.company_id,
      created_at: conversation.created_at,
      updated_at: now,
      open: true,
      snoozed_until: null,
      is_shared: true,
      tag_ids: [...conversation.tag_ids],
      parts: [
        {
          id: store.nextNumericId("ticket_part", 170),
          part_type: "comment",
          body: source.body,
          previous_ticket_state: null,
          ticket_state: null,
          created_at: conversation.created_at,
          author: source.author
        },
        Tickets.submittedPart(store, now)
      ]
    }
    store.tickets.set(ticket.id, ticket)
    return Http.json(Wire.ticket(store, ticket))
  }),

  Http.route(Conversations.runAssignmentRulesOperation, ({ now, params, store }) => {
    const conversation = store.conversations.get(params.conversation_id)
    if (conversation === undefined) return conversationNotFound()
    const team = store.teams.values().next().value
    if (conversation.admin_assignee_id !== null || conversation.team_assignee_id !== null || team === undefined) {
      return full(store, conversation)
    }
    const load = new Map<number, number>(team.admin_ids.map((id) => [id, 0]))
    for (const c of store.conversations.values()) {
      if (c.state === "open" && c.admin_assignee_id !== null && load.has(c.admin_assignee_id)) {
        load.set(c.admin_assignee_id, load.get(c.admin_assignee_id)! + 1)
      }
    }
    const adminId = [...load.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]?.[0]
    conversation.team_assignee_id = team.id
    if (adminId !== undefined) {
      conversation.admin_assignee_id = adminId
      if (!conversation.teammate_ids.includes(String(adminId))) conversation.teammate_ids.push(String(adminId))
    }
    conversation.parts.push({
      id: store.nextNumericId("part", 100_000),
      part_type: "default_assignment",
      body: null,
      created_at: now,
      assigned_to: adminId === undefined ? { type: "team", id: team.id } : { type: "admin", id: String(adminId) },
      author: { type: "bot", id: "0", name: "Operator", email: null }
    })
    conversation.count_assignments++
    conversation.updated_at = now
    return full(store, conversation)
  })
]
