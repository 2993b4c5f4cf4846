/**
 * Companies: create or update by `company_id`, find, retrieve by
 * `company_id`/`name`, update, delete, attached contacts and segments, list
 * (page numbers) and scroll.
 *
 * Scroll follows Intercom's documentation: one scroll open per workspace at a
 * time (a second one fails with 400 `scroll_exists` until the first ends or
 * expires), a scroll unused for a minute expires, every page carries the
 * `scroll_param`, and the end is an empty page, after which the param is no
 * longer valid.
 */
import * as Companies from "@effect-intercom/client/stable/Companies"
import * as UnstableCompanies from "@effect-intercom/client/unstable/Companies"
import * as UnstableNotes from "@effect-intercom/client/unstable/Notes"
import type * as UnstableSchemas from "@effect-intercom/client/unstable/Schemas"
import * as Adapt from "../adapt.js"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { CompanyRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

const companyNotFound = () => Http.notFound("Company Not Found", "company_not_found")

const SCROLL_PAGE = 50
const SCROLL_TTL = 60

const KNOWN = new Set([
  "name",
  "company_id",
  "plan",
  "size",
  "website",
  "industry",
  "custom_attributes",
  "remote_created_at",
  "monthly_spend"
])

type CompanyFields = {
  readonly name?: string | undefined
  readonly plan?: string | undefined
  readonly size?: number | undefined
  readonly website?: string | undefined
  readonly industry?: string | undefined
  readonly custom_attributes?: { readonly [key: string]: unknown } | undefined
  readonly remote_created_at?: number | undefined
  readonly monthly_spend?: number | undefined
}

const apply = (company: CompanyRecord, input: CompanyFields, now: number): void => {
  if (input.name !== undefined) company.name = input.name
  if (input.plan !== undefined) company.plan = input.plan
  if (input.size !== undefined) company.size = input.size
  if (input.website !== undefined) company.website = input.website
  if (input.industry !== undefined) company.industry = input.industry
  if (input.remote_created_at !== undefined) company.remote_created_at = input.remote_created_at
  if (input.monthly_spend !== undefined) company.monthly_spend = input.monthly_spend
  if (input.custom_attributes !== undefined) {
    company.custom_attributes = { ...company.custom_attributes, ...input.custom_attributes }
  }
  company.updated_at = now
}

const listBody = (
  store: Store,
  companies: ReadonlyArray<CompanyRecord>,
  page: number,
  size: number,
  next: (n: number) => string
) => {
  const slice = Pagination.numberPage(companies, page, size)
  return {
    type: "list",
    data: slice.items.map((c) => Wire.company(store, c)),
    pages: Pagination.offsetPages(slice, next),
    total_count: slice.total
  }
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Companies.createOrUpdateOperation, ({ body, input, now, store }) => {
    const unknown = Object.keys(typeof body === "object" && body !== null ? body : {}).find((key) => !KNOWN.has(key))
    if (unknown !== undefined) return Http.fail(400, "bad_request", `bad '${unknown}' parameter`)
    const companyId = input.company_id === undefined ? undefined : String(input.company_id)
    const existing = companyId === undefined ? undefined : store.companiesByCompanyId.get(companyId)
    if (existing !== undefined) {
      const company = store.companies.get(existing)!
      apply(company, input, now)
      return Http.json(Wire.company(store, company))
    }
    if (companyId === undefined) {
      return Http.fail(400, "parameter_not_found", "company_id is a required parameter.", "company_id")
    }
    const company: CompanyRecord = {
      seq: store.nextSeq(),
      id: store.nextObjectId("company"),
      company_id: companyId,
      name: null,
      plan: null,
      size: null,
      website: null,
      industry: null,
      monthly_spend: 0,
      session_count: 0,
      remote_created_at: null,
      created_at: now,
      updated_at: now,
      last_request_at: null,
      custom_attributes: { creation_source: "api" },
      tag_ids: [],
      segment_ids: [],
      contact_ids: new Set()
    }
    apply(company, input, now)
    store.companies.set(company.id, company)
    store.companiesByCompanyId.set(companyId, company.id)
    const answer = Wire.company(store, company)
    store.emit("company.created", () => answer)
    return Http.json(answer)
  }),

  Http.route(Companies.findOperation, ({ params, store }) => {
    const company = store.companies.get(params.company_id)
    return company === undefined ? companyNotFound() : Http.json(Wire.company(store, company))
  }),

  Http.route(Companies.retrieveOperation, ({ origin, query, store }) => {
    const companyId = query.get("company_id")
    const name = query.get("name")
    if (companyId !== null || name !== null) {
      let found: CompanyRecord | undefined
      if (companyId !== null) {
        const id = store.companiesByCompanyId.get(companyId)
        found = id === undefined ? undefined : store.companies.get(id)
      } else {
        for (const company of store.companies.values()) {
          if (company.name === name) {
            found = company
            break
          }
        }
      }
      return found === undefined ? companyNotFound() : Http.json(Wire.company(store, found))
    }
    const tagId = query.get("tag_id")
    const segmentId = query.get("segment_id")
    const companies = [...store.companies.values()].filter((c) =>
      (tagId === null || c.tag_ids.includes(tagId)) && (segmentId === null || c.segment_ids.includes(segmentId))
    )
    const size = Pagination.perPage(query.get("per_page"), 15, 60)
    return Http.json(listBody(store, companies, Pagination.pageNumber(query.get("page")), size, (n) => {
      const next = new URLSearchParams(query)
      next.set("page", String(n))
      next.set("per_page", String(size))
      return `${origin}/companies?${next}`
    }))
  }),

  Http.route(Companies.updateOperation, ({ input, now, store }) => {
    const company = store.companies.get(String(input.company_id))
    if (company === undefined) return companyNotFound()
    apply(company, input, now)
    return Http.json(Wire.company(store, company))
  }),

  Http.route(Companies.deleteOperation, ({ params, store }) => {
    const company = store.companies.get(params.company_id)
    if (company === undefined) return companyNotFound()
    store.deleteCompany(company)
    return Http.json({ id: company.id, object: "company", deleted: true })
  }),

  Http.route(Companies.listAttachedContactsOperation, ({ params, query, store }) => {
    const company = store.companies.get(params.company_id)
    if (company === undefined) return companyNotFound()
    const contacts = [...company.contact_ids].flatMap((id) => {
      const contact = store.contacts.get(id)
      return contact === undefined ? [] : [contact]
    })
    const page = Pagination.numberPage(
      contacts,
      Pagination.pageNumber(query.get("page")),
      Pagination.perPage(query.get("per_page"), 50)
    )
    return Http.json({
      type: "list",
      data: page.items.map((c) => Wire.contact(store, c)),
      total_count: page.total,
      pages: Pagination.plainPages(page)
    })
  }),

  Http.route(Companies.listAttachedSegmentsOperation, ({ params, store }) => {
    const company = store.companies.get(params.company_id)
    if (company === undefined) return companyNotFound()
    return Http.json({
      type: "list",
      data: company.segment_ids.flatMap((id) => {
        const segment = store.segments.get(id)
        return segment === undefined ? [] : [Wire.segment(segment)]
      })
    })
  }),

  Http.route(Companies.listOperation, ({ origin, query, store }) => {
    const companies = [...store.companies.values()]
    if (query.get("order") === "asc") companies.sort((a, b) => a.created_at - b.created_at || a.seq - b.seq)
    else companies.sort((a, b) => b.created_at - a.created_at || b.seq - a.seq)
    const size = Pagination.perPage(query.get("per_page"), 15, 100)
    const order = query.get("order")
    return Http.json(
      listBody(
        store,
        companies,
        Pagination.pageNumber(query.get("page")),
        size,
        (n) => `${origin}/companies/list?page=${n}&per_page=${size}${order === null ? "" : `&order=${order}`}`
      )
    )
  }),

  Http.route(Companies.scrollOperation, ({ now, query, store }) => {
    const param = query.get("scroll_param")
    const open = store.scroll !== undefined && store.scroll.expiresAt > now ? store.scroll : undefined
    if (param === null || param === "") {
      if (open !== undefined) {
        return Http.fail(400, "scroll_exists", "scroll already exists for this workspace")
      }
      store.scroll = {
        param: store.prng.uuid(),
        ids: [...store.companies.keys()],
        position: 0,
        expiresAt: now + SCROLL_TTL
      }
    } else if (open === undefined || open.param !== param) {
      return Http.fail(400, "parameter_invalid", "scroll_param is invalid or has expired", "scroll_param")
    }
    const scroll = store.scroll!
    const data = []
    while (data.length < SCROLL_PAGE && scroll.position < scroll.ids.length) {
      const company = store.companies.get(scroll.ids[scroll.position++])
      if (company !== undefined) data.push(Wire.company(store, company))
    }
    if (data.length === 0) {
      store.scroll = undefined
      return Http.json({ type: "list", data: [], pages: null, total_count: null })
    }
    scroll.expiresAt = now + SCROLL_TTL
    return Http.json({ type: "list", data, pages: null, total_count: null, scroll_param: scroll.param })
  })
]

/** The Preview methods of these routes whose answers differ from 2.14's (see `preview.ts`). */
/** 2.15 and 2.16 page companies as the Preview does: a cursor-shaped `pages.next`. */
export const versionAdapters: Readonly<Record<string, Http.PreviewAdapter>> = Adapt.inVersions({
  "companies.list": Adapt.pagesWithoutLink,
  "companies.retrieve": Adapt.pagesWithoutLink
})

export const previewAdapters: Readonly<Record<string, Http.PreviewAdapter>> = {
  // page numbers in both, but the Preview's `pages.next` is a cursor object, not a link
  [UnstableCompanies.listAllCompaniesOperation.name]: Adapt.pagesWithoutLink,
  [UnstableCompanies.retrieveCompanyOperation.name]: Adapt.pagesWithoutLink,
  // the contact is the path's `id`, so the Preview names the company `company_id` in the body (2.14: `id`)
  [UnstableCompanies.attachContactToACompanyOperation.name]: Adapt.renameBody({ company_id: "id" })
}

/**
 * The Preview-only routes of companies: a company's notes, the notes of its
 * contacts (oldest first, by cursor, 50 a page).
 */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  Http.route(UnstableNotes.listCompanyNotesOperation, ({ input, query, store }) => {
    const company = store.companies.get(String(input.id))
    if (company === undefined) return companyNotFound()
    const notes = [...company.contact_ids]
      .flatMap((contactId) => store.notesByContact.get(contactId) ?? [])
      .flatMap((id) => {
        const note = store.notes.get(id)
        return note === undefined ? [] : [note]
      })
      .sort((a, b) => a.seq - b.seq)
    return Pagination.cursorList(notes, query, 50, (record): UnstableSchemas.Note => {
      // the stable note's author has no avatar, so it is a Preview admin as well
      const { author, ...note } = Wire.note(store, record)
      return { ...note, author: author === null || author === undefined ? null : { ...author, avatar: null } }
    })
  })
]
