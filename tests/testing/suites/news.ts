/**
 * The fake's news through the real client: news items (create, read, update,
 * list to the end by cursor, delete, 404 afterwards), newsfeeds and the live
 * items of a feed, and the input it rejects.
 */
import { Intercom } from "@effect-intercom/client"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { isErrorList, layer, raw } from "./_fake.js"

const collect = <A, E, R>(stream: Stream.Stream<A, E, R>) =>
  Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

const asItem = (u: Schemas.NewsItem | Schemas.Newsfeed) => u as Schemas.NewsItem

describe("FakeIntercom news", () => {
  it.effect("news items: create, find, update, list to the end, delete, 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      // the fake's clock is the TestClock: the day of the spec's examples
      yield* TestClock.setTime(1_734_537_797_000)
      const me = yield* intercom.admins.identify()
      const feeds = (yield* intercom.news.feeds.list()).data!
      const feedId = feeds[0].id!
      const created = yield* intercom.news.items.create({
        title: "Halloween is here!",
        body: "<p>New costumes in store for this spooky season</p>",
        labels: ["Product", "Update", "New"],
        sender_id: me.id!,
        deliver_silently: true,
        reactions: ["\u{1F606}", "\u{1F605}"],
        state: "live",
        newsfeed_assignments: [{ newsfeed_id: Number(feedId), published_at: 1664638214 }]
      })
      assert.strictEqual(created.type, "news-item")
      assert.strictEqual(created.state, "live")
      assert.strictEqual(created.sender_id, Number(me.id))
      assert.deepStrictEqual(created.labels, ["New", "Product", "Update"])
      assert.deepStrictEqual(created.reactions, ["\u{1F606}", "\u{1F605}"])
      assert.deepStrictEqual(created.newsfeed_assignments, [{ newsfeed_id: Number(feedId), published_at: 1664638214 }])
      const id = created.id!
      assert.deepStrictEqual(yield* intercom.news.items.find({ news_item_id: id }), created)
      const live = yield* collect(intercom.news.feeds.listItemsStream({ newsfeed_id: feedId }))
      assert.strictEqual(live.map((i) => i.id).at(-1), id)

      // back to draft: no longer on the feed, and its publish date is gone
      const updated = yield* intercom.news.items.update({
        news_item_id: Number(id),
        title: "Christmas is here!",
        body: "<p>New gifts in store for the jolly season</p>",
        sender_id: me.id!,
        state: "draft"
      })
      assert.strictEqual(updated.title, "Christmas is here!")
      assert.strictEqual(updated.state, "draft")
      assert.deepStrictEqual(updated.labels, ["New", "Product", "Update"])
      assert.deepStrictEqual(updated.newsfeed_assignments, [{ newsfeed_id: Number(feedId), published_at: null }])
      const afterDraft = yield* collect(intercom.news.feeds.listItemsStream({ newsfeed_id: feedId }))
      assert.strictEqual(afterDraft.length, live.length - 1)
      assert.isFalse(afterDraft.some((i) => i.id === id))
      assert.strictEqual((yield* intercom.news.items.find({ news_item_id: id })).state, "draft")

      // cursor, 10 a page: the 24 seeded and this one on 3 pages, the last without a cursor
      const pages = yield* collect(intercom.news.items.listPages())
      assert.strictEqual(pages.length, 3)
      assert.isTrue(pages.every((p) => p.total_count === 25 && p.pages?.total_pages === 3))
      assert.isUndefined(pages[2].pages?.next)
      const ids = pages.flatMap((p) => p.data ?? []).map((i) => i.id)
      assert.deepStrictEqual(ids, (yield* fake.records("newsItems")).map((i) => i.id))
      assert.strictEqual(ids.at(-1), id)
      const preview = yield* collect(intercom.unstable.news.listNewsItemsStream())
      assert.deepStrictEqual(preview.map((i) => i.id), ids)

      const deleted = yield* intercom.news.items.delete({ news_item_id: id })
      assert.deepStrictEqual(deleted, { id, object: "news-item", deleted: true })
      const gone = yield* Effect.flip(intercom.news.items.find({ news_item_id: id }))
      assert.strictEqual(gone._tag, "NotFoundError")
      if (gone._tag === "NotFoundError") assert.strictEqual(gone.errors[0].code, "not_found")
      const update = yield* Effect.flip(
        intercom.news.items.update({ news_item_id: id, title: "x", sender_id: me.id! })
      )
      assert.strictEqual(update._tag, "NotFoundError")
      const again = yield* Effect.flip(intercom.news.items.delete({ news_item_id: id }))
      assert.strictEqual(again._tag, "NotFoundError")
      assert.strictEqual((yield* collect(intercom.news.items.listStream())).length, 24)
    }).pipe(Effect.provide(layer())))

  it.effect("newsfeeds: list, find, and the live items of a feed to the end", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      const me = yield* intercom.admins.identify()
      const feeds = yield* intercom.news.feeds.list()
      assert.strictEqual(feeds.type, "list")
      assert.strictEqual(feeds.total_count, 3)
      assert.deepStrictEqual(feeds.data?.map((f) => (f as Schemas.Newsfeed).name), [
        "Visitor Feed",
        "User Feed",
        "Lead Feed"
      ])
      const feed = feeds.data![1] as Schemas.Newsfeed
      const found = yield* intercom.news.feeds.find({ newsfeed_id: feed.id! })
      assert.deepStrictEqual(found, feed)
      const missing = yield* Effect.flip(intercom.news.feeds.find({ newsfeed_id: "1" }))
      assert.strictEqual(missing._tag, "NotFoundError")

      // a draft is not on the feed until it goes live
      const draft = yield* intercom.news.items.create({
        title: "Coming soon",
        sender_id: me.id!,
        newsfeed_assignments: [{ newsfeed_id: feed.id! }]
      })
      assert.strictEqual(draft.state, "draft")
      const items = (yield* fake.records("newsItems")).filter((i) =>
        i.state === "live" && i.newsfeed_assignments?.some((a) => String(a.newsfeed_id) === feed.id)
      )
      const live = yield* collect(intercom.news.feeds.listItemsStream({ newsfeed_id: feed.id!, per_page: 3 } as {
        newsfeed_id: string
      }))
      assert.deepStrictEqual(live.map((i) => i.id), items.map((i) => i.id))
      assert.isAbove(live.length, 3)
      assert.isTrue(live.every((i) => asItem(i).state === "live"))
      const published = yield* intercom.news.items.update({
        news_item_id: draft.id!,
        title: "Out now",
        sender_id: me.id!,
        state: "live"
      })
      assert.isNumber(published.newsfeed_assignments?.[0]?.published_at)
      const after = yield* collect(intercom.news.feeds.listItemsStream({ newsfeed_id: feed.id! }))
      assert.deepStrictEqual(after.map((i) => i.id), [...items.map((i) => i.id), draft.id])

      const preview = yield* collect(intercom.unstable.news.listLiveNewsfeedItemsStream({ id: feed.id! }))
      assert.deepStrictEqual(preview.map((i) => i.id), after.map((i) => i.id))
      const noFeed = yield* Effect.flip(intercom.news.feeds.listItems({ newsfeed_id: "1" }))
      assert.strictEqual(noFeed._tag, "NotFoundError")
      const feedPages = yield* collect(intercom.news.feeds.listPages({ per_page: 2 } as {}))
      assert.deepStrictEqual(feedPages.map((p) => p.data?.length), [2, 1])
    }).pipe(Effect.provide(layer())))

  it.effect("invalid input is rejected in Intercom's error shape", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const me = yield* intercom.admins.identify()
      const noSender = yield* raw("POST", "/news/news_items", { body: { title: "x" } })
      assert.strictEqual(noSender.status, 422)
      assert.isTrue(isErrorList(noSender.json, "parameter_not_found"))
      assert.strictEqual(noSender.json.errors[0].field, "sender_id")
      const badState = yield* raw("POST", "/news/news_items", {
        body: { title: "x", sender_id: me.id, state: "published" }
      })
      assert.strictEqual(badState.status, 422)
      assert.isTrue(isErrorList(badState.json, "parameter_invalid"))
      assert.strictEqual(badState.json.errors[0].field, "state")
      const noTitle = yield* raw("PUT", "/news/news_items/29", { body: { sender_id: me.id } })
      assert.strictEqual(noTitle.status, 422)
      assert.strictEqual(noTitle.json.errors[0].field, "title")

      const unknownSender = yield* Effect.flip(intercom.news.items.create({ title: "x", sender_id: 1 }))
      assert.strictEqual(unknownSender._tag, "BadRequestError")
      if (unknownSender._tag === "BadRequestError") assert.strictEqual(unknownSender.errors[0].field, "sender_id")
      const unknownFeed = yield* Effect.flip(intercom.news.items.create({
        title: "x",
        sender_id: me.id!,
        newsfeed_assignments: [{ newsfeed_id: 1 }]
      }))
      assert.strictEqual(unknownFeed._tag, "BadRequestError")
      const future = yield* Effect.flip(intercom.news.items.create({
        title: "x",
        sender_id: me.id!,
        state: "live",
        newsfeed_assignments: [{ newsfeed_id: 68, published_at: 4_102_444_800 }]
      }))
      assert.strictEqual(future._tag, "BadRequestError")
      const bogus = yield* raw("GET", "/news/news_items?starting_after=bogus")
      assert.strictEqual(bogus.status, 400)
      assert.isTrue(isErrorList(bogus.json, "parameter_invalid"))
    }).pipe(Effect.provide(layer())))
})
