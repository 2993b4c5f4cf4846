/**
 * News: news items (list by cursor, CRUD; live items are published on the
 * newsfeeds they are assigned to) and newsfeeds (list by cursor, find, and
 * the live items of one feed by cursor).
 */
import * as NewsFeeds from "@effect-intercom/client/stable/NewsFeeds"
import * as NewsItems from "@effect-intercom/client/stable/NewsItems"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import * as Seed from "../seed.js"
import type { NewsItemRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

const notFound = () => Http.notFound("Resource Not Found")

type Assignments = NewsItemRecord["newsfeed_assignments"]

/**
 * The assignments of a request, checked: known newsfeeds, publish dates not in
 * the future; the dates are dropped for a draft and default to now for a live item.
 */
const assignmentsOf = (
  store: Store,
  input: ReadonlyArray<Schemas.NewsfeedAssignmentInput>,
  state: NewsItemRecord["state"],
  now: number
): Assignments | Http.Failure => {
  const out: Array<Assignments[number]> = []
  for (const assignment of input) {
    const feedId = assignment.newsfeed_id === undefined ? undefined : String(assignment.newsfeed_id)
    if (feedId === undefined || !store.newsfeeds.has(feedId)) {
      return Http.fail(
        400,
        "parameter_invalid",
        "newsfeed_id must be the id of a newsfeed of the workspace",
        "newsfeed_assignments"
      )
    }
    if (assignment.published_at !== undefined && assignment.published_at > now && state === "live") {
      return Http.fail(400, "parameter_invalid", "published_at cannot be in the future", "newsfeed_assignments")
    }
    if (out.some((a) => a.newsfeed_id === feedId)) continue
    out.push({ newsfeed_id: feedId, published_at: state === "live" ? assignment.published_at ?? now : null })
  }
  return out
}

const senderMustBeAdmin = () =>
  Http.fail(400, "parameter_invalid", "sender_id must be the id of a teammate of the workspace", "sender_id")

const liveOn = (item: NewsItemRecord, feedId: string): boolean =>
  item.state === "live" && item.newsfeed_assignments.some((a) => a.newsfeed_id === feedId)

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(NewsItems.listOperation, ({ query, store }) => {
    return Pagination.cursorList([...store.newsItems.values()], query, 10, (item) => Wire.newsItem(store, item))
  }),

  Http.route(NewsItems.createOperation, ({ input, now, store }) => {
    const sender = store.admin(input.sender_id)
    if (sender === undefined) return senderMustBeAdmin()
    if (input.title.trim() === "") return Http.fail(400, "parameter_invalid", "title must not be blank", "title")
    const state = input.state ?? "draft"
    const assignments = assignmentsOf(store, input.newsfeed_assignments ?? [], state, now)
    if (Http.isFailure(assignments)) return assignments
    const item: NewsItemRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("news_item", 28),
      title: input.title,
      body: input.body ?? null,
      sender_id: Number(sender.id),
      state,
      labels: [...new Set(input.labels ?? [])].sort(),
      reactions: input.reactions === undefined ? [...Seed.DEFAULT_REACTIONS] : [...input.reactions],
      deliver_silently: input.deliver_silently ?? false,
      cover_image_url: null,
      newsfeed_assignments: assignments,
      created_at: now,
      updated_at: now
    }
    store.newsItems.set(item.id, item)
    return Http.json(Wire.newsItem(store, item))
  }),

  Http.route(NewsItems.findOperation, ({ params, store }) => {
    const item = store.newsItems.get(params.news_item_id)
    return item === undefined ? notFound() : Http.json(Wire.newsItem(store, item))
  }),

  Http.route(NewsItems.updateOperation, ({ input, now, store }) => {
    const item = store.newsItems.get(String(input.news_item_id))
    if (item === undefined) return notFound()
    const sender = store.admin(input.sender_id)
    if (sender === undefined) return senderMustBeAdmin()
    if (input.title.trim() === "") return Http.fail(400, "parameter_invalid", "title must not be blank", "title")
    const state = input.state ?? item.state
    let assignments: Assignments
    if (input.newsfeed_assignments !== undefined) {
      const checked = assignmentsOf(store, input.newsfeed_assignments, state, now)
      if (Http.isFailure(checked)) return checked
      assignments = checked
    } else {
      // the same feeds; published when the item goes live, unpublished when it goes back to draft
      assignments = item.newsfeed_assignments.map((a) => ({
        newsfeed_id: a.newsfeed_id,
        published_at: state === "draft" ? null : a.published_at ?? now
      }))
    }
    item.title = input.title
    item.sender_id = Number(sender.id)
    item.state = state
    item.newsfeed_assignments = assignments
    if (input.body !== undefined) item.body = input.body
    if (input.labels !== undefined) item.labels = [...new Set(input.labels)].sort()
    if (input.reactions !== undefined) item.reactions = [...input.reactions]
    if (input.deliver_silently !== undefined) item.deliver_silently = input.deliver_silently
    item.updated_at = now
    return Http.json(Wire.newsItem(store, item))
  }),

  Http.route(NewsItems.deleteOperation, ({ params, store }) => {
    const item = store.newsItems.get(params.news_item_id)
    if (item === undefined) return notFound()
    store.newsItems.delete(item.id)
    return Http.json({ id: item.id, object: "news-item", deleted: true })
  }),

  Http.route(NewsFeeds.listItemsOperation, ({ params, query, store }) => {
    const feed = store.newsfeeds.get(params.newsfeed_id)
    if (feed === undefined) return notFound()
    const live = [...store.newsItems.values()].filter((item) => liveOn(item, feed.id))
    return Pagination.cursorList(live, query, 20, (item) => Wire.newsItem(store, item))
  }),

  Http.route(NewsFeeds.listOperation, ({ query, store }) => {
    return Pagination.cursorList([...store.newsfeeds.values()], query, 10, Wire.newsfeed)
  }),

  Http.route(NewsFeeds.findOperation, ({ params, store }) => {
    const feed = store.newsfeeds.get(params.newsfeed_id)
    return feed === undefined ? notFound() : Http.json(Wire.newsfeed(feed))
  })
]
