/**
 * Internal articles: list (cursor), CRUD, and search by folder (cursor, the
 * articles under `data.internal_articles`). The search route comes before
 * the one reading an id, so `/internal_articles/search` is never an id.
 */
import * as InternalArticles from "@effect-intercom/client/stable/InternalArticles"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { InternalArticleRecord } from "../store.js"
import * as Wire from "../wire.js"

const notFound = () => Http.notFound("Resource Not Found")

const mustBeAdmin = (field: "author_id" | "owner_id") =>
  Http.fail(400, "parameter_invalid", `${field} must be the id of an admin of the workspace`, field)

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(InternalArticles.searchInternalArticlesOperation, ({ query, store }) => {
    const folderId = query.get("folder_id")
    const matches = [...store.internalArticles.values()].filter((a) =>
      folderId === null || folderId === "" || a.folder_id === folderId
    )
    const page = Pagination.cursorPage(
      matches,
      Pagination.perPage(query.get("per_page"), 10),
      query.get("starting_after")
    )
    if (page === undefined) return Pagination.invalidCursor()
    return Http.json({
      type: "list",
      total_count: page.total,
      data: { internal_articles: page.items.map(Wire.internalArticle) },
      pages: Pagination.cursorPages(page)
    })
  }),

  Http.route(InternalArticles.listInternalArticlesOperation, ({ query, store }) => {
    return Pagination.cursorList([...store.internalArticles.values()], query, 25, Wire.internalArticle)
  }),

  Http.route(InternalArticles.createInternalArticleOperation, ({ input, now, store }) => {
    const author = store.admin(input.author_id)
    if (author === undefined) return mustBeAdmin("author_id")
    const owner = store.admin(input.owner_id)
    if (owner === undefined) return mustBeAdmin("owner_id")
    if (input.title.trim() === "") return Http.fail(400, "parameter_invalid", "title must not be blank", "title")
    const article: InternalArticleRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("internal_article", 38),
      title: input.title,
      body: input.body ?? "",
      owner_id: Number(owner.id),
      author_id: Number(author.id),
      locale: "en",
      folder_id: null,
      created_at: now,
      updated_at: now
    }
    store.internalArticles.set(article.id, article)
    return Http.json(Wire.internalArticle(article))
  }),

  Http.route(InternalArticles.retrieveInternalArticleOperation, ({ params, store }) => {
    const article = store.internalArticles.get(params.internal_article_id)
    return article === undefined ? notFound() : Http.json(Wire.internalArticle(article))
  }),

  Http.route(InternalArticles.updateInternalArticleOperation, ({ input, now, store }) => {
    const article = store.internalArticles.get(String(input.internal_article_id))
    if (article === undefined) return notFound()
    if (input.author_id !== undefined && store.admin(input.author_id) === undefined) return mustBeAdmin("author_id")
    if (input.owner_id !== undefined && store.admin(input.owner_id) === undefined) return mustBeAdmin("owner_id")
    if (input.title !== undefined && input.title.trim() === "") {
      return Http.fail(400, "parameter_invalid", "title must not be blank", "title")
    }
    if (input.title !== undefined) article.title = input.title
    if (input.body !== undefined) article.body = input.body
    if (input.author_id !== undefined) article.author_id = Number(input.author_id)
    if (input.owner_id !== undefined) article.owner_id = Number(input.owner_id)
    article.updated_at = now
    return Http.json(Wire.internalArticle(article))
  }),

  Http.route(InternalArticles.deleteInternalArticleOperation, ({ params, store }) => {
    const article = store.internalArticles.get(params.internal_article_id)
    if (article === undefined) return notFound()
    store.internalArticles.delete(article.id)
    return Http.json({ id: article.id, object: "internal_article", deleted: true })
  })
]
