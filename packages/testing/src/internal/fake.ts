/**
 * Building a fake: seed the state, assemble the app, and expose it as the
 * `FakeIntercom` service (web handler, in-process `HttpClient`, inspection
 * and fault controls).
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as Effect from "effect/Effect"
import type { FakeIntercom, Options, Records } from "../FakeIntercom.js"
import * as App from "./app.js"
import * as InProcess from "./client.js"
import * as Wire from "./wire.js"

/** The base URL of the in-process fake (`FakeIntercom.baseUrl`); `records("calls")` renders its URLs on it. */
export const baseUrl = "http://fake.local"

export const make = (options: Options = {}): Effect.Effect<FakeIntercom.Service> =>
  Effect.gen(function*() {
    // The fake's own spans (the HTTP server's, per request) stay out of the user's traces unless asked for.
    const runtime = yield* (options.traces === true
      ? Effect.runtime<never>()
      : Effect.withTracerEnabled(Effect.runtime<never>(), false))
    const state = new App.State(options)
    const app = App.make(state)
    const handler = HttpApp.toWebHandlerRuntime(runtime)(app)
    const store = state.store
    const render = <K extends keyof Records>(kind: K): ReadonlyArray<Records[K]> => {
      const all: { readonly [K in keyof Records]: () => ReadonlyArray<Records[K]> } = {
        admins: () => [...store.admins.values()].map(Wire.admin),
        contacts: () => [...store.contacts.values()].map((r) => Wire.contact(store, r)),
        companies: () => [...store.companies.values()].map((r) => Wire.company(store, r)),
        conversations: () => [...store.conversations.values()].map((r) => Wire.conversation(store, r, { parts: true })),
        tags: () => [...store.tags.values()].map(Wire.tag),
        notes: () => [...store.notes.values()].map((r) => Wire.note(store, r)),
        segments: () => [...store.segments.values()].map(Wire.segment),
        teams: () => [...store.teams.values()].map(Wire.team),
        dataAttributes: () => [...store.dataAttributes.values()].map(Wire.dataAttribute),
        articles: () => [...store.articles.values()].map((r) => Wire.article(store, r)),
        helpCenters: () => [...store.helpCenters.values()].map((r) => Wire.helpCenter(store, r)),
        collections: () => [...store.collections.values()].map((r) => Wire.collection(store, r)),
        tickets: () => [...store.tickets.values()].map((r) => Wire.ticket(store, r)),
        ticketTypes: () => [...store.ticketTypes.values()].map((r) => Wire.ticketType(store, r)),
        subscriptionTypes: () => [...store.subscriptionTypes.values()].map(Wire.subscriptionType),
        contentImportSources: () => [...store.contentImportSources.values()].map(Wire.contentImportSource),
        externalPages: () => [...store.externalPages.values()].map(Wire.externalPage),
        internalArticles: () => [...store.internalArticles.values()].map(Wire.internalArticle),
        newsfeeds: () => [...store.newsfeeds.values()].map(Wire.newsfeed),
        newsItems: () => [...store.newsItems.values()].map((r) => Wire.newsItem(store, r)),
        customObjectInstances: () => [...store.customObjectInstances.values()].map(Wire.customObjectInstance),
        calls: () => [...store.calls.values()].map((r) => Wire.call(baseUrl, r)),
        visitors: () => [...store.visitors.values()].map((r) => Wire.visitor(store, r)),
        awayStatusReasons: () => store.awayStatusReasons.map(Wire.awayStatusReason)
      }
      return all[kind]()
    }
    return {
      app,
      handler,
      httpClient: InProcess.make(handler),
      me: Effect.sync(() => Wire.admin(store.me)),
      records: (kind) => Effect.sync(() => render(kind)),
      exchanges: Effect.sync(() => state.exchanges.slice()),
      clearExchanges: Effect.sync(() => {
        state.exchanges.length = 0
      }),
      setRateLimit: (rateLimit) => Effect.sync(() => state.setRateLimit(rateLimit)),
      setFaults: (faults) => Effect.sync(() => state.setFaults(faults)),
      failNext: (count, outcome) => Effect.sync(() => state.faults.script(count, outcome))
    }
  })
