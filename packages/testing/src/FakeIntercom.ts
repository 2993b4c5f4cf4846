/**
 * A stateful fake of the Intercom REST API (version 2.14, and the Preview
 * methods on the same endpoints), in memory: one implementation served
 * in-process as an `HttpClient` (no network) or as a real HTTP server on
 * 127.0.0.1 (for demos and tools that are not Effect).
 *
 * ```ts
 * import { Intercom } from "@effect-intercom/client"
 * import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   const page = yield* intercom.contacts.list({ per_page: 50 })
 *   return page.total_count // 200
 * })
 *
 * program.pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed })))
 * ```
 *
 * What it does like Intercom:
 *
 * - routes for admins, contacts (CRUD, archive, unarchive, block, merge,
 *   external ids, search, attached companies, tags, notes, segments,
 *   subscriptions), companies (CRUD, attach, detach, list, scroll),
 *   conversations (create, find, reply, close, snooze, open, assign, search,
 *   list, tags), tags, notes, segments, teams, data attributes, events,
 *   articles, help centres and collections, tickets and ticket types, AI
 *   content (content import sources, external pages), internal articles,
 *   news items and newsfeeds, data exports (jobs that advance on each status
 *   read or with the `Clock`, and download as bytes), enqueued tickets and
 *   their jobs, custom object instances, custom channel events, calls
 *   (recording redirects, text transcripts), visitors, messages, conversation
 *   redaction, conversion and assignment rules, phone call redirects, away
 *   status reasons and the IP allowlist: all 152 operations of the 2.14 API,
 *   with the paths of the client's own operation descriptors;
 * - every Preview (`intercom.unstable.*`, `Intercom-Version: Unstable`)
 *   method (`previewOperations`, all 158): those on 2.14 endpoints paired with
 *   them from the descriptors, the others (brands, sender emails, macros,
 *   workflow export, Fin Voice calls, company notes, conversation handling
 *   events, WhatsApp message status) on Preview-only routes, which a request
 *   without the Preview header does not reach (404); validated with the
 *   Preview input schemas and answered in the Preview shapes over the same
 *   state;
 * - every method of API 2.15 and 2.16 (`Intercom_2_15`, `Intercom_2_16`:
 *   `Intercom-Version: 2.15` / `2.16`), validated with that version's input
 *   schemas and answered in its shapes: over the same state where the
 *   endpoint is one of 2.14's or the Preview's (and the Fin Voice calls of a
 *   conversation), else with the example of the version's description (the
 *   README lists which);
 * - every pagination scheme (cursor, page number, search body, scroll), with
 *   the last page recognisable from the response;
 * - Intercom's search language (`=`, `!=`, `IN`, `NIN`, `>`, `<`, `~`, `!~`,
 *   `^`, `$`, nested `AND`/`OR`, at most 2 levels and 15 filters per group);
 * - Intercom's errors (`{"type":"error.list","request_id":...,"errors":[...]}`):
 *   401 without a valid `Authorization: Bearer` token, 404 for unknown ids,
 *   400 `bad_request` for a body that is not JSON, and for a body that fails
 *   the operation's input schema 422 (400 where the spec documents a 400 for
 *   bad parameters), a `request_id` on each and in `X-Request-Id`;
 * - `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` on
 *   every response, and 429 once a window is spent;
 * - fault injection: latency, a rate of 5xx answers, dropped connections,
 *   scripted failures of the next requests (`failNext`, with a `Retry-After`
 *   if wanted);
 * - webhooks (the `webhooks` option): the state changes it makes, POSTed in
 *   Intercom's notification envelope and signed (`X-Hub-Signature`) to a URL,
 *   without delaying or failing the request that made them; each delivery is
 *   recorded (`webhookDeliveries`, `awaitWebhookDeliveries`);
 * - OAuth for public apps (the `oauth` option): the authorize page
 *   (`GET /oauth`, approving or denying at once) and the token endpoint
 *   (`POST /auth/eagle/token`), whose tokens the API routes accept; give
 *   `OAuth`'s `authorizeUrl` and `tokenUrl` the fake's URL.
 *
 * The fake's own spans (its HTTP server's span per request) stay out of the
 * traces of the program under test unless `traces: true`.
 *
 * Everything random (seed data, request ids, faults) comes from seeded PRNGs:
 * the same options give the same workspace and the same faults. Time comes
 * from the `Clock` of the fiber that builds the layer, so under `it.effect`
 * rate-limit windows and scroll expiry follow the `TestClock`. Injected
 * latency waits on it too, and so do the client's retries and rate limiter:
 * fork the call and move the clock with `adjustClock` (a scripted 429 with
 * `Retry-After: 55` then takes no real time), test with `it.live`, or turn
 * the client's retries off (`clientOptions: { retry: false }`).
 *
 * @since 0.1.0
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import type * as IntercomClient from "@effect-intercom/client/IntercomClient"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServer from "@effect/platform/HttpServer"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import type * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as TestServices from "effect/TestServices"
import * as Http from "node:http"
import * as App from "./internal/app.js"
import * as internal from "./internal/fake.js"
import * as Seed from "./internal/seed.js"

/**
 * How many records of each kind the fake starts with. Unset counts take the
 * values of `defaultSeed`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedCounts {
  readonly admins: number
  readonly teams: number
  readonly contacts: number
  readonly companies: number
  readonly conversations: number
  /** The most parts (replies, assignments) a seeded conversation has besides its closing part. */
  readonly partsPerConversation: number
  readonly tags: number
  readonly segments: number
  readonly notes: number
  readonly events: number
  readonly tickets: number
  readonly articles: number
  readonly collections: number
  /** AI content: external pages, over the seeded content import sources. */
  readonly externalPages: number
  readonly internalArticles: number
  /** News items, over the seeded newsfeeds (two in three live). */
  readonly newsItems: number
}

/**
 * The default workspace: 5,000 contacts, 500 companies, 2,000 conversations
 * with their parts, 200 tickets, 60 articles, and the admins, teams, tags,
 * segments, notes and events around them.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultSeed: SeedCounts = Seed.defaultCounts

/**
 * A small workspace for fast tests: 200 contacts, 40 companies, 100
 * conversations, 30 tickets.
 *
 * @since 0.1.0
 * @category constants
 */
export const smallSeed: Partial<SeedCounts> = {
  contacts: 200,
  companies: 40,
  conversations: 100,
  notes: 60,
  events: 50,
  tickets: 30,
  articles: 12,
  collections: 4
}

/**
 * A fixed-window rate limit: `limit` requests per `windowMillis`.
 *
 * @since 0.1.0
 * @category models
 */
export interface RateLimitOptions {
  readonly limit: number
  readonly windowMillis: number
}

/**
 * Faults to inject, decided per request by a PRNG seeded with `seed` (or the
 * fake's `randomSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export interface FaultOptions {
  /** Added to every request: a duration, or a uniform range. */
  readonly latency?: Duration.DurationInput | {
    readonly min: Duration.DurationInput
    readonly max: Duration.DurationInput
  } | undefined
  /** The share of requests (0 to 1) answered with a 5xx. */
  readonly errorRate?: number | undefined
  /** The statuses of those answers; defaults to 500, 502 and 503. */
  readonly errorStatuses?: ReadonlyArray<number> | undefined
  /** The share of requests (0 to 1) whose connection is dropped without an answer. */
  readonly dropRate?: number | undefined
  readonly seed?: number | undefined
}

/**
 * A scripted failure of `failNext`: the status, and for a 429 or a 503 the
 * `Retry-After` header to send (rounded up to whole seconds; Intercom itself
 * sends none, only `X-RateLimit-Reset`, which the fake sends too).
 *
 * @since 0.1.0
 * @category models
 */
export interface ScriptedFailure {
  readonly status: number
  readonly retryAfter?: Duration.DurationInput | undefined
}

/**
 * Where and how the fake delivers webhooks.
 *
 * The fake emits, after the state change and with the item as it answers
 * it: `contact.user.created` and `contact.lead.created` (`contacts.create`,
 * by role), `conversation.user.created` (`conversations.create`, the new
 * conversation), `conversation.admin.replied` and `conversation.user.replied`
 * (`conversations.reply`, by type; an admin's note too), `ticket.created`
 * (`tickets.create`) and `company.created` (`companies.createOrUpdate` when it
 * creates).
 *
 * Each is one POST of `{ type: "notification_event", app_id, id: "notif_<n>",
 * topic, created_at, first_sent_at, delivery_attempts: 1, data: { type:
 * "notification_event_data", item } }`, signed with `Webhooks.sign` under
 * `secret` in `X-Hub-Signature`, forked in the fake's scope (the layer's:
 * closing it interrupts deliveries in flight) once the request is answered
 * by the route, never retried. A failed delivery (a status, a transport
 * error, no answer within `timeout`) fails nothing but its record.
 *
 * The POSTs go through `httpClient`, by default the platform's
 * `FetchHttpClient` (global `fetch`), never through the fake's in-process
 * client nor an `HttpClient` of the program's context: a test that gives
 * the program the fake's client still delivers over the network.
 *
 * @since 0.1.0
 * @category models
 */
export interface WebhookOptions {
  /** The receiver's URL, for example a `Webhooks.httpApp` served on 127.0.0.1. */
  readonly url: string
  /** The app's client secret, which the receiver verifies with. */
  readonly secret: Redacted.Redacted<string>
  /** The topics to deliver; all the fake emits when omitted. */
  readonly topics?: ReadonlyArray<string> | undefined
  /** The client that POSTs; defaults to `FetchHttpClient`. */
  readonly httpClient?: HttpClient.HttpClient | undefined
  /** How long a delivery may take, in real time (under a `TestClock` too); defaults to 5 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
}

/**
 * The public app the fake's OAuth endpoints know (the `oauth` option).
 *
 * - `GET /oauth?client_id&state&redirect_uri` (the authorize page: give
 *   `OAuth.authorizeUrl` `authorizeUrl: <fake>/oauth`) redirects (302) at
 *   once to the redirect URL with a fresh `code` and the same `state`, or
 *   with `error=access_denied` under `decision: "deny"`; an unknown client id
 *   or a redirect URL not in `redirectUris` is a 400.
 * - `POST /auth/eagle/token` (the token endpoint: `tokenUrl:
 *   <fake>/auth/eagle/token`) takes the form fields `code`, `client_id`,
 *   `client_secret` and answers `{ token, access_token, token_type: "Bearer" }`;
 *   each code works once (else 400 `invalid_grant`), wrong credentials are a
 *   401 `invalid_client` (RFC 6749's error shape).
 *
 * Every token issued is accepted by the API routes, beside `token`; they all
 * act on the fake's one workspace. Neither endpoint needs a token or counts
 * against the rate limit. `FakeIntercom.authorize` walks the authorize page
 * without a browser.
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthOptions {
  readonly clientId: string
  readonly clientSecret: string | Redacted.Redacted<string>
  /** The app's redirect URLs; the first is used when the request names none. Any URL when empty or omitted. */
  readonly redirectUris?: ReadonlyArray<string> | undefined
  /** What the admin does on the authorize page; `approve` by default. */
  readonly decision?: "approve" | "deny" | undefined
}

/**
 * One webhook delivery the fake made: the receiver's status, or why there is
 * none (`error`: a transport error, a timeout).
 *
 * @since 0.1.0
 * @category models
 */
export interface WebhookDelivery {
  /** The notification's `id` (`notif_1`, ...). */
  readonly id: string
  readonly topic: string
  readonly url: string
  readonly status: number | undefined
  readonly error: string | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * The access token requests must carry (`Authorization: Bearer <token>`).
   * Without it, any bearer token is accepted; a request without one still
   * gets a 401.
   */
  readonly token?: string | Redacted.Redacted<string> | undefined
  /** How many records to seed, by kind (the rest from `defaultSeed`). */
  readonly seed?: Partial<SeedCounts> | undefined
  /** The seed of the PRNGs of the seed data, request ids and faults. */
  readonly randomSeed?: number | undefined
  /** Defaults to 1,666 requests per 10 seconds (Intercom's 10,000 a minute); `false` disables it. */
  readonly rateLimit?: RateLimitOptions | false | undefined
  readonly faults?: FaultOptions | undefined
  /** Keep the JSON body of every response in `exchanges` (off by default). */
  readonly recordBodies?: boolean | undefined
  /**
   * Record the fake's own spans (its HTTP server's `http.server <METHOD>`
   * span per request, and any span inside it) with the tracer of the fiber
   * that builds the layer. Off by default: a test's traces then hold the
   * client's spans only, as they would against Intercom.
   */
  readonly traces?: boolean | undefined
  /** Deliver webhooks of the state changes the fake makes (off by default). */
  readonly webhooks?: WebhookOptions | undefined
  /** Serve OAuth's authorize page and token endpoint for this app (off by default). */
  readonly oauth?: OAuthOptions | undefined
}

/**
 * One request the fake answered.
 *
 * @since 0.1.0
 * @category models
 */
export interface Exchange {
  readonly requestId: string
  readonly method: string
  /** Path and query string. */
  readonly path: string
  readonly status: number
  /**
   * The SDK name of the operation the route serves (`contacts.find`, or
   * `unstable.contacts.showContact` for a Preview request), when a route answered.
   */
  readonly operation: string | undefined
  /**
   * The later API version the request was served as (`"2.15"`, `"2.16"`, by
   * its `Intercom-Version` header); absent for 2.14 and the Preview.
   */
  readonly version?: string | undefined
  /** The JSON body of the response (an error body too), with `recordBodies`. */
  readonly body?: unknown
}

/**
 * The records of the fake, by kind, as the API renders them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly admins: Schemas.Admin
  readonly contacts: Schemas.Contact
  readonly companies: Schemas.Company
  readonly conversations: Schemas.Conversation
  readonly tags: Schemas.Tag
  readonly notes: Schemas.Note
  readonly segments: Schemas.Segment
  readonly teams: Schemas.Team
  readonly dataAttributes: Schemas.DataAttribute
  readonly articles: Schemas.Article
  readonly helpCenters: Schemas.HelpCenter
  readonly collections: Schemas.Collection
  readonly tickets: Schemas.Ticket
  readonly ticketTypes: Schemas.TicketType
  readonly subscriptionTypes: Schemas.SubscriptionType
  readonly contentImportSources: Schemas.ContentImportSource
  readonly externalPages: Schemas.ExternalPage
  readonly internalArticles: Schemas.InternalArticle
  readonly newsfeeds: Schemas.Newsfeed
  readonly newsItems: Schemas.NewsItem
  readonly customObjectInstances: Schemas.CustomObjectInstance
  /** Their recording and transcript URLs are on `baseUrl`. */
  readonly calls: Schemas.Call
  readonly visitors: Schemas.Visitor
  readonly awayStatusReasons: Schemas.AwayStatusReason
}

/**
 * The fake Intercom service.
 *
 * @since 0.1.0
 * @category tags
 */
export class FakeIntercom extends Context.Tag("@effect-intercom/testing/FakeIntercom")<
  FakeIntercom,
  FakeIntercom.Service
>() {}

/**
 * @since 0.1.0
 * @category models
 */
export declare namespace FakeIntercom {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    /** Every route behind Intercom's middleware, as an `HttpApp` (serve it, mount it). */
    readonly app: HttpApp.Default
    /** The app as a web handler (`Request` in, `Response` out), for tools that are not Effect. */
    readonly handler: (request: Request) => Promise<Response>
    /** An `HttpClient` answered by the app in this process. */
    readonly httpClient: HttpClient.HttpClient
    /** The admin the token belongs to (`GET /me`). */
    readonly me: Effect.Effect<Schemas.Admin>
    /** The records of a kind, rendered as the API renders them. */
    readonly records: <K extends keyof Records>(kind: K) => Effect.Effect<ReadonlyArray<Records[K]>>
    /** The requests answered so far (the last 10,000). */
    readonly exchanges: Effect.Effect<ReadonlyArray<Exchange>>
    readonly clearExchanges: Effect.Effect<void>
    /** Change the rate limit (`false` disables it); the current window is kept. */
    readonly setRateLimit: (options: RateLimitOptions | false) => Effect.Effect<void>
    /** Replace the fault options (`undefined` disables faults). */
    readonly setFaults: (options: FaultOptions | undefined) => Effect.Effect<void>
    /**
     * Answer the next `count` requests with a status (in Intercom's error
     * shape; a 429 with `X-RateLimit-Remaining: 0`), optionally with a
     * `Retry-After` header, or drop their connections. Each of the next
     * requests takes one, before the random faults: a dropped connection
     * before anything else, a status after authentication and the rate limit
     * (the request is counted; a 401 or a spent window's 429 still answers
     * first).
     */
    readonly failNext: (count: number, outcome: number | ScriptedFailure | "drop") => Effect.Effect<void>
    /**
     * What an admin's browser does with an authorize URL (`OAuth.authorizeUrl`)
     * on the fake's authorize page: the callback URL it is redirected to (with
     * `code` and `state`, or `error`), as the `oauth` option decides. Fails
     * without the `oauth` option, and where the page answers 400.
     */
    readonly authorize: (authorizeUrl: string | URL) => Effect.Effect<string, Cause.IllegalArgumentException>
    /** The webhook deliveries finished so far, in the order they finished (the last 10,000; none without `webhooks`). */
    readonly webhookDeliveries: Effect.Effect<ReadonlyArray<WebhookDelivery>>
    /**
     * Wait (in real time, polling, at most `within`, default 5 seconds) until
     * at least `count` deliveries have finished, and return them all; a
     * `TimeoutException` saying how many did otherwise.
     */
    readonly awaitWebhookDeliveries: (
      count: number,
      options?: { readonly within?: Duration.DurationInput | undefined }
    ) => Effect.Effect<ReadonlyArray<WebhookDelivery>, Cause.TimeoutException>
  }
}

/**
 * The SDK names of the operations the fake serves (`contacts.find`, ...);
 * the other methods of the client get a 404 from it. The Preview methods it
 * serves are in `previewOperations`.
 *
 * @since 0.1.0
 * @category constants
 */
export const operations: ReadonlyArray<string> = App.routes.map((route) => route.operation.name)

/**
 * The SDK names of the Preview methods the fake serves
 * (`unstable.contacts.showContact`, ...): all of them. One with the HTTP
 * method and path shape of an operation in `operations` is answered by that
 * operation's route when the request says `Intercom-Version: Unstable`, with
 * the Preview path parameter names; one without (`unstable.brands.listBrands`,
 * ...) by a Preview-only route, a 404 without that header. Each is validated
 * with the Preview input schema, answered in the Preview response shapes, and
 * logged in `exchanges` under the Preview name.
 *
 * @since 0.1.0
 * @category constants
 */
export const previewOperations: ReadonlyArray<string> = App.previewRoutes.map((preview) => preview.operation.name)

/**
 * The base URL to give `Intercom.layer` over `layerHttpClient` (any URL
 * works: the in-process client ignores the host).
 *
 * @since 0.1.0
 * @category constants
 */
export const baseUrl: string = internal.baseUrl

/**
 * The token `layerIntercom` uses when the options give none.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultToken = "fake-intercom-token"

/**
 * Build a fake: seed the store and assemble the app. The app runs on the
 * runtime of the fiber that builds it (its `Clock` included). Its webhook
 * deliveries run in a scope of their own, which nothing closes (each ends
 * by itself, within its `timeout`); the layers fork them in theirs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (options?: Options) => Effect.Effect<FakeIntercom.Service> = internal.make

/**
 * The fake as a service, without a transport.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<FakeIntercom> =>
  Layer.scoped(FakeIntercom, internal.makeScoped(options))

/**
 * The fake and an `HttpClient` it answers in this process (no network).
 * Put `Intercom.layer({ token, baseUrl: FakeIntercom.baseUrl })` on top, or
 * use `layerIntercom`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHttpClient = (options: Options = {}): Layer.Layer<FakeIntercom | HttpClient.HttpClient> =>
  Layer.scopedContext(
    Effect.map(
      internal.makeScoped(options),
      (fake) => Context.make(FakeIntercom, fake).pipe(Context.add(HttpClient.HttpClient, fake.httpClient))
    )
  )

/**
 * @since 0.1.0
 * @category models
 */
export interface IntercomOptions extends Options {
  /** Options of the client (`timeout`, `retry`, `rateLimiter`, ...); the token and base URL are the fake's. */
  readonly clientOptions?: Partial<IntercomClient.Options> | undefined
}

/**
 * The `Intercom` client wired to an in-process fake, and the fake: the one
 * layer a test of an Intercom program needs. Both use `options.token`
 * (`defaultToken` when not given), so another token gets a 401.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerIntercom = (
  options: IntercomOptions = {}
): Layer.Layer<Intercom.Intercom | IntercomClient.IntercomClient | FakeIntercom> => {
  const token = options.token === undefined
    ? Redacted.make(defaultToken)
    : typeof options.token === "string"
    ? Redacted.make(options.token)
    : options.token
  return Intercom.layer({ ...options.clientOptions, baseUrl, token }).pipe(
    Layer.provideMerge(layerHttpClient({ ...options, token }))
  )
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ServerOptions extends Options {
  /** Defaults to 0: a free port, chosen by the system. */
  readonly port?: number | undefined
}

/**
 * The fake as a real HTTP server on 127.0.0.1 (never on another interface),
 * for as long as the layer lives. Read the address with `serverUrl`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (
  options: ServerOptions = {}
): Layer.Layer<FakeIntercom | HttpServer.HttpServer, HttpServerError.ServeError> => {
  const served = Layer.unwrapEffect(Effect.map(FakeIntercom, (fake) => HttpServer.serve(fake.app)))
  const serve = options.traces === true ? served : HttpMiddleware.withTracerDisabledWhen(served, () => true)
  const server = NodeHttpServer.layerServer(() => Http.createServer(), { port: options.port ?? 0, host: "127.0.0.1" })
  return serve.pipe(Layer.provideMerge(server), Layer.provideMerge(layer(options)))
}

/**
 * The base URL of the server of `layerServer`, for example
 * `http://127.0.0.1:53121`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const serverUrl: Effect.Effect<string, never, HttpServer.HttpServer> = Effect.map(
  HttpServer.HttpServer,
  (server) =>
    server.address._tag === "TcpAddress"
      ? `http://${server.address.hostname}:${server.address.port}`
      : `http+unix://${server.address.path}`
)

/**
 * `TestClock.adjust(duration)`, once something sleeps on the `TestClock`
 * (the client's retry or rate-limit wait): the in-process fake answers in
 * promises, so a test that adjusts the clock right after forking a call may
 * move time before the client has started waiting for it, and the wait then
 * never ends. This waits (in real time, polling every millisecond, at most
 * `within`, default 2 seconds) for a sleep, then adjusts.
 *
 * ```ts
 * const fiber = yield* Effect.fork(intercom.contacts.list())
 * yield* FakeIntercom.adjustClock("56 seconds") // the scripted Retry-After: 55, plus the client's jitter
 * const page = yield* Fiber.join(fiber)
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const adjustClock = (
  duration: Duration.DurationInput,
  options: { readonly within?: Duration.DurationInput | undefined } = {}
): Effect.Effect<void> => {
  const tick = TestServices.provideLive(Effect.sleep(Duration.millis(1)))
  const sleeping = TestClock.sleeps().pipe(Effect.map(Chunk.isNonEmpty))
  const waitForSleep: Effect.Effect<void> = Effect.flatMap(
    sleeping,
    (yes) => yes ? Effect.void : Effect.zipRight(tick, Effect.suspend(() => waitForSleep))
  )
  return TestServices.provideWithLive(
    waitForSleep,
    Effect.timeoutTo({
      duration: options.within ?? Duration.seconds(2),
      onSuccess: () => undefined,
      onTimeout: () => undefined
    })
  ).pipe(Effect.zipRight(TestClock.adjust(duration)))
}
