/**
 * Receiving Intercom's webhooks: verify the `X-Hub-Signature` of a delivery,
 * decode its notification into an `Event` tagged with its topic, and an
 * `@effect/platform` `HttpApp` that does both and hands the event to your
 * Effect.
 *
 * - `verify` checks `X-Hub-Signature` (`sha1=` and the hex HMAC-SHA1 of the
 *   raw body, keyed with the app's client secret) with the platform's Web
 *   Crypto, comparing in constant time. It needs the body's bytes as they
 *   arrived: a body parsed and serialised again by a framework no longer
 *   matches.
 * - `decode` reads the notification (`type: "notification_event"`, `id`,
 *   `topic`, `app_id`, `created_at`, `delivery_attempts`, `first_sent_at`,
 *   `data.item`) and decodes the item with the schema of its topic (`topics`).
 * - `verifyAndDecode` does both, for any framework; `httpApp` answers the
 *   delivery (200, 401 or 400) and runs your handler after answering.
 * - `sign` computes the header value, for tests and fakes.
 *
 * Replays: the signature covers the body, and the body carries the
 * notification's `id`, `first_sent_at` and `delivery_attempts`, so they can be
 * trusted once verified. The `maxAge` option rejects deliveries first sent
 * longer ago (`WebhookStaleError`); Intercom retries a failed delivery with
 * the same `id`, so deduplicating by `id` (in a store that outlives the
 * process) is the handler's job.
 *
 * Nothing here is imported by the other modules: a program that does not
 * import `Webhooks` does not bundle it, nor the schemas its topic table names.
 *
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as Console from "effect/Console"
 * import * as Effect from "effect/Effect"
 * import * as Match from "effect/Match"
 * import * as Redacted from "effect/Redacted"
 *
 * const handle = Match.type<Webhooks.Event>().pipe(
 *   Match.tag("conversation.user.created", (event) => Console.log("new conversation", event.item.id)),
 *   Match.tag("contact.user.created", "contact.lead.created", (event) => Console.log("new contact", event.item.email)),
 *   Match.orElse((event) => Console.log("ignored", event.topic))
 * )
 *
 * export const receive = (body: Uint8Array, signature: string | undefined) =>
 *   Webhooks.verifyAndDecode({ body, signature, secret: Redacted.make("client-secret") }).pipe(
 *     Effect.flatMap(handle)
 *   )
 * ```
 *
 * @since 0.1.0
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import type * as Scope from "effect/Scope"
import * as Tolerant from "./internal/tolerant.js"
import * as signature from "./internal/webhooks/signature.js"
import * as table from "./internal/webhooks/topics.js"

// -----------------------------------------------------------------------------
// Topics
// -----------------------------------------------------------------------------

/**
 * Every topic we know and the schema of the item its notification carries:
 * `Conversation` for the `conversation.*` topics, `Contact` for `contact.*`,
 * `Company` for `company.*`, `Ticket` for `ticket.*`, `Admin` and
 * `ActivityLog` for `admin.*`, `DataEvent` for `event.created`, `Jobs` for
 * `job.completed`, `ContactTag`, `UserTag` and `ContactCompany` for the
 * tagging and attaching topics, and `UnknownObject` where the item's shape is
 * not known well enough to type (`ping`, `content_stat.*`, `visitor.signed_up`,
 * `admin.logged_in`, ...).
 *
 * Source: Intercom's OpenAPI descriptions do not describe webhooks (the only
 * topic they name is `company.deleted`, in the 2.15 and 2.16 description of
 * `DELETE /companies/{id}`). The table is Intercom's documented list of
 * webhook topics ("Webhook topics" in the developer docs) as we know it,
 * written from memory and not verified offline against those docs; a few
 * topics we are less sure of are marked in the source. A topic missing here
 * decodes as a `GenericEvent`, never as an error.
 *
 * @example
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 *
 * const known: ReadonlyArray<string> = Object.keys(Webhooks.topics)
 * console.log(known.includes("conversation.user.created")) // true
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const topics: typeof table.topics = table.topics

/**
 * A topic of the table (`topics`).
 *
 * @since 0.1.0
 * @category models
 */
export type Topic = table.Topic

/**
 * The type of the item of a topic's notification.
 *
 * @since 0.1.0
 * @category models
 */
export type ItemOf<T extends Topic> = table.ItemOf<T>

/**
 * Whether a string is a topic of the table.
 *
 * @since 0.1.0
 * @category guards
 */
export const isTopic = (topic: string): topic is Topic => Object.prototype.hasOwnProperty.call(table.topics, topic)

/**
 * Any JSON object: the item of a topic whose item shape is not known well
 * enough to type.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnknownObject: Schema.Schema<{ readonly [key: string]: unknown }> = table.UnknownObject

/**
 * The item of `contact.tag.created` and `contact.tag.deleted`
 * (`type: "contact_tag"`): the tag and the contact.
 *
 * @since 0.1.0
 * @category schemas
 */
export type ContactTag = table.ContactTag

/**
 * @since 0.1.0
 * @category schemas
 */
export const ContactTag: Schema.Schema<ContactTag> = table.ContactTag

/**
 * The item of `user.tag.created` and `user.tag.deleted` (`type: "user_tag"`):
 * the tag and the user (the pre-2.0 user object, untyped).
 *
 * @since 0.1.0
 * @category schemas
 */
export type UserTag = table.UserTag

/**
 * @since 0.1.0
 * @category schemas
 */
export const UserTag: Schema.Schema<UserTag> = table.UserTag

/**
 * The item of `contact.attached_to_company`, `contact.detached_from_company`,
 * `company.contact.attached` and `company.contact.detached`
 * (`type: "contact_company"`): the contact and the company.
 *
 * @since 0.1.0
 * @category schemas
 */
export type ContactCompany = table.ContactCompany

/**
 * @since 0.1.0
 * @category schemas
 */
export const ContactCompany: Schema.Schema<ContactCompany> = table.ContactCompany

// -----------------------------------------------------------------------------
// Events
// -----------------------------------------------------------------------------

/**
 * The fields of every notification: its `id` (the same on every delivery of
 * one notification: deduplicate by it), the workspace (`app_id`), when it was
 * created and first sent (Unix seconds), how many times it was delivered
 * (`delivery_attempts`; absent or `null` on the wire reads as `undefined`),
 * and `raw`: the whole notification as parsed JSON, for fields not listed here
 * (`delivery_status`, `links`, `self`, ...).
 *
 * @since 0.1.0
 * @category models
 */
export interface Envelope {
  readonly id: string
  readonly app_id: string
  readonly created_at: number
  readonly first_sent_at: number | undefined
  readonly delivery_attempts: number | undefined
  readonly raw: unknown
}

/**
 * The notification of a known topic: `_tag` and `topic` are the topic, `item`
 * is decoded with the topic's schema (tolerantly: fields the schema does not
 * know are kept at run time).
 *
 * @since 0.1.0
 * @category models
 */
export interface TopicEvent<T extends Topic> extends Envelope {
  readonly _tag: T
  readonly topic: T
  readonly item: ItemOf<T>
}

/**
 * A notification we cannot type: its `topic` is not in the table
 * (`reason: "UnknownTopic"`), or its item does not decode with the topic's
 * schema (`reason: "ItemMismatch"`, `issue` says where). `item` is the item as
 * sent. A mismatching item never makes the delivery undecodable: the event is
 * handed on as this case, and `httpApp` logs the issue.
 *
 * Match on `_tag` (`Match.tag`): a generic event keeps the `topic` it was sent
 * with, so matching on `topic` would take a mismatching item for a typed one.
 *
 * @since 0.1.0
 * @category models
 */
export interface GenericEvent extends Envelope {
  readonly _tag: "Generic"
  readonly topic: string
  readonly item: unknown
  readonly reason: "UnknownTopic" | "ItemMismatch"
  readonly issue: string | undefined
}

/**
 * A decoded notification: one `TopicEvent` per known topic, or a
 * `GenericEvent`. `TopicEvent<"ticket.created">` is the event of one topic.
 *
 * @example
 * ```ts
 * import type * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as Match from "effect/Match"
 *
 * export const describe = Match.type<Webhooks.Event>().pipe(
 *   Match.tag("ticket.created", (event) => `ticket ${event.item.id} created`),
 *   Match.tag("Generic", (event) => `${event.topic} (${event.reason})`),
 *   Match.orElse((event) => event.topic)
 * )
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Event = { readonly [K in Topic]: TopicEvent<K> }[Topic] | GenericEvent

// -----------------------------------------------------------------------------
// Errors
// -----------------------------------------------------------------------------

/**
 * A delivery whose `X-Hub-Signature` does not prove it came from Intercom:
 *
 * - `Missing`: no header (or an empty one);
 * - `Malformed`: not `sha1=` followed by hex digits;
 * - `Mismatch`: a digest that is not the HMAC-SHA1 of the body with the
 *   secret (a tampered body, another secret, a digest of the wrong length).
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookSignatureError extends Schema.TaggedError<WebhookSignatureError>()("WebhookSignatureError", {
  reason: Schema.Literal("Missing", "Malformed", "Mismatch")
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return this.reason === "Missing"
      ? "the webhook delivery has no X-Hub-Signature header"
      : this.reason === "Malformed"
      ? "the X-Hub-Signature header is not sha1=<hex digest>"
      : "the X-Hub-Signature does not match the body (tampered body, or another client secret?)"
  }
}

/**
 * A verified delivery whose body is not a notification:
 *
 * - `InvalidJson`: not UTF-8 JSON;
 * - `NotNotification`: JSON, but not `{ type: "notification_event", id,
 *   topic, app_id, created_at, data: { item } }` (`issue` says where).
 *
 * A notification whose item does not match its topic's schema is not this
 * error: it decodes as a `GenericEvent`.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookDecodeError extends Schema.TaggedError<WebhookDecodeError>()("WebhookDecodeError", {
  reason: Schema.Literal("InvalidJson", "NotNotification"),
  issue: Schema.String
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return this.reason === "InvalidJson"
      ? `the webhook body is not JSON: ${this.issue}`
      : `the webhook body is not an Intercom notification: ${this.issue}`
  }
}

/**
 * A verified notification first sent longer ago than the `maxAge` given
 * (`sentAt`: its `first_sent_at`, or `created_at` without one, in Unix
 * seconds): an old delivery replayed, or a retry later than you accept.
 *
 * @since 0.1.0
 * @category errors
 */
export class WebhookStaleError extends Schema.TaggedError<WebhookStaleError>()("WebhookStaleError", {
  id: Schema.String,
  topic: Schema.String,
  sentAt: Schema.Number,
  ageMillis: Schema.Number,
  maxAgeMillis: Schema.Number
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return `the webhook notification ${this.id} (${this.topic}) was first sent ${
      Math.round(this.ageMillis / 1000)
    } s ago, more than the ${Math.round(this.maxAgeMillis / 1000)} s accepted`
  }
}

// -----------------------------------------------------------------------------
// Signatures
// -----------------------------------------------------------------------------

/**
 * The name of the header that carries the signature, lower-cased as
 * `@effect/platform` reads headers.
 *
 * @since 0.1.0
 * @category constants
 */
export const signatureHeader = "x-hub-signature"

/**
 * The `X-Hub-Signature` value of a body: `sha1=` and the lower-case hex
 * HMAC-SHA1 of the body's bytes keyed with the client secret, computed with
 * Web Crypto (`globalThis.crypto.subtle`; a platform without it is a defect).
 * A string body is encoded as UTF-8. For tests and fakes that deliver
 * webhooks.
 *
 * @example
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 *
 * const header = Webhooks.sign('{"type":"notification_event"}', Redacted.make("client-secret"))
 * // Effect<string>: "sha1=..." (40 hex digits)
 * Effect.runPromise(header).then(console.log)
 * ```
 *
 * @since 0.1.0
 * @category signatures
 */
export const sign = (body: Uint8Array | string, secret: Redacted.Redacted<string>): Effect.Effect<string> =>
  Effect.map(signature.hmacSha1Hex(body, secret), (hex) => signature.PREFIX + hex)

/**
 * Checks a delivery's `X-Hub-Signature` against its raw body: the digest is
 * computed with Web Crypto and compared with the header's in constant time
 * (every character, whatever the earlier ones; a length mismatch fails
 * without a shorter comparison). The prefix `sha1=` and hex digits are
 * accepted in either case.
 *
 * @example
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 *
 * const secret = Redacted.make("client-secret")
 * const body = '{"type":"notification_event"}'
 * const checked = Effect.flatMap(Webhooks.sign(body, secret), (header) =>
 *   Webhooks.verify({ body, signature: header, secret }))
 * // Effect<void, WebhookSignatureError>
 * ```
 *
 * @since 0.1.0
 * @category signatures
 */
export const verify = (options: {
  readonly body: Uint8Array | string
  readonly signature: string | undefined
  readonly secret: Redacted.Redacted<string>
}): Effect.Effect<void, WebhookSignatureError> => {
  const header = signature.parseHeader(options.signature)
  if (header._tag !== "Digest") return Effect.fail(new WebhookSignatureError({ reason: header._tag }))
  return Effect.flatMap(
    signature.hmacSha1Hex(options.body, options.secret),
    (expected) =>
      signature.constantTimeEqual(expected, header.hex)
        ? Effect.void
        : Effect.fail(new WebhookSignatureError({ reason: "Mismatch" }))
  )
}

// -----------------------------------------------------------------------------
// Decoding
// -----------------------------------------------------------------------------

const OptionalNumber = /*#__PURE__*/ Schema.optionalWith(Schema.NullOr(Tolerant.NumberFromNumeric), { exact: true })

const Notification = /*#__PURE__*/ Schema.Struct({
  type: Schema.Literal("notification_event"),
  id: Tolerant.IdString,
  topic: Schema.String,
  app_id: Tolerant.IdString,
  created_at: Tolerant.NumberFromNumeric,
  first_sent_at: OptionalNumber,
  delivery_attempts: OptionalNumber,
  data: Schema.Struct({ item: Schema.Unknown })
})

const decodeNotification = /*#__PURE__*/ ParseResult.decodeUnknownEither(Notification, { errors: "all" })

const itemOptions: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "preserve" }

const itemDecoders = new Map<string, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()

const itemDecoder = (topic: Topic) => {
  let decoder = itemDecoders.get(topic)
  if (decoder === undefined) {
    decoder = Schema.decodeUnknownEither(table.topics[topic] as Schema.Schema<unknown>, itemOptions)
    itemDecoders.set(topic, decoder)
  }
  return decoder
}

const textDecoder = /*#__PURE__*/ new TextDecoder("utf-8", { fatal: true })

const parseJson = (body: Uint8Array | string): Either.Either<unknown, WebhookDecodeError> => {
  try {
    return Either.right(JSON.parse(typeof body === "string" ? body : textDecoder.decode(body)))
  } catch (cause) {
    return Either.left(
      new WebhookDecodeError({ reason: "InvalidJson", issue: cause instanceof Error ? cause.message : String(cause) })
    )
  }
}

/**
 * Decodes a parsed notification (the JSON value of a webhook body): the
 * envelope must be a notification (else `WebhookDecodeError`); the item is
 * decoded with its topic's schema, tolerantly (fields the schema does not
 * know are kept, ids sent as numbers read as strings, numeric strings as
 * numbers). An unknown topic, or an item that does not decode, gives a
 * `GenericEvent` with the item as sent. Does not verify anything: use it on
 * bodies you verified.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeUnknown = (json: unknown): Effect.Effect<Event, WebhookDecodeError> => {
  const envelope = decodeNotification(json)
  if (Either.isLeft(envelope)) {
    return Effect.fail(
      new WebhookDecodeError({
        reason: "NotNotification",
        issue: ParseResult.TreeFormatter.formatIssueSync(envelope.left)
      })
    )
  }
  const n = envelope.right
  const fields: Envelope = {
    id: n.id,
    app_id: n.app_id,
    created_at: n.created_at,
    first_sent_at: n.first_sent_at ?? undefined,
    delivery_attempts: n.delivery_attempts ?? undefined,
    raw: json
  }
  const topic = n.topic
  if (!isTopic(topic)) {
    const generic: GenericEvent = {
      _tag: "Generic",
      topic,
      ...fields,
      item: n.data.item,
      reason: "UnknownTopic",
      issue: undefined
    }
    return Effect.succeed(generic)
  }
  const item = itemDecoder(topic)(n.data.item)
  if (Either.isLeft(item)) {
    const generic: GenericEvent = {
      _tag: "Generic",
      topic,
      ...fields,
      item: n.data.item,
      reason: "ItemMismatch",
      issue: ParseResult.TreeFormatter.formatErrorSync(item.left)
    }
    return Effect.succeed(generic)
  }
  return Effect.succeed({ _tag: topic, topic, ...fields, item: item.right } as Event)
}

/**
 * Decodes a webhook body (its bytes, or its text): JSON (else
 * `WebhookDecodeError` `InvalidJson`), then `decodeUnknown`. Does not verify
 * anything: use it on bodies you verified.
 *
 * @example
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as Effect from "effect/Effect"
 *
 * const event = Webhooks.decode(JSON.stringify({
 *   type: "notification_event",
 *   id: "notif_1",
 *   topic: "ping",
 *   app_id: "abc123",
 *   created_at: 1719859200,
 *   data: { type: "notification_event_data", item: { type: "ping", message: "hello" } }
 * }))
 * Effect.runPromise(event).then((event) => console.log(event._tag)) // "ping"
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (body: Uint8Array | string): Effect.Effect<Event, WebhookDecodeError> =>
  Effect.suspend(() => Either.match(parseJson(body), { onLeft: Effect.fail, onRight: decodeUnknown }))

const checkAge = (
  event: Event,
  maxAge: Duration.DurationInput | undefined
): Effect.Effect<Event, WebhookStaleError> =>
  maxAge === undefined ? Effect.succeed(event) : Effect.flatMap(Clock.currentTimeMillis, (now) => {
    const maxAgeMillis = Duration.toMillis(Duration.decode(maxAge))
    const sentAt = event.first_sent_at ?? event.created_at
    const ageMillis = now - sentAt * 1000
    return ageMillis > maxAgeMillis
      ? Effect.fail(new WebhookStaleError({ id: event.id, topic: event.topic, sentAt, ageMillis, maxAgeMillis }))
      : Effect.succeed(event)
  })

/**
 * The options of `verifyAndDecode` and `httpApp`'s secret and age check.
 *
 * @since 0.1.0
 * @category models
 */
export interface VerifyOptions {
  /** The app's client secret (Developer Hub: your app, Basic information). */
  readonly secret: Redacted.Redacted<string>
  /**
   * Reject notifications first sent longer ago than this (read with the
   * `Clock`), with `WebhookStaleError`. Leave it longer than Intercom's retry
   * window, or retries of a slow endpoint are refused. No check by default.
   */
  readonly maxAge?: Duration.DurationInput | undefined
}

/**
 * Verifies and decodes a delivery, for any framework: give the raw body (its
 * bytes, or its text exactly as received, never JSON serialised again) and
 * the `X-Hub-Signature` header. Fails with `WebhookSignatureError` before
 * reading the body, `WebhookDecodeError` for a body that is not a
 * notification, and `WebhookStaleError` with `maxAge` for an old one. Run it
 * with `Effect.runPromise` (or `runPromiseExit`) outside Effect.
 *
 * @example
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 *
 * // For example in an Express handler with `express.raw({ type: "application/json" })`:
 * export const onDelivery = (body: Uint8Array, header: string | undefined) =>
 *   Webhooks.verifyAndDecode({ body, signature: header, secret: Redacted.make("client-secret"), maxAge: "1 hour" }).pipe(
 *     Effect.map((event) => ({ status: 200, topic: event.topic })),
 *     Effect.catchTags({
 *       WebhookSignatureError: () => Effect.succeed({ status: 401, topic: undefined }),
 *       WebhookDecodeError: () => Effect.succeed({ status: 400, topic: undefined }),
 *       WebhookStaleError: () => Effect.succeed({ status: 200, topic: undefined })
 *     }),
 *     Effect.runPromise
 *   )
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const verifyAndDecode = (
  options: VerifyOptions & {
    readonly body: Uint8Array | string
    readonly signature: string | undefined
  }
): Effect.Effect<Event, WebhookSignatureError | WebhookDecodeError | WebhookStaleError> =>
  verify(options).pipe(
    Effect.zipRight(decode(options.body)),
    Effect.flatMap((event) => checkAge(event, options.maxAge))
  )

// -----------------------------------------------------------------------------
// HttpApp
// -----------------------------------------------------------------------------

/**
 * The options of `httpApp`: the secret, the optional age check, and the
 * handler each verified event is handed to.
 *
 * @since 0.1.0
 * @category models
 */
export interface HttpAppOptions<E, R> extends VerifyOptions {
  readonly handler: (event: Event) => Effect.Effect<unknown, E, R>
}

const annotate = (event: Event) => Effect.annotateLogs({ "webhook.id": event.id, "webhook.topic": event.topic })

/**
 * An `HttpApp` that receives Intercom's webhook deliveries: it reads the raw
 * body, verifies `X-Hub-Signature`, decodes the notification and answers at
 * once, then runs `handler` with the event:
 *
 * - 200 (empty): verified and decoded; the handler is started in a fiber of
 *   the scope `httpApp` was built in, after the answer is decided, so a slow
 *   handler never delays the 200 (Intercom times deliveries out after a few
 *   seconds). Its failures and defects are logged (`Effect.logError`, with
 *   `webhook.id` and `webhook.topic` annotations), never answered. Closing
 *   the scope interrupts handlers still running. An event whose item did not
 *   decode is handed on as a `GenericEvent` and logged at warning level;
 * - 200, nothing handed on: a stale notification under `maxAge` (logged at
 *   warning level): answering an error would only make Intercom retry a
 *   delivery that stays stale;
 * - 401 (`invalid signature`), nothing handed on: a missing, malformed or
 *   wrong signature (logged at debug level);
 * - 400 (`invalid notification`), nothing handed on: a verified body that is
 *   not a notification, or one that could not be read (logged at warning
 *   level).
 *
 * Because Intercom has its 200 before the handler runs, a handler that must
 * not lose events should record them durably first. Serve it on its own, or
 * mount it on a route (`HttpRouter.post("/intercom/webhooks", app)`).
 *
 * @example
 * ```ts
 * import * as Webhooks from "@effect-intercom/client/Webhooks"
 * import * as HttpRouter from "@effect/platform/HttpRouter"
 * import * as HttpServer from "@effect/platform/HttpServer"
 * import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Redacted from "effect/Redacted"
 * import { createServer } from "node:http"
 *
 * export const Receiver = Layer.unwrapScoped(Effect.gen(function* () {
 *   const app = yield* Webhooks.httpApp({
 *     secret: Redacted.make("client-secret"),
 *     handler: (event) => Effect.log(`received ${event.topic} ${event.id}`)
 *   })
 *   return HttpRouter.empty.pipe(HttpRouter.post("/intercom/webhooks", app), HttpServer.serve())
 * })).pipe(Layer.provide(NodeHttpServer.layer(createServer, { port: 3000 })))
 *
 * // NodeRuntime.runMain(Layer.launch(Receiver)) serves it until interrupted
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const httpApp = <E, R>(
  options: HttpAppOptions<E, R>
): Effect.Effect<HttpApp.Default<never, R>, never, Scope.Scope> =>
  Effect.map(Effect.scope, (scope) => {
    const handle = (event: Event): Effect.Effect<void, never, R> =>
      options.handler(event).pipe(
        Effect.catchAllCause((cause) =>
          Cause.isInterruptedOnly(cause) ? Effect.void : Effect.logError("Intercom webhook handler failed", cause)
        ),
        annotate(event),
        Effect.asVoid
      )
    const app: HttpApp.Default<never, R> = Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const body = yield* Effect.either(request.arrayBuffer)
      if (Either.isLeft(body)) {
        yield* Effect.logWarning("Intercom webhook: the body could not be read", body.left)
        return HttpServerResponse.text("invalid notification", { status: 400 })
      }
      const bytes = new Uint8Array(body.right)
      const result = yield* Effect.either(
        verifyAndDecode({ body: bytes, signature: request.headers[signatureHeader], ...options })
      )
      if (Either.isLeft(result)) {
        const error = result.left
        switch (error._tag) {
          case "WebhookSignatureError": {
            yield* Effect.logDebug("Intercom webhook rejected", error.message)
            return HttpServerResponse.text("invalid signature", { status: 401 })
          }
          case "WebhookDecodeError": {
            yield* Effect.logWarning("Intercom webhook: the body is not a notification", error.message)
            return HttpServerResponse.text("invalid notification", { status: 400 })
          }
          case "WebhookStaleError": {
            yield* Effect.logWarning("Intercom webhook ignored", error.message)
            return HttpServerResponse.empty({ status: 200 })
          }
        }
      }
      const event = result.right
      if (event._tag === "Generic" && event.reason === "ItemMismatch") {
        yield* Effect.logWarning(`Intercom webhook: the item does not match the schema of ${event.topic}`, event.issue)
          .pipe(annotate(event))
      }
      // Interruptible whatever the server runs the app in, so that closing the scope stops it.
      yield* Effect.forkIn(Effect.interruptible(handle(event)), scope)
      return HttpServerResponse.empty({ status: 200 })
    })
    return app
  })
