/**
 * The fake's internal articles through the real client: create, read, update,
 * list to the end by cursor, search by folder, delete, 404 afterwards, and the
 * input it rejects.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { isErrorList, layer, raw } from "./_fake.js"

const collect = <A, E, R>(stream: Stream.Stream<A, E, R>) =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

describe("FakeIntercom internal articles", () => {
  it.effect("create, retrieve, update, list to the end, delete, 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      const admins = (yield* intercom.admins.list()).admins!
      const [author, owner] = [admins[0]!, admins[1]!]
      const created = yield* intercom.internalArticles.createInternalArticle({
        title: "Thanks for everything",
        body: "Body of the Article",
        author_id: author.id!,
        owner_id: Number(owner.id)
      })
      assert.strictEqual(created.type, "internal_article")
      assert.strictEqual(created.title, "Thanks for everything")
      assert.strictEqual(created.author_id, Number(author.id))
      assert.strictEqual(created.owner_id, Number(owner.id))
      assert.strictEqual(created.locale, "en")
      const id = created.id!
      assert.deepStrictEqual(
        yield* intercom.internalArticles.retrieveInternalArticle({ internal_article_id: id }),
        created
      )

      const updated = yield* intercom.internalArticles.updateInternalArticle({
        internal_article_id: Number(id),
        title: "Christmas is here!",
        body: "<p>New gifts in store for the jolly season</p>",
        owner_id: author.id!
      })
      assert.strictEqual(updated.title, "Christmas is here!")
      assert.strictEqual(updated.owner_id, Number(author.id))
      assert.strictEqual(updated.author_id, Number(author.id))
      const read = yield* intercom.internalArticles.retrieveInternalArticle({ internal_article_id: id })
      assert.strictEqual(read.body, "<p>New gifts in store for the jolly season</p>")

      // cursor, 25 a page: the 30 seeded and this one on 2 pages, the last without a cursor
      const pages = yield* collect(intercom.internalArticles.listInternalArticlesPages())
      assert.strictEqual(pages.length, 2)
      assert.isString(pages[0].pages?.next?.starting_after)
      assert.isUndefined(pages[1].pages?.next)
      const ids = pages.flatMap((p) => p.data ?? []).map((a) => a.id)
      assert.strictEqual(ids.length, 31)
      assert.strictEqual(ids.at(-1), id)
      assert.deepStrictEqual(ids, (yield* fake.records("internalArticles")).map((a) => a.id))
      // and by smaller pages
      const small = yield* collect(intercom.internalArticles.listInternalArticlesStream({ per_page: 4 } as {}))
      assert.deepStrictEqual(small.map((a) => a.id), ids)

      const deleted = yield* intercom.internalArticles.deleteInternalArticle({ internal_article_id: id })
      assert.deepStrictEqual(deleted, { id, object: "internal_article", deleted: true })
      const gone = yield* Effect.flip(intercom.internalArticles.retrieveInternalArticle({ internal_article_id: id }))
      assert.strictEqual(gone._tag, "NotFoundError")
      if (gone._tag === "NotFoundError") assert.strictEqual(gone.errors[0].code, "not_found")
      const update = yield* Effect.flip(
        intercom.internalArticles.updateInternalArticle({ internal_article_id: id, title: "x" })
      )
      assert.strictEqual(update._tag, "NotFoundError")
      const again = yield* Effect.flip(intercom.internalArticles.deleteInternalArticle({ internal_article_id: id }))
      assert.strictEqual(again._tag, "NotFoundError")
      assert.strictEqual((yield* collect(intercom.internalArticles.listInternalArticlesStream())).length, 30)

      // the Preview lists the same articles
      const preview = yield* collect(intercom.unstable.internalArticles.listInternalArticlesStream())
      assert.deepStrictEqual(preview.map((a) => a.id), ids.slice(0, 30))
    }).pipe(Effect.provide(layer())))

  it.effect("search by folder pages by cursor to the end, and /internal_articles/search is not an id", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      // the 30 seeded articles are filed in folders 500, 501 and 502 in turn
      const first = yield* intercom.internalArticles.searchInternalArticles({ folder_id: "500" })
      assert.strictEqual(first.type, "list")
      assert.strictEqual(first.total_count, 10)
      assert.strictEqual(first.data?.internal_articles?.length, 10)
      assert.isUndefined(first.pages?.next)
      const paged = yield* collect(
        intercom.internalArticles.searchInternalArticlesStream({ folder_id: "501", per_page: 3 } as {
          folder_id: string
        })
      )
      assert.strictEqual(paged.length, 10)
      const pages = (yield* fake.exchanges).filter((e) => e.operation === "internalArticles.searchInternalArticles")
      assert.strictEqual(pages.length, 1 + 4)
      const all = yield* collect(intercom.internalArticles.searchInternalArticlesStream())
      assert.strictEqual(all.length, 30)
      const none = yield* intercom.internalArticles.searchInternalArticles({ folder_id: "999" })
      assert.strictEqual(none.total_count, 0)
      assert.deepStrictEqual(none.data?.internal_articles, [])

      const response = yield* raw("GET", "/internal_articles/search")
      assert.strictEqual(response.status, 200)
      assert.strictEqual(response.json.type, "list")
      assert.strictEqual(response.json.data.internal_articles.length, 10)
      assert.strictEqual((yield* fake.exchanges).at(-1)?.operation, "internalArticles.searchInternalArticles")

      const bogus = yield* raw("GET", "/internal_articles/search?starting_after=bogus")
      assert.strictEqual(bogus.status, 400)
      assert.isTrue(isErrorList(bogus.json, "parameter_invalid"))
    }).pipe(Effect.provide(layer())))

  it.effect("invalid input is rejected in Intercom's error shape", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const me = yield* intercom.admins.identify()
      const noTitle = yield* raw("POST", "/internal_articles", { body: { author_id: me.id, owner_id: me.id } })
      assert.strictEqual(noTitle.status, 422)
      assert.isTrue(isErrorList(noTitle.json, "parameter_not_found"))
      assert.strictEqual(noTitle.json.errors[0].field, "title")
      const noOwner = yield* raw("POST", "/internal_articles", { body: { title: "x", author_id: me.id } })
      assert.strictEqual(noOwner.status, 422)
      assert.strictEqual(noOwner.json.errors[0].field, "owner_id")
      const wrongType = yield* raw("PUT", "/internal_articles/39", { body: { title: 42 } })
      assert.strictEqual(wrongType.status, 422)
      assert.isTrue(isErrorList(wrongType.json, "parameter_invalid"))

      const unknownAuthor = yield* Effect.flip(intercom.internalArticles.createInternalArticle({
        title: "x",
        author_id: 1,
        owner_id: me.id!
      }))
      assert.strictEqual(unknownAuthor._tag, "BadRequestError")
      if (unknownAuthor._tag === "BadRequestError") assert.strictEqual(unknownAuthor.errors[0].field, "author_id")
      const unknownOwner = yield* Effect.flip(
        intercom.internalArticles.updateInternalArticle({ internal_article_id: 39, owner_id: 1 })
      )
      assert.strictEqual(unknownOwner._tag, "BadRequestError")
      const bogus = yield* raw("GET", "/internal_articles?starting_after=bogus")
      assert.strictEqual(bogus.status, 400)
      assert.isTrue(isErrorList(bogus.json, "parameter_invalid"))
    }).pipe(Effect.provide(layer())))
})
