/**
 * The fake as one `HttpApp`: the routes of every resource module behind the
 * middleware Intercom puts in front of its API, in this order:
 *
 * 1. a `request_id` for the request (`X-Request-Id`, and in error bodies);
 * 2. fault injection: latency, then a dropped connection or a 5xx;
 * 3. with the `oauth` option, the authorize page and the token endpoint
 *    (`oauth.ts`), which need no token and are not rate limited;
 * 4. authentication: `Authorization: Bearer <token>` (the fake's, or one
 *    its token endpoint issued), else 401;
 * 5. the rate limit: the request is counted, 429 when the window is spent;
 * 6. the route, the stable or the Preview operation by `Intercom-Version`
 *    (404 in Intercom's shape when there is none, as for a request without
 *    `Intercom-Version: Unstable` to a Preview-only route);
 * 7. `X-RateLimit-*` headers on every response;
 * 8. the webhooks the route emitted, each delivery forked in the fake's scope.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type { Exchange, FaultOptions, Options, RateLimitOptions } from "../FakeIntercom.js"
import * as Apis from "./apis.js"
import * as Faults from "./faults.js"
import * as Http from "./http.js"
import * as OAuth from "./oauth.js"
import * as Preview from "./preview.js"
import * as Prng from "./prng.js"
import * as RateLimit from "./rateLimit.js"
import * as Admins from "./routes/admins.js"
import * as AiContent from "./routes/aiContent.js"
import * as Articles from "./routes/articles.js"
import * as Companies from "./routes/companies.js"
import * as Contacts from "./routes/contacts.js"
import * as Conversations from "./routes/conversations.js"
import * as InternalArticles from "./routes/internalArticles.js"
import * as News from "./routes/news.js"
import * as Tags from "./routes/tags.js"
import * as Tickets from "./routes/tickets.js"
import * as Workspace from "./routes/workspace.js"
// exports, jobs, custom objects and channels, calls, visitors, messages, workspace settings
import * as AwayStatusReasons from "./routes/awayStatusReasons.js"
import * as Calls from "./routes/calls.js"
import * as ConversationActions from "./routes/conversationActions.js"
import * as CustomChannelEvents from "./routes/customChannelEvents.js"
import * as CustomObjectInstances from "./routes/customObjectInstances.js"
import * as DataExport from "./routes/dataExport.js"
import * as IpAllowlist from "./routes/ipAllowlist.js"
import * as Jobs from "./routes/jobs.js"
import * as Messages from "./routes/messages.js"
import * as PhoneCallRedirects from "./routes/phoneCallRedirects.js"
import * as Visitors from "./routes/visitors.js"
// Preview only
import * as Brands from "./routes/brands.js"
import * as Macros from "./routes/macros.js"
import * as Workflows from "./routes/workflows.js"
import * as Seed from "./seed.js"
import { Store } from "./store.js"
import * as Versions from "./versions.js"
import * as Webhooks from "./webhooks.js"

/** Marks a response the in-process client must turn into a dropped connection. */
export const DROP_HEADER = "x-fake-intercom-drop"

export const DEFAULT_RANDOM_SEED = 20_251_218
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 1666, windowMillis: 10_000 }
const MAX_EXCHANGES = 10_000

export const routes: ReadonlyArray<Http.Route> = [
  ...Admins.routes,
  ...Contacts.routes,
  ...Companies.routes,
  ...Conversations.routes,
  ...Tags.routes,
  ...Workspace.routes,
  ...Articles.routes,
  ...Tickets.routes,
  ...AiContent.routes,
  ...InternalArticles.routes,
  ...News.routes,
  ...DataExport.routes,
  ...CustomObjectInstances.routes,
  ...CustomChannelEvents.routes,
  ...Calls.routes,
  ...Visitors.routes,
  ...Jobs.routes,
  ...Messages.routes,
  ...PhoneCallRedirects.routes,
  ...ConversationActions.routes,
  ...AwayStatusReasons.routes,
  ...IpAllowlist.routes
]

/**
 * The Preview operations with no 2.14 endpoint, each a route of its own with
 * its Preview descriptor.
 */
export const previewOnlyRoutes: ReadonlyArray<Http.Route> = [
  ...Companies.previewRoutes,
  ...Conversations.previewRoutes,
  ...Messages.previewRoutes,
  ...Calls.previewRoutes,
  ...Brands.previewRoutes,
  ...Macros.previewRoutes,
  ...Workflows.previewRoutes
]

/**
 * Every Preview operation the fake serves: the ones the routes serve too (same
 * method and path shape), with the adapters of the pairs whose wire shapes
 * differ, and the Preview-only routes.
 */
export const previewRoutes: ReadonlyArray<Http.VariantRoute> = Preview.pair(routes, {
  ...Admins.previewAdapters,
  ...Contacts.previewAdapters,
  ...Companies.previewAdapters,
  ...Articles.previewAdapters,
  ...DataExport.previewAdapters,
  ...Messages.previewAdapters
}, previewOnlyRoutes)

/**
 * Every operation of the later versions the fake serves (`versions.ts`): on
 * the 2.14 routes, on the Preview-only routes, or with the example of its
 * description.
 */
export const versionRoutes = Versions.pair(routes, previewOnlyRoutes, Calls.versionRoutes, {
  ...Admins.versionAdapters,
  ...Companies.versionAdapters,
  ...AwayStatusReasons.versionAdapters
})

export class State {
  readonly store: Store
  readonly window: RateLimit.Window
  readonly faults: Faults.Injector
  readonly exchanges: Array<Exchange> = []
  readonly randomSeed: number
  /** Set with the `webhooks` option. */
  readonly webhooks: Webhooks.Deliverer | undefined
  /** Set with the `oauth` option. */
  readonly oauth: OAuth.Provider | undefined
  private readonly requestIds: Prng.Prng
  token: string | undefined
  rateLimited: boolean
  recordBodies: boolean

  constructor(options: Options) {
    this.randomSeed = options.randomSeed ?? DEFAULT_RANDOM_SEED
    this.store = new Store(Prng.make(this.randomSeed))
    Seed.seed(this.store, { ...Seed.defaultCounts, ...options.seed })
    const rateLimit = options.rateLimit === false ? DEFAULT_RATE_LIMIT : options.rateLimit ?? DEFAULT_RATE_LIMIT
    this.rateLimited = options.rateLimit !== false
    this.window = new RateLimit.Window(rateLimit.limit, rateLimit.windowMillis)
    this.faults = new Faults.Injector(options.faults, this.randomSeed + 1)
    this.requestIds = Prng.make(this.randomSeed + 2)
    this.token = options.token === undefined
      ? undefined
      : typeof options.token === "string"
      ? options.token
      : Redacted.value(options.token)
    this.recordBodies = options.recordBodies ?? false
    this.oauth = options.oauth === undefined
      ? undefined
      : new OAuth.Provider(options.oauth, Prng.make(this.randomSeed + 3))
    if (options.webhooks !== undefined) {
      const deliverer = new Webhooks.Deliverer(options.webhooks, this.store.workspaceId)
      this.webhooks = deliverer
      this.store.notify = (topic, item) => deliverer.emit(topic, item)
    } else {
      this.webhooks = undefined
    }
  }

  setRateLimit(options: RateLimitOptions | false): void {
    this.rateLimited = options !== false
    if (options !== false) {
      this.window.limit = options.limit
      this.window.windowMillis = options.windowMillis
    }
  }

  setFaults(options: FaultOptions | undefined): void {
    this.faults.configure(options, this.randomSeed + 1)
  }

  nextRequestId(): string {
    return this.requestIds.uuid()
  }

  record(exchange: Exchange): void {
    if (this.exchanges.length >= MAX_EXCHANGES) this.exchanges.shift()
    this.exchanges.push(exchange)
  }

  authorized(header: string | undefined): boolean {
    if (header === undefined) return false
    const match = /^Bearer\s+(\S.*)$/i.exec(header.trim())
    if (match === null) return false
    return this.token === undefined || match[1] === this.token || this.oauth?.issued(match[1]) === true
  }
}

const destroySocket = (request: HttpServerRequest.HttpServerRequest): void => {
  const source = request.source as { readonly socket?: { readonly destroy?: () => void } } | undefined
  if (source?.socket !== undefined && typeof source.socket.destroy === "function") source.socket.destroy()
}

/** The app over `state`; webhook deliveries are forked in `scope`. */
export const make = (state: State, scope: Scope.Scope) => {
  const router = Http.router(state.store, routes, [...previewRoutes, ...versionRoutes])
  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const info: Http.ExchangeInfo = {
      requestId: state.nextRequestId(),
      operation: undefined,
      version: undefined,
      body: undefined
    }
    const url = new URL(request.url, "http://fake.local")
    const decision = state.faults.decide()
    if (decision.latencyMillis > 0) yield* Effect.sleep(decision.latencyMillis)
    const now = yield* Clock.currentTimeMillis

    const finish = (response: HttpServerResponse.HttpServerResponse, snapshot: RateLimit.Snapshot) => {
      state.record({
        requestId: info.requestId,
        method: request.method,
        path: url.pathname + url.search,
        status: response.status,
        operation: info.operation,
        ...(info.version !== undefined ? { version: info.version } : {}),
        // the body as it travels: through JSON
        ...(state.recordBodies && info.body !== undefined ? { body: JSON.parse(JSON.stringify(info.body)) } : {})
      })
      return HttpServerResponse.setHeaders(response, {
        ...(state.rateLimited ? state.window.headers(snapshot) : {}),
        "x-request-id": info.requestId
      })
    }
    const failure = (status: number, code: string, message: string) => {
      const result = Http.fail(status, code, message)
      info.body = Http.errorBody(info.requestId, result.errors)
      return Http.respond(info.requestId, result)
    }

    if (decision.outcome._tag === "Drop") {
      destroySocket(request)
      return finish(HttpServerResponse.empty({ status: 502, headers: { [DROP_HEADER]: "1" } }), state.window.peek(now))
    }
    if (state.oauth !== undefined) {
      const answer = request.method === "GET" && url.pathname === OAuth.authorizePath
        ? state.oauth.authorize(url.searchParams)
        : request.method === "POST" && url.pathname === OAuth.tokenPath
        ? state.oauth.exchange(new URLSearchParams(yield* Effect.orElseSucceed(request.text, () => "")))
        : undefined
      if (answer !== undefined) {
        info.operation = url.pathname === OAuth.tokenPath ? "oauth.exchangeCode" : "oauth.authorize"
        if (answer._tag === "Json") info.body = answer.body
        const response = answer._tag === "Redirect"
          ? HttpServerResponse.redirect(answer.location, { status: 302 })
          : HttpServerResponse.unsafeJson(answer.body, { status: answer.status })
        return finish(response, state.window.peek(now))
      }
    }
    if (!state.authorized(request.headers["authorization"])) {
      return finish(failure(401, "unauthorized", "Access Token Invalid"), state.window.peek(now))
    }
    let snapshot = state.window.peek(now)
    if (state.rateLimited) {
      const taken = state.window.take(now)
      snapshot = taken
      if (!taken.allowed) return finish(failure(429, "rate_limit_exceeded", "Rate Limit Exceeded"), snapshot)
    }
    if (decision.outcome._tag === "Fail") {
      const status = decision.outcome.status
      const message = status === 429
        ? "Rate Limit Exceeded"
        : "Request failed due to an internal error (injected fault)"
      const headers = status === 429 ? { ...snapshot, remaining: 0 } : snapshot
      const answer = failure(status, status === 429 ? "rate_limit_exceeded" : "server_error", message)
      const retryAfter = decision.outcome.retryAfterSeconds
      return finish(
        retryAfter === undefined ? answer : HttpServerResponse.setHeader(answer, "retry-after", String(retryAfter)),
        headers
      )
    }
    const response = yield* router.pipe(
      Effect.provideService(Http.Exchange, info),
      Effect.catchTag(
        "RouteNotFound",
        () =>
          Effect.succeed(failure(
            404,
            "not_found",
            Apis.noRouteMessage(request.method, url.pathname, Apis.requested(request.headers))
          ))
      ),
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.failCause(cause)
          : Effect.succeed(failure(500, "server_error", `The fake Intercom failed: ${Cause.pretty(cause)}`))
      )
    )
    if (state.webhooks !== undefined) yield* state.webhooks.flush(scope, Math.floor(now / 1000))
    return finish(response, snapshot)
  })
}
