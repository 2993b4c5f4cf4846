/**
 * Tickets (create, get, update, delete, reply, search, tag and untag),
 * ticket types with their attributes, and ticket states.
 */
import * as Tags from "@effect-intercom/client/stable/Tags"
import * as Tickets from "@effect-intercom/client/stable/Tickets"
import * as TicketStates from "@effect-intercom/client/stable/TicketStates"
import * as TicketTypes from "@effect-intercom/client/stable/TicketTypes"
import * as TicketTypeAttributes from "@effect-intercom/client/stable/TicketTypesAttributes"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import * as Search from "../search.js"
import { type ContactRecord, newContact, type Store, type TicketRecord, type TicketTypeRecord } from "../store.js"
import * as Wire from "../wire.js"

const ticketNotFound = () => Http.notFound("Ticket not found", "ticket_not_found")
const ticketTypeNotFound = () => Http.notFound("Resource Not Found")

export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const categoryTerm: Record<string, string> = { Customer: "request", "Back-office": "task", Tracker: "tracker" }

const ticketLanguage = (store: Store): Search.Language<TicketRecord> => {
  const s = (get: (t: TicketRecord) => unknown): Search.Field<TicketRecord> => ({ type: "string", get })
  const d = (get: (t: TicketRecord) => unknown): Search.Field<TicketRecord> => ({ type: "date", get })
  const fields: Record<string, Search.Field<TicketRecord>> = {
    id: s((t) => t.id),
    created_at: d((t) => t.created_at),
    updated_at: d((t) => t.updated_at),
    title: s((t) => t.ticket_attributes._default_title_ ?? null),
    description: s((t) => t.ticket_attributes._default_description_ ?? null),
    category: s((t) => categoryTerm[store.ticketTypes.get(t.ticket_type_id)?.category ?? "Customer"]),
    ticket_type_id: s((t) => t.ticket_type_id),
    contact_ids: s((t) => t.contact_ids),
    teammate_ids: s((t) => (t.admin_assignee_id === "0" ? [] : [t.admin_assignee_id])),
    admin_assignee_id: s((t) => t.admin_assignee_id),
    team_assignee_id: s((t) => t.team_assignee_id),
    open: { type: "boolean", get: (t) => t.open },
    state: s((t) => store.ticketStates.get(t.state_id)?.category ?? null),
    snoozed_until: d((t) => t.snoozed_until)
  }
  return {
    resource: "tickets",
    comparison: "inclusive",
    field: (name) => {
      if (name.startsWith("ticket_attribute.")) {
        const key = name.slice("ticket_attribute.".length)
        return { type: "any", get: (t) => t.ticket_attributes[key] ?? null }
      }
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined
    }
  }
}

const contactOf = (store: Store, now: number, ref: Record<string, unknown>): ContactRecord | undefined => {
  if (ref.id !== undefined) return store.contact(String(ref.id))
  if (ref.external_id !== undefined) {
    const id = store.contactsByExternalId.get(String(ref.external_id))
    return id === undefined ? undefined : store.contacts.get(id)
  }
  if (typeof ref.email === "string") {
    for (const contact of store.contacts.values()) if (contact.email === ref.email) return contact
    // Intercom creates a lead for an unknown email
    const lead: ContactRecord = { ...newContact(store, now), role: "lead", email: ref.email }
    store.contacts.set(lead.id, lead)
    return lead
  }
  return undefined
}

/** The scalar attributes of a ticket body, the others dropped. */
export const attributes = (value: unknown): Record<string, string | number | boolean | null> => {
  const out: Record<string, string | number | boolean | null> = {}
  if (!isRecord(value)) return out
  for (const [key, v] of Object.entries(value)) {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[key] = v
  }
  return out
}

const typeFields = (type: TicketTypeRecord, input: {
  readonly name?: string | undefined
  readonly description?: string | undefined
  readonly category?: "Customer" | "Back-office" | "Tracker" | undefined
  readonly icon?: string | undefined
  readonly is_internal?: boolean | undefined
  readonly archived?: boolean | undefined
}, now: number) => {
  if (input.name !== undefined) type.name = input.name
  if (input.description !== undefined) type.description = input.description
  if (input.category !== undefined) type.category = input.category
  if (input.icon !== undefined) type.icon = input.icon
  if (input.is_internal !== undefined) type.is_internal = input.is_internal
  if (input.archived !== undefined) type.archived = input.archived
  type.updated_at = now
}

/** The first part of a new ticket: submitted, by Fin. */
export const submittedPart = (store: Store, now: number): TicketRecord["parts"][number] => ({
  id: store.nextNumericId("ticket_part", 170),
  part_type: "ticket_state_updated_by_admin",
  body: null,
  previous_ticket_state: "submitted",
  ticket_state: "submitted",
  created_at: now,
  author: { type: "bot", id: "0", name: "Fin", email: null }
})

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(TicketStates.listTicketStatesOperation, ({ store }) =>
    Http.json({
      type: "list",
      data: [...store.ticketStates.values()].map((state) => ({ ...Wire.ticketState(state), archived: false }))
    })),

  Http.route(
    TicketTypes.listOperation,
    ({ store }) =>
      Http.json({ type: "list", data: [...store.ticketTypes.values()].map((t) => Wire.ticketType(store, t)) })
  ),

  Http.route(TicketTypes.getOperation, ({ params, store }) => {
    const type = store.ticketTypes.get(params.ticket_type_id)
    return type === undefined ? ticketTypeNotFound() : Http.json(Wire.ticketType(store, type))
  }),

  Http.route(TicketTypes.createOperation, ({ input, now, store }) => {
    const type: TicketTypeRecord = {
      id: store.nextNumericId("ticket_type", 60),
      name: input.name,
      description: "",
      icon: "🎟️",
      category: "Customer",
      is_internal: false,
      archived: false,
      created_at: now,
      updated_at: now,
      attributes: ["_default_title_", "_default_description_"].map((name, order) => ({
        id: store.nextNumericId("ticket_type_attribute", 160),
        name,
        description: "",
        data_type: "string",
        order,
        required_to_create: false,
        visible_on_create: true,
        visible_to_contacts: true,
        default: true,
        archived: false,
        created_at: now,
        updated_at: now
      }))
    }
    typeFields(type, input, now)
    store.ticketTypes.set(type.id, type)
    return Http.json(Wire.ticketType(store, type))
  }),

  Http.route(TicketTypes.updateOperation, ({ input, now, store }) => {
    const type = store.ticketTypes.get(String(input.ticket_type_id))
    if (type === undefined) return ticketTypeNotFound()
    typeFields(type, input, now)
    return Http.json(Wire.ticketType(store, type))
  }),

  Http.route(TicketTypeAttributes.createOperation, ({ input, now, store }) => {
    const type = store.ticketTypes.get(String(input.ticket_type_id))
    if (type === undefined) return ticketTypeNotFound()
    const attribute = {
      id: store.nextNumericId("ticket_type_attribute", 160),
      name: input.name,
      description: input.description,
      data_type: input.data_type,
      order: type.attributes.length,
      required_to_create: input.required_to_create ?? false,
      visible_on_create: input.visible_on_create ?? true,
      visible_to_contacts: input.visible_to_contacts ?? true,
      default: false,
      archived: false,
      created_at: now,
      updated_at: now
    }
    type.attributes.push(attribute)
    type.updated_at = now
    return Http.json(Wire.ticketTypeAttribute(store, type, attribute))
  }),

  Http.route(TicketTypeAttributes.updateOperation, ({ body, input, now, store }) => {
    const type = store.ticketTypes.get(String(input.ticket_type_id))
    const index = type?.attributes.findIndex((a) => a.id === String(input.attribute_id)) ?? -1
    if (type === undefined || index < 0) return Http.notFound("Resource Not Found")
    const attribute = type.attributes[index]
    const fields = isRecord(body) ? body : {}
    if (typeof fields.description === "string") attribute.description = fields.description
    if (typeof fields.required_to_create === "boolean") attribute.required_to_create = fields.required_to_create
    if (typeof fields.visible_on_create === "boolean") attribute.visible_on_create = fields.visible_on_create
    if (typeof fields.visible_to_contacts === "boolean") attribute.visible_to_contacts = fields.visible_to_contacts
    if (typeof fields.archived === "boolean") attribute.archived = fields.archived
    attribute.updated_at = now
    return Http.json(Wire.ticketTypeAttribute(store, type, attribute))
  }),

  Http.route(Tickets.createOperation, ({ body, input, now, store }) => {
    const type = store.ticketTypes.get(String(input.ticket_type_id))
    if (type === undefined) {
      return Http.fail(400, "parameter_invalid", "ticket_type_id is not a ticket type", "ticket_type_id")
    }
    const contacts: Array<ContactRecord> = []
    for (const ref of input.contacts) {
      const contact = contactOf(store, now, ref)
      if (contact === undefined) return Http.notFound("User Not Found")
      contacts.push(contact)
    }
    if (contacts.length === 0) return Http.fail(400, "parameter_invalid", "contacts must not be empty", "contacts")
    const submitted = [...store.ticketStates.values()].find((s) => s.category === "submitted")!
    const fields = isRecord(body) ? body : {}
    const ticket: TicketRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("ticket", 600),
      ticket_id: String(store.tickets.size + 1),
      ticket_type_id: type.id,
      ticket_attributes: attributes(fields.ticket_attributes),
      state_id: submitted.id,
      contact_ids: contacts.map((c) => c.id),
      admin_assignee_id: input.assignment?.admin_assignee_id === undefined
        ? "0"
        : String(input.assignment.admin_assignee_id),
      team_assignee_id: input.assignment?.team_assignee_id === undefined
        ? "0"
        : String(input.assignment.team_assignee_id),
      company_id: input.company_id === undefined ? null : String(input.company_id),
      created_at: input.created_at ?? now,
      updated_at: now,
      open: true,
      snoozed_until: null,
      is_shared: type.category === "Customer",
      tag_ids: [],
      parts: [submittedPart(store, now)]
    }
    store.tickets.set(ticket.id, ticket)
    const answer = Wire.ticket(store, ticket)
    store.emit("ticket.created", () => answer)
    return Http.json(answer)
  }),

  Http.route(Tickets.getOperation, ({ params, store }) => {
    const ticket = store.tickets.get(params.ticket_id)
    return ticket === undefined ? ticketNotFound() : Http.json(Wire.ticket(store, ticket))
  }),

  Http.route(Tickets.updateOperation, ({ body, input, now, store }) => {
    const ticket = store.tickets.get(String(input.ticket_id))
    if (ticket === undefined) return ticketNotFound()
    if (input.ticket_state_id !== undefined) {
      const state = store.ticketStates.get(String(input.ticket_state_id))
      if (state === undefined) {
        return Http.fail(400, "ticket_state_id_invalid", "ticket_state_id is not a ticket state", "ticket_state_id")
      }
      const previous = store.ticketStates.get(ticket.state_id)?.category ?? null
      ticket.state_id = state.id
      ticket.open = state.category !== "resolved"
      ticket.parts.push({
        id: store.nextNumericId("ticket_part", 170),
        part_type: "ticket_state_updated_by_admin",
        body: null,
        previous_ticket_state: previous,
        ticket_state: state.category,
        created_at: now,
        author: store.authorOfAdmin(store.admin(input.admin_id) ?? store.me)
      })
    }
    const fields = isRecord(body) ? body : {}
    if (isRecord(fields.ticket_attributes)) {
      ticket.ticket_attributes = { ...ticket.ticket_attributes, ...attributes(fields.ticket_attributes) }
    }
    if (input.open !== undefined) ticket.open = input.open
    if (input.is_shared !== undefined) ticket.is_shared = input.is_shared
    if (input.snoozed_until !== undefined) ticket.snoozed_until = input.snoozed_until
    if (input.company_id !== undefined) ticket.company_id = String(input.company_id)
    if (input.assignee_id !== undefined) {
      const assignee = String(input.assignee_id)
      if (assignee !== "0" && !store.admins.has(assignee)) {
        return Http.notFound("Assignee not found", "assignee_not_found")
      }
      ticket.admin_assignee_id = assignee
    }
    ticket.updated_at = now
    return Http.json(Wire.ticket(store, ticket))
  }),

  Http.route(Tickets.deleteTicketOperation, ({ params, store }) => {
    const ticket = store.tickets.get(params.ticket_id)
    if (ticket === undefined) return ticketNotFound()
    store.tickets.delete(ticket.id)
    return Http.json({ id: ticket.id, object: "ticket", deleted: true })
  }),

  Http.route(Tickets.replyOperation, ({ body, input, now, store }) => {
    const ticket = store.tickets.get(String(input.ticket_id))
    if (ticket === undefined) return Http.notFound("Resource Not Found")
    const type = store.ticketTypes.get(ticket.ticket_type_id)
    let author
    if (input.type === "admin") {
      const admin = store.admin(input.admin_id)
      if (admin === undefined) return Http.notFound("Resource Not Found")
      author = store.authorOfAdmin(admin)
    } else {
      if (type?.category === "Back-office") {
        return Http.fail(400, "parameter_mismatch", "User replies are not allowed on Backoffice tickets")
      }
      const contact = contactOf(store, now, {
        ...(isRecord(body) && body.intercom_user_id !== undefined ? { id: body.intercom_user_id } : {}),
        ...(isRecord(body) && body.user_id !== undefined ? { external_id: body.user_id } : {}),
        ...(isRecord(body) && typeof body.email === "string" ? { email: body.email } : {})
      })
      if (contact === undefined) return Http.notFound("User Not Found")
      author = store.authorOfContact(contact)
    }
    const part = {
      id: store.nextNumericId("ticket_part", 170),
      part_type: input.message_type,
      body: input.body === undefined ? null : input.body.trim().startsWith("<") ? input.body : `<p>${input.body}</p>`,
      previous_ticket_state: null,
      ticket_state: null,
      created_at: now,
      author
    }
    ticket.parts.push(part)
    ticket.updated_at = now
    return Http.json({
      type: "ticket_part",
      id: part.id,
      part_type: part.part_type,
      ...(part.body === null ? {} : { body: part.body }),
      created_at: now,
      updated_at: now,
      author: { id: author.id, type: author.type, name: author.name, email: author.email },
      attachments: [],
      redacted: false
    })
  }),

  Http.route(
    Tickets.searchOperation,
    ({ body, store }) => {
      const request = isRecord(body) ? body : {}
      if (request.query === undefined) {
        return Http.fail(422, "parameter_not_found", "query is a required parameter.", "query")
      }
      const compiled = Search.compile(ticketLanguage(store), request.query)
      if (compiled._tag === "Left") {
        return { _tag: "Failure", status: 422, errors: [compiled.issue] } satisfies Http.Failure
      }
      const pagination = isRecord(request.pagination) ? request.pagination : {}
      const page = Pagination.cursorPage(
        [...store.tickets.values()].filter(compiled.predicate),
        Pagination.perPage(pagination.per_page, 20),
        typeof pagination.starting_after === "string" ? pagination.starting_after : undefined
      )
      if (page === undefined) return Pagination.invalidCursor()
      return Http.json({
        type: "ticket.list",
        pages: Pagination.cursorPages(page),
        total_count: page.total,
        tickets: page.items.map((t) => Wire.ticket(store, t))
      })
    },
    { validate: false }
  ),

  Http.route(Tags.tagTicketOperation, ({ input, now, store }) => {
    const ticket = store.tickets.get(String(input.ticket_id))
    if (ticket === undefined) return ticketNotFound()
    if (store.admin(input.admin_id) === undefined) return Http.notFound("Admin not found", "admin_not_found")
    const tag = store.tags.get(String(input.id))
    if (tag === undefined) return Http.notFound("Tag not found", "tag_not_found")
    if (!ticket.tag_ids.includes(tag.id)) ticket.tag_ids.push(tag.id)
    ticket.updated_at = now
    return Http.json(Wire.tag(tag))
  }),

  Http.route(Tags.untagTicketOperation, ({ input, now, store }) => {
    const ticket = store.tickets.get(String(input.ticket_id))
    if (ticket === undefined) return ticketNotFound()
    const tag = store.tags.get(String(input.tag_id))
    if (tag === undefined || !ticket.tag_ids.includes(tag.id)) return Http.notFound("Tag not found", "tag_not_found")
    ticket.tag_ids = ticket.tag_ids.filter((id) => id !== tag.id)
    ticket.updated_at = now
    return Http.json(Wire.tag(tag))
  })
]
