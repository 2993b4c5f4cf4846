/**
 * Tags: list, create (or rename, or tag and untag companies and users in
 * bulk), find and delete. Tagging contacts, conversations and tickets lives
 * with those resources.
 */
import * as Tags from "@effect-intercom/client/stable/Tags"
import * as Http from "../http.js"
import type { CompanyRecord, Store, TagRecord } from "../store.js"
import * as Wire from "../wire.js"

const tagByName = (store: Store, name: string): TagRecord | undefined => {
  for (const tag of store.tags.values()) if (tag.name === name) return tag
  return undefined
}

const ensureTag = (store: Store, name: string): TagRecord => {
  const existing = tagByName(store, name)
  if (existing !== undefined) return existing
  const tag = { id: store.nextNumericId("tag", 100), name }
  store.tags.set(tag.id, tag)
  return tag
}

const companyOf = (
  store: Store,
  ref: { readonly id?: string | number | undefined; readonly company_id?: string | number | undefined }
) => {
  if (ref.id !== undefined) return store.companies.get(String(ref.id))
  if (ref.company_id !== undefined) {
    const id = store.companiesByCompanyId.get(String(ref.company_id))
    return id === undefined ? undefined : store.companies.get(id)
  }
  return undefined
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(
    Tags.listOperation,
    ({ store }) => Http.json({ type: "list", data: [...store.tags.values()].map(Wire.tag) })
  ),

  Http.route(Tags.createOperation, ({ input, store }) => {
    if (input.name.trim() === "") return Http.fail(400, "parameter_invalid", "invalid tag parameters", "name")
    if ("companies" in input) {
      const companies: Array<CompanyRecord> = []
      for (const ref of input.companies) {
        const company = companyOf(store, ref)
        if (company === undefined) return Http.notFound("Company Not Found", "company_not_found")
        companies.push(company)
      }
      const tag = ensureTag(store, input.name)
      for (const [i, company] of companies.entries()) {
        const untag = (input.companies[i] as { readonly untag?: boolean | undefined }).untag === true
        if (untag) company.tag_ids = company.tag_ids.filter((id) => id !== tag.id)
        else if (!company.tag_ids.includes(tag.id)) company.tag_ids.push(tag.id)
      }
      return Http.json(Wire.tag(tag))
    }
    if ("users" in input) {
      const contacts = []
      for (const ref of input.users) {
        const contact = store.contact(ref.id)
        if (contact === undefined) return Http.notFound("User Not Found")
        contacts.push(contact)
      }
      const tag = ensureTag(store, input.name)
      for (const contact of contacts) if (!contact.tag_ids.includes(tag.id)) contact.tag_ids.push(tag.id)
      return Http.json(Wire.tag(tag))
    }
    if (input.id !== undefined) {
      const tag = store.tags.get(String(input.id))
      if (tag === undefined) return Http.notFound("Resource Not Found")
      tag.name = input.name
      return Http.json(Wire.tag(tag))
    }
    return Http.json(Wire.tag(ensureTag(store, input.name)))
  }),

  Http.route(Tags.findOperation, ({ params, store }) => {
    const tag = store.tags.get(params.tag_id)
    return tag === undefined ? Http.notFound("Resource Not Found") : Http.json(Wire.tag(tag))
  }),

  Http.route(Tags.deleteOperation, ({ params, store }) => {
    const tag = store.tags.get(params.tag_id)
    if (tag === undefined) return Http.notFound("Resource Not Found")
    const strip = (ids: Array<string>) => ids.includes(tag.id) ? ids.filter((id) => id !== tag.id) : ids
    for (const contact of store.contacts.values()) contact.tag_ids = strip(contact.tag_ids)
    for (const company of store.companies.values()) company.tag_ids = strip(company.tag_ids)
    for (const conversation of store.conversations.values()) conversation.tag_ids = strip(conversation.tag_ids)
    for (const ticket of store.tickets.values()) ticket.tag_ids = strip(ticket.tag_ids)
    store.tags.delete(tag.id)
    return Http.empty(200)
  })
]
