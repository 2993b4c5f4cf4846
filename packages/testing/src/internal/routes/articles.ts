/**
 * The help centre: articles (list with page numbers, CRUD, search), help
 * centres, and collections (list with page numbers, CRUD).
 */
import * as Articles from "@effect-intercom/client/stable/Articles"
import * as HelpCenters from "@effect-intercom/client/stable/HelpCenters"
import * as Collections from "@effect-intercom/client/stable/HelpCentersCollections"
import * as UnstableArticles from "@effect-intercom/client/unstable/Articles"
import * as UnstableHelpCenter from "@effect-intercom/client/unstable/HelpCenter"
import * as Adapt from "../adapt.js"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { ArticleRecord, CollectionRecord } from "../store.js"
import * as Wire from "../wire.js"

const articleNotFound = () => Http.notFound("Resource Not Found")
const collectionNotFound = () => Http.notFound("Resource Not Found")

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Articles.listOperation, ({ origin, query, store }) => {
    const articles = [...store.articles.values()].reverse()
    return Pagination.numberList(articles, { query, origin, path: "/articles" }, 25, 250, (a) => Wire.article(store, a))
  }),

  Http.route(Articles.createOperation, ({ input, now, store }) => {
    const author = store.admin(input.author_id)
    if (author === undefined) {
      return Http.fail(400, "parameter_invalid", "author_id must be the id of an admin of the workspace", "author_id")
    }
    if (input.parent_id !== undefined && !store.collections.has(String(input.parent_id))) {
      return Http.fail(400, "parameter_invalid", "parent_id is not a collection or section", "parent_id")
    }
    const article: ArticleRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("article", 40),
      title: input.title,
      description: input.description ?? "",
      body: input.body === undefined ? "" : `<p class="no-margin">${input.body}</p>`,
      author_id: Number(author.id),
      state: input.state ?? "draft",
      parent_id: input.parent_id === undefined ? null : Number(input.parent_id),
      parent_type: input.parent_id === undefined ? null : input.parent_type ?? "collection",
      created_at: now,
      updated_at: now
    }
    store.articles.set(article.id, article)
    return Http.json(Wire.article(store, article))
  }),

  Http.route(Articles.findOperation, ({ params, store }) => {
    const article = store.articles.get(params.article_id)
    return article === undefined ? articleNotFound() : Http.json(Wire.article(store, article))
  }),

  Http.route(Articles.updateOperation, ({ input, now, store }) => {
    const article = store.articles.get(String(input.article_id))
    if (article === undefined) return articleNotFound()
    if (input.title !== undefined) article.title = input.title
    if (input.description !== undefined) article.description = input.description
    if (input.body !== undefined) article.body = input.body
    if (input.state !== undefined) article.state = input.state
    if (input.author_id !== undefined) article.author_id = Number(input.author_id)
    if (input.parent_id !== undefined) article.parent_id = Number(input.parent_id)
    // the input type is `"collection" | "section" | (string & {})` (R6, `described.ts`): narrow a plain string
    const parentType: string | undefined = input.parent_type
    if (parentType === "collection" || parentType === "section") article.parent_type = parentType
    article.updated_at = now
    return Http.json(Wire.article(store, article))
  }),

  Http.route(Articles.deleteOperation, ({ params, store }) => {
    const article = store.articles.get(params.article_id)
    if (article === undefined) return articleNotFound()
    store.articles.delete(article.id)
    return Http.json({ id: article.id, object: "article", deleted: true })
  }),

  Http.route(Articles.searchOperation, ({ query, store }) => {
    const phrase = (query.get("phrase") ?? "").toLowerCase()
    const state = query.get("state")
    const helpCenterId = query.get("help_center_id")
    const matches = [...store.articles.values()].filter((a) => {
      if (state !== null && state !== "all" && a.state !== state) return false
      if (helpCenterId !== null) {
        const parent = a.parent_id === null ? undefined : store.collections.get(String(a.parent_id))
        if (parent === undefined || String(parent.help_center_id) !== helpCenterId) return false
      }
      return phrase === "" || `${a.title} ${a.description} ${a.body}`.toLowerCase().includes(phrase)
    })
    const page = Pagination.numberPage(matches, 1, 10)
    return Http.json({
      type: "list",
      total_count: page.total,
      data: { articles: page.items.map((a) => Wire.article(store, a)), highlights: [] },
      pages: Pagination.plainPages(page)
    })
  }),

  Http.route(HelpCenters.listOperation, ({ origin, query, store }) => {
    return Pagination.numberList(
      [...store.helpCenters.values()],
      { query, origin, path: "/help_center/help_centers" },
      20,
      100,
      (h) => Wire.helpCenter(store, h)
    )
  }),

  Http.route(HelpCenters.findOperation, ({ params, store }) => {
    const helpCenter = store.helpCenters.get(params.help_center_id)
    return helpCenter === undefined
      ? Http.notFound("Resource Not Found")
      : Http.json(Wire.helpCenter(store, helpCenter))
  }),

  Http.route(Collections.listOperation, ({ origin, query, store }) => {
    return Pagination.numberList(
      [...store.collections.values()],
      { query, origin, path: "/help_center/collections" },
      20,
      100,
      (c) => Wire.collection(store, c)
    )
  }),

  Http.route(Collections.createOperation, ({ input, now, store }) => {
    if (input.parent_id !== undefined && input.parent_id !== null && !store.collections.has(input.parent_id)) {
      return Http.fail(400, "parameter_invalid", "parent_id is not a collection", "parent_id")
    }
    const helpCenterId = input.help_center_id ?? Number([...store.helpCenters.keys()][0] ?? 0)
    const collection: CollectionRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("collection", 150),
      name: input.name,
      description: input.description ?? "",
      icon: "book-bookmark",
      order: store.collections.size + 1,
      parent_id: input.parent_id ?? null,
      help_center_id: helpCenterId,
      created_at: now,
      updated_at: now
    }
    store.collections.set(collection.id, collection)
    return Http.json(Wire.collection(store, collection))
  }),

  Http.route(Collections.findOperation, ({ params, store }) => {
    const collection = store.collections.get(params.collection_id)
    return collection === undefined ? collectionNotFound() : Http.json(Wire.collection(store, collection))
  }),

  Http.route(Collections.updateOperation, ({ input, now, store }) => {
    const collection = store.collections.get(String(input.collection_id))
    if (collection === undefined) return collectionNotFound()
    if (input.name !== undefined) collection.name = input.name
    if (input.description !== undefined) collection.description = input.description
    if (input.parent_id !== undefined) collection.parent_id = input.parent_id
    collection.updated_at = now
    return Http.json(Wire.collection(store, collection))
  }),

  Http.route(Collections.deleteOperation, ({ params, store }) => {
    const collection = store.collections.get(params.collection_id)
    if (collection === undefined) return collectionNotFound()
    store.collections.delete(collection.id)
    for (const article of store.articles.values()) {
      if (article.parent_id === Number(collection.id)) {
        article.parent_id = null
        article.parent_type = null
      }
    }
    return Http.json({ id: collection.id, object: "collection", deleted: true })
  })
]

/** The Preview methods of these routes whose answers differ from 2.14's (see `preview.ts`). */
export const previewAdapters: Readonly<Record<string, Http.PreviewAdapter>> = {
  // the Preview pages these listings by cursor, 2.14 by page number
  [UnstableArticles.listArticlesOperation.name]: Adapt.pagesAsCursor,
  [UnstableHelpCenter.listAllCollectionsOperation.name]: Adapt.pagesAsCursor
}
