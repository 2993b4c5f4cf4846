/**
 * Contacts and what hangs off them: CRUD, external ids, merge, archive,
 * unarchive, block, search, attached companies, tags, notes, segments and
 * subscriptions.
 */
import * as Companies from "@effect-intercom/client/stable/Companies"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import * as Notes from "@effect-intercom/client/stable/Notes"
import * as Tags from "@effect-intercom/client/stable/Tags"
import * as UnstableNotes from "@effect-intercom/client/unstable/Notes"
import * as Adapt from "../adapt.js"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import * as Search from "../search.js"
import { type ContactRecord, newContact, type Store } from "../store.js"
import * as Wire from "../wire.js"

export const contactNotFound = () => Http.notFound("User Not Found")

const tagNotFound = () => Http.notFound("Resource Not Found")

const contactLanguage: Search.Language<ContactRecord> = (() => {
  const s = (get: (c: ContactRecord) => unknown): Search.Field<ContactRecord> => ({ type: "string", get })
  const d = (get: (c: ContactRecord) => unknown): Search.Field<ContactRecord> => ({ type: "date", get })
  const b = (get: (c: ContactRecord) => unknown): Search.Field<ContactRecord> => ({ type: "boolean", get })
  const none = s(() => null)
  const fields: Record<string, Search.Field<ContactRecord>> = {
    id: s((c) => c.id),
    role: s((c) => c.role),
    name: s((c) => c.name),
    avatar: s((c) => c.avatar),
    owner_id: { type: "integer", get: (c) => c.owner_id },
    email: s((c) => c.email),
    email_domain: s((c) => (c.email === null ? null : c.email.slice(c.email.indexOf("@") + 1))),
    phone: s((c) => c.phone),
    external_id: s((c) => c.external_id),
    created_at: d((c) => c.created_at),
    signed_up_at: d((c) => c.signed_up_at),
    updated_at: d((c) => c.updated_at),
    last_seen_at: d((c) => c.last_seen_at),
    last_contacted_at: d((c) => c.last_contacted_at),
    last_replied_at: d((c) => c.last_replied_at),
    last_email_opened_at: d((c) => c.last_email_opened_at),
    last_email_clicked_at: d((c) => c.last_email_clicked_at),
    language_override: s((c) => c.language_override),
    browser: s((c) => c.browser),
    browser_language: s((c) => c.browser_language),
    os: s((c) => c.os),
    "location.country": s((c) => c.location.country),
    "location.region": s((c) => c.location.region),
    "location.city": s((c) => c.location.city),
    unsubscribed_from_emails: b((c) => c.unsubscribed_from_emails),
    marked_email_as_spam: b((c) => c.marked_email_as_spam),
    has_hard_bounced: b((c) => c.has_hard_bounced),
    ios_last_seen_at: d(() => null),
    android_last_seen_at: d(() => null),
    ios_app_version: none,
    ios_device: none,
    ios_app_device: none,
    ios_os_version: none,
    ios_app_name: none,
    ios_sdk_version: none,
    android_app_version: none,
    android_device: none,
    android_app_name: none,
    andoid_sdk_version: none,
    android_sdk_version: none,
    segment_id: s((c) => c.segment_ids),
    tag_id: s((c) => c.tag_ids),
    company_id: s((c) => c.company_ids)
  }
  return {
    resource: "contacts",
    comparison: "day",
    field: (name) => {
      if (name.startsWith("custom_attributes.")) {
        const key = name.slice("custom_attributes.".length)
        return { type: "any", get: (c) => c.custom_attributes[key] }
      }
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined
    }
  }
})()

const liveContacts = (store: Store): Array<ContactRecord> => {
  const out: Array<ContactRecord> = []
  for (const contact of store.contacts.values()) if (!contact.archived) out.push(contact)
  return out
}

const reference = (contact: ContactRecord, extra: Record<string, boolean>) => ({
  ...Wire.contactReference(contact),
  ...extra
})

type ContactFields = {
  readonly external_id?: string | number | undefined
  readonly email?: string | undefined
  readonly role?: string | undefined
  readonly phone?: string | null | undefined
  readonly name?: string | null | undefined
  readonly avatar?: string | null | undefined
  readonly signed_up_at?: number | null | undefined
  readonly last_seen_at?: number | null | undefined
  readonly owner_id?: number | null | undefined
  readonly unsubscribed_from_emails?: boolean | null | undefined
  readonly custom_attributes?: { readonly [key: string]: unknown } | null | undefined
  /** In the Preview's create and update bodies. */
  readonly language_override?: string | null | undefined
}

const apply = (store: Store, contact: ContactRecord, input: ContactFields, now: number): Http.Failure | undefined => {
  if (input.external_id !== undefined) {
    const externalId = String(input.external_id)
    const existing = store.contactsByExternalId.get(externalId)
    if (existing !== undefined && existing !== contact.id) {
      return Http.fail(409, "conflict", `A contact matching those details already exists with id=${existing}`)
    }
    if (contact.external_id !== null) store.contactsByExternalId.delete(contact.external_id)
    contact.external_id = externalId
    store.contactsByExternalId.set(externalId, contact.id)
  }
  if (input.role !== undefined) {
    if (input.role !== "user" && input.role !== "lead") {
      return Http.fail(400, "parameter_invalid", "role must be user or lead", "role")
    }
    contact.role = input.role
  }
  if (input.email !== undefined) contact.email = input.email
  if (input.phone !== undefined) contact.phone = input.phone
  if (input.name !== undefined) contact.name = input.name
  if (input.avatar !== undefined) contact.avatar = input.avatar
  if (input.signed_up_at !== undefined) contact.signed_up_at = input.signed_up_at
  if (input.last_seen_at !== undefined) contact.last_seen_at = input.last_seen_at
  if (input.owner_id !== undefined) contact.owner_id = input.owner_id
  if (input.language_override !== undefined) contact.language_override = input.language_override
  if (input.unsubscribed_from_emails !== undefined && input.unsubscribed_from_emails !== null) {
    contact.unsubscribed_from_emails = input.unsubscribed_from_emails
  }
  if (input.custom_attributes !== undefined && input.custom_attributes !== null) {
    contact.custom_attributes = { ...contact.custom_attributes, ...input.custom_attributes }
  }
  contact.updated_at = now
  return undefined
}

const withContact = <A>(
  store: Store,
  id: string | number | undefined,
  f: (contact: ContactRecord) => Http.Result<A>
): Http.Result<A> => {
  const contact = store.contact(id)
  return contact === undefined ? contactNotFound() : f(contact)
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Contacts.listOperation, ({ query, store }) => {
    return Pagination.cursorList(liveContacts(store), query, 50, (c) => Wire.contact(store, c))
  }),

  Http.route(Contacts.createOperation, ({ input, now, store }) => {
    const contact = newContact(store, now)
    const failure = apply(store, contact, input, now)
    if (failure !== undefined) return failure
    if (contact.role === "user" && contact.signed_up_at === null) contact.signed_up_at = now
    store.contacts.set(contact.id, contact)
    const answer = Wire.contact(store, contact)
    store.emit(contact.role === "lead" ? "contact.lead.created" : "contact.user.created", () => answer)
    return Http.json(answer)
  }),

  Http.route(
    Contacts.findOperation,
    ({ params, store }) => withContact(store, params.contact_id, (contact) => Http.json(Wire.contact(store, contact)))
  ),

  Http.route(Contacts.showContactByExternalIdOperation, ({ params, store }) => {
    const id = store.contactsByExternalId.get(params.external_id)
    return withContact(store, id, (contact) => Http.json(Wire.contact(store, contact)))
  }),

  Http.route(Contacts.updateOperation, ({ input, now, store }) =>
    withContact(store, input.contact_id, (contact) => {
      const failure = apply(store, contact, input, now)
      return failure ?? Http.json(Wire.contact(store, contact))
    })),

  Http.route(Contacts.deleteOperation, ({ params, store }) =>
    withContact(store, params.contact_id, (contact) => {
      store.deleteContact(contact)
      store.moveNotes(contact.id, undefined)
      return Http.json(reference(contact, { deleted: true }))
    })),

  Http.route(Contacts.archiveOperation, ({ params, store }) =>
    withContact(store, params.contact_id, (contact) => {
      contact.archived = true
      return Http.json(reference(contact, { archived: true }))
    })),

  Http.route(Contacts.unarchiveOperation, ({ params, store }) =>
    withContact(store, params.contact_id, (contact) => {
      contact.archived = false
      return Http.json(reference(contact, { archived: false }))
    })),

  Http.route(Contacts.blockContactOperation, ({ params, store }) =>
    withContact(store, params.contact_id, (contact) => {
      contact.blocked = true
      return Http.json(reference(contact, { blocked: true }))
    })),

  Http.route(Contacts.mergeLeadInUserOperation, ({ input, now, store }) => {
    const from = store.contact(input.from)
    const into = store.contact(input.into)
    if (from === undefined || into === undefined) return contactNotFound()
    if (from.id === into.id) return Http.fail(400, "parameter_invalid", "from and into must be different contacts")
    if (from.role !== "lead") {
      return Http.fail(400, "parameter_invalid", "Only a lead can be merged into a user", "from")
    }
    for (const tagId of from.tag_ids) if (!into.tag_ids.includes(tagId)) into.tag_ids.push(tagId)
    for (const companyId of from.company_ids) {
      const company = store.companies.get(companyId)
      if (company) store.attach(into, company)
    }
    for (const conversation of store.conversations.values()) {
      if (conversation.contact_ids.includes(from.id)) {
        conversation.contact_ids = [...new Set(conversation.contact_ids.map((id) => (id === from.id ? into.id : id)))]
      }
    }
    store.moveNotes(from.id, into.id)
    into.custom_attributes = { ...from.custom_attributes, ...into.custom_attributes }
    into.updated_at = now
    store.deleteContact(from)
    return Http.json(Wire.contact(store, into))
  }),

  Http.route(
    Contacts.searchOperation,
    ({ body, store }) => {
      const request = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}
      if (request.query === undefined) {
        return Http.fail(422, "parameter_not_found", "query is a required parameter.", "query")
      }
      const compiled = Search.compile(contactLanguage, request.query)
      if (compiled._tag === "Left") {
        return { _tag: "Failure", status: 422, errors: [compiled.issue] } satisfies Http.Failure
      }
      const pagination = (request.pagination ?? {}) as Record<string, unknown>
      const page = Pagination.cursorPage(
        liveContacts(store).filter(compiled.predicate),
        Pagination.perPage(pagination.per_page, 50),
        typeof pagination.starting_after === "string" ? pagination.starting_after : undefined
      )
      if (page === undefined) return Pagination.invalidCursor()
      return Http.json({
        type: "list",
        data: page.items.map((c) => Wire.contact(store, c)),
        total_count: page.total,
        pages: Pagination.cursorPages(page)
      })
    },
    // Intercom accepts a filter beside a nested group, which the client's
    // strict input schema does not: the search language validates instead.
    { validate: false }
  ),

  // attached companies (page-number pagination)
  Http.route(
    Contacts.listAttachedCompaniesOperation,
    ({ origin, params, query, store }) =>
      withContact(store, params.contact_id, (contact) => {
        const companies = contact.company_ids.flatMap((id) => {
          const company = store.companies.get(id)
          return company === undefined ? [] : [company]
        })
        const page = Pagination.numberPage(
          companies,
          Pagination.pageNumber(query.get("page")),
          Pagination.perPage(query.get("per_page"), 50)
        )
        // The spec's example (a recorded response) carries the companies in
        // `data`, the schema in `companies`: send what the API sends.
        const list = {
          type: "list",
          data: page.items.map((c) => Wire.company(store, c)),
          total_count: page.total,
          pages: Pagination.offsetPages(
            page,
            (n) => `${origin}/contacts/${contact.id}/companies?page=${n}&per_page=${page.perPage}`
          )
        }
        return Http.json(list)
      })
  ),

  Http.route(Companies.attachContactOperation, ({ input, store }) =>
    withContact(store, input.contact_id, (contact) => {
      const company = store.companies.get(String(input.id))
      if (company === undefined) return Http.notFound("Company Not Found", "company_not_found")
      store.attach(contact, company)
      return Http.json(Wire.company(store, company))
    })),

  Http.route(
    Companies.detachContactOperation,
    ({ params, store }) =>
      withContact(store, params.contact_id, (contact) => {
        const company = store.companies.get(params.company_id)
        if (company === undefined || !contact.company_ids.includes(company.id)) {
          return Http.notFound("Company Not Found", "company_not_found")
        }
        store.detach(contact, company)
        return Http.json(Wire.company(store, company))
      })
  ),

  // segments and subscriptions
  Http.route(
    Contacts.listAttachedSegmentsOperation,
    ({ params, store }) =>
      withContact(store, params.contact_id, (contact) =>
        Http.json({
          type: "list",
          data: contact.segment_ids.flatMap((id) => {
            const segment = store.segments.get(id)
            return segment === undefined ? [] : [Wire.segment(segment)]
          })
        }))
  ),

  Http.route(
    Contacts.listAttachedSubscriptionsOperation,
    ({ params, store }) =>
      withContact(store, params.contact_id, (contact) =>
        Http.json({
          type: "list",
          data: [...contact.subscriptions].flatMap(([id, consent]) => {
            const type = store.subscriptionTypes.get(id)
            return type === undefined ? [] : [{ ...Wire.subscriptionType(type), consent_type: consent }]
          })
        }))
  ),

  Http.route(
    Contacts.attachSubscriptionOperation,
    ({ input, store }) =>
      withContact(store, input.contact_id, (contact) => {
        const type = store.subscriptionTypes.get(String(input.id))
        if (type === undefined) return Http.notFound("Resource Not Found")
        // the input type is `"opt_in" | "opt_out" | (string & {})` (R6, `described.ts`): narrow a plain string
        const consent: string = input.consent_type
        if (consent !== "opt_in" && consent !== "opt_out") {
          return Http.fail(422, "parameter_invalid", "consent_type must be opt_in or opt_out", "consent_type")
        }
        contact.subscriptions.set(type.id, consent)
        return Http.json({ ...Wire.subscriptionType(type), consent_type: consent })
      })
  ),

  Http.route(
    Contacts.detachSubscriptionOperation,
    ({ params, store }) =>
      withContact(store, params.contact_id, (contact) => {
        const type = store.subscriptionTypes.get(params.subscription_id)
        if (type === undefined) return Http.notFound("Resource Not Found")
        contact.subscriptions.delete(type.id)
        return Http.json(Wire.subscriptionType(type))
      })
  ),

  // tags on contacts
  Http.route(
    Contacts.listAttachedTagsOperation,
    ({ params, store }) =>
      withContact(store, params.contact_id, (contact) =>
        Http.json({
          type: "list",
          data: contact.tag_ids.flatMap((id) => {
            const tag = store.tags.get(id)
            return tag === undefined ? [] : [Wire.tag(tag)]
          })
        }))
  ),

  Http.route(Tags.tagContactOperation, ({ input, now, store }) =>
    withContact(store, input.contact_id, (contact) => {
      const tag = store.tags.get(String(input.id))
      if (tag === undefined) return tagNotFound()
      if (!contact.tag_ids.includes(tag.id)) contact.tag_ids.push(tag.id)
      contact.updated_at = now
      return Http.json(Wire.tag(tag))
    })),

  Http.route(
    Tags.untagContactOperation,
    ({ params, now, store }) =>
      withContact(store, params.contact_id, (contact) => {
        const tag = store.tags.get(params.tag_id)
        if (tag === undefined || !contact.tag_ids.includes(tag.id)) return tagNotFound()
        contact.tag_ids = contact.tag_ids.filter((id) => id !== tag.id)
        contact.updated_at = now
        return Http.json(Wire.tag(tag))
      })
  ),

  // notes
  Http.route(
    Notes.listOperation,
    ({ origin, params, query, store }) =>
      withContact(store, params.contact_id, (contact) => {
        const notes = (store.notesByContact.get(contact.id) ?? []).flatMap((id) => {
          const note = store.notes.get(id)
          return note === undefined ? [] : [note]
        }).reverse()
        const page = Pagination.numberPage(
          notes,
          Pagination.pageNumber(query.get("page")),
          Pagination.perPage(query.get("per_page"), 50, 60)
        )
        const list = {
          type: "list",
          data: page.items.map((n) => Wire.note(store, n)),
          total_count: page.total,
          pages: Pagination.offsetPages(
            page,
            (n) => `${origin}/contacts/${contact.id}/notes?page=${n}&per_page=${page.perPage}`
          )
        }
        return Http.json(list)
      })
  ),

  Http.route(Notes.createOperation, ({ input, now, store }) =>
    withContact(store, input.contact_id, (contact) => {
      const admin = input.admin_id === undefined ? store.me : store.admin(input.admin_id)
      if (admin === undefined) return Http.notFound("Resource Not Found")
      const body = input.body.trim().startsWith("<") ? input.body : `<p>${input.body}</p>`
      const note = {
        seq: store.nextSeq(),
        id: store.nextNumericId("note", 0),
        contact_id: contact.id,
        admin_id: admin.id,
        body,
        created_at: now
      }
      store.addNote(note)
      return Http.json(Wire.note(store, note))
    })),

  Http.route(Notes.findOperation, ({ params, store }) => {
    const note = store.notes.get(params.note_id)
    return note === undefined ? Http.notFound("Resource Not Found") : Http.json(Wire.note(store, note))
  })
]

/** The Preview methods of these routes whose answers differ from 2.14's (see `preview.ts`). */
export const previewAdapters: Readonly<Record<string, Http.PreviewAdapter>> = {
  // the Preview pages a contact's notes by cursor, 2.14 by page number
  [UnstableNotes.listNotesOperation.name]: Adapt.pagesAsCursor
}
