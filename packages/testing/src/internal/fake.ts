/**
 * Building a fake: seed the state, assemble the app, and expose it as the
 * `FakeIntercom` service (web handler, in-process `HttpClient`, inspection
 * and fault controls).
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Scope from "effect/Scope"
import * as TestServices from "effect/TestServices"
import type { FakeIntercom, Options, Records, WebhookDelivery } from "../FakeIntercom.js"
import * as App from "./app.js"
import * as InProcess from "./client.js"
import * as Wire from "./wire.js"

/** The base URL of the in-process fake (`FakeIntercom.baseUrl`); `records("calls")` renders its URLs on it. */
export const baseUrl = "http://fake.local"

/** A fake whose webhook deliveries run in a scope of their own, never closed (they end by themselves, bounded). */
export const make = (options: Options = {}): Effect.Effect<FakeIntercom.Service> =>
  Effect.flatMap(Scope.make(), (scope) => makeIn(options, scope))

/** A fake whose webhook deliveries are forked in the current scope (closing it interrupts those in flight). */
export const makeScoped = (options: Options = {}): Effect.Effect<FakeIntercom.Service, never, Scope.Scope> =>
  Effect.flatMap(Effect.scope, (scope) => makeIn(options, scope))

const makeIn = (options: Options, scope: Scope.Scope): Effect.Effect<FakeIntercom.Service> =>
  Effect.gen(function*() {
    // The fake's own spans (the HTTP server's, per request) stay out of the user's traces unless asked for.
    const runtime = yield* (options.traces === true
      ? Effect.runtime<never>()
      : Effect.withTracerEnabled(Effect.runtime<never>(), false))
    const state = new App.State(options)
    const app = App.make(state, scope)
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
      failNext: (count, outcome) => Effect.sync(() => state.faults.script(count, outcome)),
      authorize: (authorizeUrl) =>
        Effect.suspend(() => {
          if (state.oauth === undefined) {
            return Effect.fail(new Cause.IllegalArgumentException("FakeIntercom: authorize needs the `oauth` option"))
          }
          let url: URL
          try {
            url = new URL(authorizeUrl)
          } catch {
            return Effect.fail(new Cause.IllegalArgumentException(`FakeIntercom: not a URL: ${String(authorizeUrl)}`))
          }
          const answer = state.oauth.authorize(url.searchParams)
          return answer._tag === "Redirect"
            ? Effect.succeed(answer.location)
            : Effect.fail(
              new Cause.IllegalArgumentException(
                `FakeIntercom: the authorize page answered ${answer.status}: ${JSON.stringify(answer.body)}`
              )
            )
        }),
      webhookDeliveries: Effect.sync(() => state.webhooks?.deliveries.slice() ?? []),
      awaitWebhookDeliveries: (count, awaitOptions = {}) => {
        const within = awaitOptions.within ?? Duration.seconds(5)
        const poll: Effect.Effect<ReadonlyArray<WebhookDelivery>> = Effect.suspend(() => {
          const deliveries = state.webhooks?.deliveries ?? []
          return deliveries.length >= count
            ? Effect.succeed(deliveries.slice())
            : Effect.zipRight(Effect.sleep(Duration.millis(2)), poll)
        })
        // In real time, under a `TestClock` too: deliveries are real HTTP requests.
        return TestServices.provideLive(poll.pipe(
          Effect.timeoutFail({
            duration: within,
            onTimeout: () =>
              new Cause.TimeoutException(
                `FakeIntercom: ${count} webhook deliveries awaited, ${
                  state.webhooks?.deliveries.length ?? 0
                } recorded within ${Duration.format(Duration.decode(within))}`
              )
          })
        ))
      }
    }
  })
