/**
 * Visitors: anonymous people on your website, kept apart from contacts (they
 * are not listed or searched with them). Find by `user_id`, update by `id` or
 * `user_id`, and convert: into an existing user or lead (merged, the visitor
 * deleted), or into a new contact of the given role that keeps the visitor's
 * id, with the user's identifiers.
 */
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as Visitors from "@effect-intercom/client/stable/Visitors"
import * as Http from "../http.js"
import { type ContactRecord, newContact, type Store, type VisitorRecord } from "../store.js"
import * as Wire from "../wire.js"

const visitorNotFound = () => Http.notFound("Visitor Not Found")

const visitorByUserId = (store: Store, userId: string): VisitorRecord | undefined => {
  for (const visitor of store.visitors.values()) if (visitor.user_id === userId) return visitor
  return undefined
}

const findVisitor = (store: Store, ref: Record<string, unknown>): VisitorRecord | undefined => {
  if (ref.id !== undefined) return store.visitors.get(String(ref.id))
  if (ref.user_id !== undefined) return visitorByUserId(store, String(ref.user_id))
  if (typeof ref.email === "string") {
    for (const visitor of store.visitors.values()) if (visitor.email === ref.email) return visitor
  }
  return undefined
}

const findContact = (store: Store, ref: Record<string, unknown>): ContactRecord | undefined => {
  if (ref.id !== undefined) return store.contact(String(ref.id))
  if (ref.user_id !== undefined) {
    const id = store.contactsByExternalId.get(String(ref.user_id))
    return id === undefined ? undefined : store.contacts.get(id)
  }
  if (typeof ref.email === "string") {
    for (const contact of store.contacts.values()) if (contact.email === ref.email) return contact
  }
  return undefined
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Visitors.findOperation, ({ query, store }) => {
    const userId = query.get("user_id")
    if (userId === null || userId === "") {
      return Http.fail(400, "parameter_not_found", "user_id is a required parameter.", "user_id")
    }
    const visitor = visitorByUserId(store, userId)
    return visitor === undefined ? visitorNotFound() : Http.json(Wire.visitor(store, visitor))
  }),

  Http.route(Visitors.updateOperation, ({ input, now, store }) => {
    const visitor = findVisitor(store, input)
    if (visitor === undefined) return visitorNotFound()
    if (input.name !== undefined) visitor.name = input.name
    if (input.custom_attributes !== undefined) {
      visitor.custom_attributes = { ...visitor.custom_attributes, ...input.custom_attributes }
    }
    visitor.updated_at = now
    return Http.json(Wire.visitor(store, visitor))
  }),

  Http.route(Visitors.mergeToContactOperation, ({ input, now, store }) => {
    // the input type is `"lead" | "user" | (string & {})` (R6, `described.ts`): narrow a plain string
    const role: string = input.type
    if (role !== "user" && role !== "lead") {
      return Http.fail(400, "parameter_invalid", "type must be user or lead", "type")
    }
    const visitor = findVisitor(store, input.visitor)
    if (visitor === undefined) return visitorNotFound()
    const user = input.user as Record<string, unknown>
    const email = typeof user.email === "string" ? user.email : null
    const existing = findContact(store, user)
    if (existing === undefined && user.id !== undefined) return Http.notFound("User Not Found")
    store.visitors.delete(visitor.id)
    if (existing !== undefined) {
      // merged into the contact: what the contact lacks comes from the visitor
      if (existing.name === null) existing.name = visitor.name
      if (existing.email === null) existing.email = email ?? visitor.email
      existing.custom_attributes = { ...visitor.custom_attributes, ...existing.custom_attributes }
      existing.updated_at = now
      return Http.json<Schemas.Contact>(Wire.contact(store, existing))
    }
    const externalId = user.user_id === undefined ? null : String(user.user_id)
    if (externalId !== null && store.contactsByExternalId.has(externalId)) {
      return Http.fail(400, "conflict", "A contact with this user_id already exists", "user_id")
    }
    const contact: ContactRecord = {
      ...newContact(store, now),
      id: visitor.id,
      role,
      external_id: role === "user" ? externalId : null,
      email: email ?? visitor.email,
      name: visitor.name,
      created_at: visitor.created_at,
      signed_up_at: input.type === "user" ? now : null,
      custom_attributes: { ...visitor.custom_attributes }
    }
    store.contacts.set(contact.id, contact)
    if (contact.external_id !== null) store.contactsByExternalId.set(contact.external_id, contact.id)
    return Http.json<Schemas.Contact>(Wire.contact(store, contact))
  })
]
