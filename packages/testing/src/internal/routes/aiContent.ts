/**
 * AI content: content import sources (list with page numbers, CRUD; deleting
 * a source deletes its pages) and external pages (list with page numbers,
 * CRUD, create-or-update by `source_id` and `external_id`).
 */
import * as AiContent from "@effect-intercom/client/stable/AiContent"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { ContentImportSourceRecord, ExternalPageRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

const notFound = () => Http.notFound("Resource Not Found")

const isUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

const invalidUrl = () => Http.fail(400, "parameter_invalid", "url must be a valid http or https URL", "url")

const sourceOf = (store: Store, id: string | number): ContentImportSourceRecord | undefined =>
  store.contentImportSources.get(String(id))

const pageBySourceAndExternalId = (
  store: Store,
  sourceId: string,
  externalId: string
): ExternalPageRecord | undefined => {
  for (const page of store.externalPages.values()) {
    if (page.source_id === sourceId && page.external_id === externalId) return page
  }
  return undefined
}

export const routes: ReadonlyArray<Http.Route> = [
  // content import sources: oldest first, 50 a page
  Http.route(AiContent.listContentImportSourcesOperation, ({ origin, query, store }) => {
    return Pagination.numberList(
      [...store.contentImportSources.values()],
      { query, origin, path: "/ai/content_import_sources" },
      50,
      150,
      Wire.contentImportSource
    )
  }),

  Http.route(AiContent.createContentImportSourceOperation, ({ input, now, store }) => {
    if (!isUrl(input.url)) return invalidUrl()
    const source: ContentImportSourceRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("content_import_source", 32),
      url: input.url,
      // required on the wire (`http.ts` answers 422 without it); optional in the input type
      sync_behavior: input.sync_behavior ?? "api",
      status: input.status ?? "active",
      last_synced_at: now,
      created_at: now,
      updated_at: now
    }
    store.contentImportSources.set(source.id, source)
    return Http.json(Wire.contentImportSource(source))
  }),

  Http.route(AiContent.getContentImportSourceOperation, ({ params, store }) => {
    const source = sourceOf(store, params.source_id)
    return source === undefined ? notFound() : Http.json(Wire.contentImportSource(source))
  }),

  Http.route(AiContent.updateContentImportSourceOperation, ({ input, now, store }) => {
    const source = sourceOf(store, input.source_id)
    if (source === undefined) return notFound()
    if (!isUrl(input.url)) return invalidUrl()
    source.url = input.url
    source.sync_behavior = input.sync_behavior
    if (input.status !== undefined) source.status = input.status
    source.updated_at = now
    return Http.json(Wire.contentImportSource(source))
  }),

  Http.route(AiContent.deleteContentImportSourceOperation, ({ params, store }) => {
    const source = sourceOf(store, params.source_id)
    if (source === undefined) return notFound()
    store.contentImportSources.delete(source.id)
    for (const page of [...store.externalPages.values()]) {
      if (page.source_id === source.id) store.externalPages.delete(page.id)
    }
    return Http.empty(204)
  }),

  // external pages: newest first, 50 a page
  Http.route(AiContent.listExternalPagesOperation, ({ origin, query, store }) => {
    return Pagination.numberList(
      [...store.externalPages.values()].reverse(),
      { query, origin, path: "/ai/external_pages" },
      50,
      150,
      Wire.externalPage
    )
  }),

  Http.route(AiContent.createExternalPageOperation, ({ input, now, store }) => {
    const source = sourceOf(store, input.source_id)
    if (source === undefined) {
      return Http.fail(400, "parameter_invalid", "source_id must be the id of a content import source", "source_id")
    }
    if (input.url !== undefined && !isUrl(input.url)) return invalidUrl()
    const externalId = String(input.external_id)
    // an existing page of the same source and external id is updated instead
    const existing = pageBySourceAndExternalId(store, source.id, externalId)
    const agent = input.ai_agent_availability ?? existing?.ai_agent_availability ?? true
    const page: ExternalPageRecord = existing ?? {
      seq: store.nextSeq(),
      id: store.nextNumericId("external_page", 16),
      title: input.title,
      html: input.html,
      url: input.url ?? null,
      ai_agent_availability: agent,
      ai_copilot_availability: input.ai_copilot_availability ?? true,
      fin_availability: agent,
      locale: input.locale ?? "en",
      source_id: source.id,
      external_id: externalId,
      created_at: now,
      updated_at: now,
      last_ingested_at: now
    }
    if (existing !== undefined) {
      existing.title = input.title
      existing.html = input.html
      if (input.url !== undefined) existing.url = input.url
      existing.ai_agent_availability = agent
      existing.fin_availability = agent
      if (input.ai_copilot_availability !== undefined) existing.ai_copilot_availability = input.ai_copilot_availability
      existing.updated_at = now
      existing.last_ingested_at = now
    }
    store.externalPages.set(page.id, page)
    return Http.json(Wire.externalPage(page))
  }),

  Http.route(AiContent.getExternalPageOperation, ({ params, store }) => {
    const page = store.externalPages.get(params.page_id)
    return page === undefined ? notFound() : Http.json(Wire.externalPage(page))
  }),

  Http.route(AiContent.updateExternalPageOperation, ({ input, now, store }) => {
    const page = store.externalPages.get(String(input.page_id))
    if (page === undefined) return notFound()
    // only pages pushed through the API (a source that syncs by API) can be updated
    if (store.contentImportSources.get(page.source_id)?.sync_behavior !== "api") {
      return Http.fail(400, "parameter_invalid", "Only external pages created through the API can be updated")
    }
    const source = sourceOf(store, input.source_id)
    if (source === undefined || source.sync_behavior !== "api") {
      return Http.fail(
        400,
        "parameter_invalid",
        "source_id must be the id of a content import source that syncs by API",
        "source_id"
      )
    }
    if (!isUrl(input.url)) return invalidUrl()
    const externalId = input.external_id === undefined ? page.external_id : String(input.external_id)
    const clash = pageBySourceAndExternalId(store, source.id, externalId)
    if (clash !== undefined && clash.id !== page.id) {
      return Http.fail(
        400,
        "parameter_invalid",
        "An external page with this external_id already exists for this source",
        "external_id"
      )
    }
    page.title = input.title
    page.html = input.html
    page.url = input.url
    page.locale = input.locale ?? "en"
    page.source_id = source.id
    page.external_id = externalId
    if (input.fin_availability !== undefined) {
      page.fin_availability = input.fin_availability
      page.ai_agent_availability = input.fin_availability
    }
    page.updated_at = now
    page.last_ingested_at = now
    return Http.json(Wire.externalPage(page))
  }),

  Http.route(AiContent.deleteExternalPageOperation, ({ params, store }) => {
    const page = store.externalPages.get(params.page_id)
    if (page === undefined) return notFound()
    store.externalPages.delete(page.id)
    // the answer is the page as it was, its content already dropped
    return Http.json(Wire.externalPage({ ...page, html: "" }))
  })
]
