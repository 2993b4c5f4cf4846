/**
 * The fake's AI content through the real client: content import sources and
 * external pages (create, read, update, list to the end by page number,
 * delete, 404 afterwards), and the input it rejects.
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

describe("FakeIntercom AI content", () => {
  it.effect("content import sources: create, get, update, list to the end, delete with its pages, 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      const seeded = yield* fake.records("contentImportSources")
      assert.strictEqual(seeded.length, 4)

      const created = yield* intercom.aiContent.createContentImportSource({
        sync_behavior: "api",
        url: "https://www.example.com"
      })
      assert.strictEqual(created.type, "content_import_source")
      assert.strictEqual(created.sync_behavior, "api")
      assert.strictEqual(created.status, "active")
      assert.isNumber(created.id)
      const found = yield* intercom.aiContent.getContentImportSource({ source_id: created.id })
      assert.deepStrictEqual(found, created)

      const updated = yield* intercom.aiContent.updateContentImportSource({
        source_id: created.id,
        sync_behavior: "manual",
        status: "deactivated",
        url: "https://www.example.com/help"
      })
      assert.strictEqual(updated.status, "deactivated")
      assert.strictEqual(updated.sync_behavior, "manual")
      assert.strictEqual((yield* intercom.aiContent.getContentImportSource({ source_id: created.id })).url, updated.url)

      // page numbers, 2 a page: 5 sources on 3 pages, the last one says it is the last
      const pages = yield* collect(intercom.aiContent.listContentImportSourcesPages({ per_page: 2 } as {}))
      assert.deepStrictEqual(pages.map((p) => p.pages?.page), [1, 2, 3])
      assert.isTrue(pages.every((p) => p.pages?.total_pages === 3 && p.total_count === 5))
      assert.isString(pages[0].pages?.next)
      assert.isNull(pages[2].pages?.next)
      const ids = pages.flatMap((p) => p.data ?? []).map((s) => s.id)
      assert.deepStrictEqual(ids, [...seeded.map((s) => s.id), created.id])

      const page = yield* intercom.aiContent.createExternalPage({
        title: "Pricing",
        html: "<h1>Pricing</h1>",
        locale: "en",
        source_id: created.id,
        external_id: "pricing"
      })
      yield* intercom.aiContent.deleteContentImportSource({ source_id: created.id })
      const gone = yield* Effect.flip(intercom.aiContent.getContentImportSource({ source_id: created.id }))
      assert.strictEqual(gone._tag, "NotFoundError")
      // its pages went with it
      const pageGone = yield* Effect.flip(intercom.aiContent.getExternalPage({ page_id: page.id }))
      assert.strictEqual(pageGone._tag, "NotFoundError")
      const again = yield* Effect.flip(intercom.aiContent.deleteContentImportSource({ source_id: created.id }))
      assert.strictEqual(again._tag, "NotFoundError")
      const remaining = yield* collect(intercom.aiContent.listContentImportSourcesStream())
      assert.strictEqual(remaining.length, 4)

      // the delete answers 204 without a body
      const response = yield* raw("DELETE", `/ai/content_import_sources/${seeded[0].id}`)
      assert.strictEqual(response.status, 204)
      assert.isUndefined(response.json)
    }).pipe(Effect.provide(layer())))

  it.effect("external pages: create, create again updates by external id, get, update, list to the end, delete, 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const sources = yield* collect(intercom.aiContent.listContentImportSourcesStream())
      const apiSource = sources.find((s) => s.sync_behavior === "api")!
      const created = yield* intercom.aiContent.createExternalPage({
        title: "Test",
        html: "<html><body><h1>Test</h1></body></html>",
        url: "https://www.example.com",
        locale: "en",
        source_id: apiSource.id,
        external_id: "abc1234"
      })
      assert.strictEqual(created.type, "external_page")
      assert.strictEqual(created.source_id, apiSource.id)
      assert.strictEqual(created.external_id, "abc1234")
      assert.isTrue(created.fin_availability)

      // the same source and external id: the page is updated, not duplicated
      const upserted = yield* intercom.aiContent.createExternalPage({
        title: "Test again",
        html: "<h1>Test again</h1>",
        locale: "en",
        source_id: String(apiSource.id),
        external_id: "abc1234",
        ai_agent_availability: false
      })
      assert.strictEqual(upserted.id, created.id)
      assert.strictEqual(upserted.title, "Test again")
      assert.isFalse(upserted.ai_agent_availability)

      const updated = yield* intercom.aiContent.updateExternalPage({
        page_id: created.id,
        title: "Test, updated",
        html: "<h1>Updated</h1>",
        url: "https://www.example.com/updated",
        locale: "en",
        source_id: apiSource.id,
        external_id: "5678",
        fin_availability: true
      })
      assert.strictEqual(updated.external_id, "5678")
      assert.isTrue(updated.fin_availability)
      const found = yield* intercom.aiContent.getExternalPage({ page_id: created.id })
      assert.deepStrictEqual(found, updated)

      // newest first, 5 a page: the 12 seeded and this one
      const pages = yield* collect(intercom.aiContent.listExternalPagesPages({ per_page: 5 } as {}))
      assert.deepStrictEqual(pages.map((p) => p.pages?.page), [1, 2, 3])
      const items = pages.flatMap((p) => p.data ?? [])
      assert.strictEqual(items.length, 13)
      assert.strictEqual(items[0].id, created.id)
      assert.strictEqual(new Set(items.map((p) => p.id)).size, 13)

      const deleted = yield* intercom.aiContent.deleteExternalPage({ page_id: created.id })
      assert.strictEqual(deleted.id, created.id)
      assert.strictEqual(deleted.html, "")
      const gone = yield* Effect.flip(intercom.aiContent.getExternalPage({ page_id: created.id }))
      assert.strictEqual(gone._tag, "NotFoundError")
      const again = yield* Effect.flip(intercom.aiContent.deleteExternalPage({ page_id: created.id }))
      assert.strictEqual(again._tag, "NotFoundError")
      const update = yield* Effect.flip(intercom.aiContent.updateExternalPage({
        page_id: created.id,
        title: "x",
        html: "x",
        url: "https://www.example.com",
        locale: "en",
        source_id: apiSource.id
      }))
      assert.strictEqual(update._tag, "NotFoundError")
      assert.strictEqual((yield* collect(intercom.aiContent.listExternalPagesStream())).length, 12)

      // the Preview lists the same pages, in the same order
      const preview = yield* collect(intercom.unstable.aiContent.listExternalPagesStream({ per_page: 5 } as {}))
      assert.deepStrictEqual(
        preview.map((p) => p.id),
        (yield* collect(intercom.aiContent.listExternalPagesStream())).map((p) => p.id)
      )
    }).pipe(Effect.provide(layer())))

  it.effect("invalid input is rejected in Intercom's error shape", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const missing = yield* raw("POST", "/ai/content_import_sources", { body: { url: "https://www.example.com" } })
      assert.strictEqual(missing.status, 422)
      assert.isTrue(isErrorList(missing.json, "parameter_not_found"))
      assert.strictEqual(missing.json.errors[0].field, "sync_behavior")
      const notApi = yield* raw("POST", "/ai/content_import_sources", {
        body: { sync_behavior: "automatic", url: "https://www.example.com" }
      })
      assert.strictEqual(notApi.status, 422)
      assert.isTrue(isErrorList(notApi.json, "parameter_invalid"))
      const badUrl = yield* Effect.flip(
        intercom.aiContent.createContentImportSource({ sync_behavior: "api", url: "not a url" })
      )
      assert.strictEqual(badUrl._tag, "BadRequestError")

      const noSource = yield* Effect.flip(intercom.aiContent.createExternalPage({
        title: "Orphan",
        html: "<p>Orphan</p>",
        locale: "en",
        source_id: 1,
        external_id: "orphan"
      }))
      assert.strictEqual(noSource._tag, "BadRequestError")
      const wrongLocale = yield* raw("POST", "/ai/external_pages", {
        body: { title: "x", html: "x", locale: "fr", source_id: 36, external_id: "x" }
      })
      assert.strictEqual(wrongLocale.status, 422)
      assert.strictEqual(wrongLocale.json.errors[0].field, "locale")

      // a page synced from a website (not pushed through the API) cannot be updated
      const sources = yield* collect(intercom.aiContent.listContentImportSourcesStream())
      const crawled = sources.find((s) => s.sync_behavior === "automatic")!
      const crawledPage = (yield* collect(intercom.aiContent.listExternalPagesStream())).find((p) =>
        p.source_id === crawled.id
      )!
      const refused = yield* Effect.flip(intercom.aiContent.updateExternalPage({
        page_id: crawledPage.id,
        title: "x",
        html: "x",
        url: "https://www.example.com",
        locale: "en",
        source_id: crawled.id
      }))
      assert.strictEqual(refused._tag, "BadRequestError")

      const unknownSource = yield* Effect.flip(intercom.aiContent.updateContentImportSource({
        source_id: 1,
        sync_behavior: "api",
        url: "https://www.example.com"
      }))
      assert.strictEqual(unknownSource._tag, "NotFoundError")
      if (unknownSource._tag === "NotFoundError") assert.strictEqual(unknownSource.errors[0].code, "not_found")
    }).pipe(Effect.provide(layer())))
})
