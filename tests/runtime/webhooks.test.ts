/**
 * Webhooks: signatures (checked against Node's own HMAC, an implementation
 * independent of the module's Web Crypto one), the constant-time comparison,
 * stale deliveries, decoding the spec's example objects into their topics'
 * events, the generic case, and the `HttpApp` behind a real `NodeHttpServer`
 * on 127.0.0.1.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Match from "effect/Match"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import { createHmac } from "node:crypto"
import { createServer } from "node:http"
import { inspect } from "node:util"
import * as signature from "../../packages/client/src/internal/webhooks/signature.js"
import * as Webhooks from "../../packages/client/src/Webhooks.js"
import { entries, responseExamples } from "../support/SpecFixtures.js"

const SECRET = "s3cr3t-client-secret"
const secret = Redacted.make(SECRET)

/** The header value, computed with Node's crypto (not the module's). */
const nodeSign = (body: string | Uint8Array, key = SECRET): string =>
  "sha1=" + createHmac("sha1", key).update(body).digest("hex")

const example = (name: string): Record<string, unknown> => {
  const entry = entries.find((e) => e.name === name)
  assert.isDefined(entry, name)
  const ok = responseExamples(entry!).find((r) => r.status === 200)
  assert.isDefined(ok, `${name}: a 200 example`)
  return ok!.examples[0].value as Record<string, unknown>
}

const conversation = example("conversations.find")
const contact = example("contacts.find")
const ticket = example("tickets.get")
const company = example("companies.find")

const FIRST_SENT_AT = 1_719_859_200 // 2024-07-01T18:40:00Z

const notification = (topic: string, item: unknown, extra: Record<string, unknown> = {}) => ({
  type: "notification_event",
  app_id: "abc123",
  data: { type: "notification_event_data", item },
  links: {},
  id: "notif_0f2b9d1c-8a5e-4c5b-9a0e-1f7d3c2b1a00",
  topic,
  delivery_status: "pending",
  delivery_attempts: 1,
  delivered_at: 0,
  first_sent_at: FIRST_SENT_AT,
  created_at: FIRST_SENT_AT,
  self: null,
  ...extra
})

const bodyOf = (value: unknown): string => JSON.stringify(value)

const errorOf = <A, E>(effect: Effect.Effect<A, E>) => Effect.flip(effect)

describe("Webhooks.sign and verify", () => {
  it.effect("sign gives what Node's createHmac gives, for text and bytes (UTF-8)", () =>
    Effect.gen(function*() {
      const text = bodyOf(notification("ping", { type: "ping", message: "héllo ✓" }))
      assert.strictEqual(yield* Webhooks.sign(text, secret), nodeSign(text))
      const bytes = new TextEncoder().encode(text)
      assert.strictEqual(yield* Webhooks.sign(bytes, secret), nodeSign(bytes))
      assert.strictEqual(yield* Webhooks.sign("", secret), nodeSign(""))
      // A view into a larger buffer: only its bytes are signed.
      const padded = new Uint8Array(bytes.length + 8)
      padded.set(bytes, 4)
      assert.strictEqual(yield* Webhooks.sign(padded.subarray(4, 4 + bytes.length), secret), nodeSign(bytes))
    }))

  it.effect("a signature computed independently verifies; upper-case hex too", () =>
    Effect.gen(function*() {
      const body = bodyOf(notification("ping", { type: "ping" }))
      yield* Webhooks.verify({ body, signature: nodeSign(body), secret })
      yield* Webhooks.verify({ body: new TextEncoder().encode(body), signature: nodeSign(body), secret })
      yield* Webhooks.verify({ body, signature: "SHA1=" + nodeSign(body).slice(5).toUpperCase(), secret })
      yield* Webhooks.verify({ body, signature: `  ${nodeSign(body)} `, secret })
    }))

  it.effect("a tampered body, another secret, a re-serialised body: Mismatch", () =>
    Effect.gen(function*() {
      const body = JSON.stringify(notification("ping", { type: "ping" }), null, 2)
      const header = nodeSign(body)
      const tampered = body.replace("abc123", "abc124")
      assert.strictEqual(
        (yield* errorOf(Webhooks.verify({ body: tampered, signature: header, secret }))).reason,
        "Mismatch"
      )
      assert.strictEqual(
        (yield* errorOf(Webhooks.verify({ body, signature: nodeSign(body, "other"), secret }))).reason,
        "Mismatch"
      )
      // The same JSON value written without the spaces is another body.
      const reserialised = JSON.stringify(JSON.parse(body))
      assert.strictEqual(
        (yield* errorOf(Webhooks.verify({ body: reserialised, signature: header, secret }))).reason,
        "Mismatch"
      )
    }))

  it.effect("missing and malformed headers", () =>
    Effect.gen(function*() {
      const body = "{}"
      const reason = (header: string | undefined) =>
        Effect.map(errorOf(Webhooks.verify({ body, signature: header, secret })), (e) => e.reason)
      assert.strictEqual(yield* reason(undefined), "Missing")
      assert.strictEqual(yield* reason(""), "Missing")
      assert.strictEqual(yield* reason("   "), "Missing")
      assert.strictEqual(yield* reason("sha1="), "Malformed")
      assert.strictEqual(yield* reason(nodeSign(body).slice(5)), "Malformed") // no prefix
      assert.strictEqual(
        yield* reason("sha256=" + createHmac("sha256", SECRET).update(body).digest("hex")),
        "Malformed"
      )
      assert.strictEqual(yield* reason("sha1=" + "zz".repeat(20)), "Malformed")
      assert.strictEqual(yield* reason("sha1=" + createHmac("sha1", SECRET).update(body).digest("base64")), "Malformed")
      const error = yield* errorOf(Webhooks.verify({ body, signature: undefined, secret }))
      assert.strictEqual(error._tag, "WebhookSignatureError")
      assert.notInclude(error.message, SECRET)
      // a mismatch, its exit and every serialisation: neither the secret nor the expected digest
      const expected = nodeSign(body).slice(5)
      const exit = yield* Effect.exit(Webhooks.verify({ body, signature: "sha1=" + "0".repeat(40), secret }))
      assert(exit._tag === "Failure")
      for (const text of [String(exit), JSON.stringify(exit), inspect(exit, { depth: 10 })]) {
        assert.include(text, "Mismatch")
        assert.notInclude(text, SECRET)
        assert.notInclude(text, expected)
      }
    }))

  it.effect("a digest of another length fails (shorter, longer, empty), without an early exit on content", () =>
    Effect.gen(function*() {
      const body = "{}"
      const good = nodeSign(body)
      for (const header of [good.slice(0, -2), good.slice(0, 6), good + "00", good + good.slice(5)]) {
        assert.strictEqual((yield* errorOf(Webhooks.verify({ body, signature: header, secret }))).reason, "Mismatch")
      }
      const hex = good.slice(5)
      assert.isTrue(signature.constantTimeEqual(hex, hex))
      assert.isFalse(signature.constantTimeEqual(hex, hex.slice(0, -1)))
      assert.isFalse(signature.constantTimeEqual(hex, hex + "0"))
      assert.isFalse(signature.constantTimeEqual(hex, ""))
      assert.isFalse(signature.constantTimeEqual("", hex))
      assert.isTrue(signature.constantTimeEqual("", ""))
      // A prefix of the right digest padded with NUL characters is still different.
      assert.isFalse(signature.constantTimeEqual("ab\u0000", "ab"))
      // Every position counts: a difference in the last character only.
      assert.isFalse(signature.constantTimeEqual(hex, hex.slice(0, -1) + (hex.endsWith("0") ? "1" : "0")))
    }))
})

describe("a secret that is not Redacted (from JavaScript)", () => {
  const plain = SECRET as unknown as Redacted.Redacted<string>
  const body = bodyOf(notification("ping", { type: "ping" }))

  it.effect("sign, verify and verifyAndDecode die saying so, the value in no form of the defect", () =>
    Effect.gen(function*() {
      for (
        const effect of [
          Webhooks.sign(body, plain),
          Webhooks.verify({ body, signature: nodeSign(body), secret: plain }),
          Webhooks.verifyAndDecode({ body, signature: nodeSign(body), secret: plain })
        ]
      ) {
        const exit = yield* Effect.exit(effect as Effect.Effect<unknown, unknown>)
        assert(Exit.isFailure(exit) && Cause.isDie(exit.cause), String(exit))
        const defect = Cause.squash(exit.cause) as Error
        assert.strictEqual(
          defect.message,
          "Webhooks: the client secret must be a Redacted (Redacted.make(secret), Config.redacted), not a string"
        )
        for (const text of [String(exit), JSON.stringify(exit), inspect(exit, { depth: 10 }), defect.stack ?? ""]) {
          assert.notInclude(text, SECRET)
        }
      }
    }))

  it.live("httpApp answers 500 (the server's configuration is wrong), not 401, and hands nothing on", () =>
    withServer(Effect.gen(function*() {
      const events: Array<Webhooks.Event> = []
      const app = yield* Webhooks.httpApp({ secret: plain, handler: (event) => Effect.sync(() => events.push(event)) })
      yield* HttpServer.serveEffect(app)
      const address = (yield* HttpServer.HttpServer).address as HttpServer.TcpAddress
      const response = yield* post(`http://127.0.0.1:${address.port}/`, body, { "X-Hub-Signature": nodeSign(body) })
      assert.strictEqual(response.status, 500)
      assert.notInclude(response.text, SECRET)
      assert.strictEqual(events.length, 0)
    })).pipe(Effect.map(({ logs }) => {
      for (const line of logs) assert.notInclude(line, SECRET)
    })))
})

describe("Webhooks.decode", () => {
  it.effect("the spec's Conversation, Contact, Ticket and Company examples decode under their topics' tags", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
        ["conversation.user.created", conversation],
        ["conversation.admin.replied", conversation],
        ["conversation.admin.closed", conversation],
        ["contact.user.created", contact],
        ["contact.lead.signed_up", contact],
        ["ticket.created", ticket],
        ["ticket.state.updated", ticket],
        ["company.updated", company]
      ]
      for (const [topic, item] of cases) {
        const event = yield* Webhooks.decode(bodyOf(notification(topic, item)))
        assert.strictEqual(event._tag, topic)
        assert.strictEqual(event.topic, topic)
        assert.strictEqual((event.item as { id: string }).id, String(item.id))
        assert.strictEqual(event.id, "notif_0f2b9d1c-8a5e-4c5b-9a0e-1f7d3c2b1a00")
        assert.strictEqual(event.app_id, "abc123")
        assert.strictEqual(event.created_at, FIRST_SENT_AT)
        assert.strictEqual(event.first_sent_at, FIRST_SENT_AT)
        assert.strictEqual(event.delivery_attempts, 1)
        assert.strictEqual((event.raw as { delivery_status: string }).delivery_status, "pending")
      }
    }))

  it.effect("Match.tag narrows the item to the topic's schema", () =>
    Effect.gen(function*() {
      const describe = Match.type<Webhooks.Event>().pipe(
        Match.tag("conversation.user.created", (e) => `conversation ${e.item.id} ${e.item.state ?? ""}`),
        Match.tag("contact.user.created", "contact.lead.created", (e) => `contact ${e.item.email ?? ""}`),
        Match.tag("ticket.created", (e) => `ticket ${e.item.ticket_attributes === undefined ? "-" : "attrs"}`),
        Match.tag("contact.tag.created", (e) => `tag ${e.item.tag.name ?? ""} on ${e.item.contact.id}`),
        Match.tag("Generic", (e) => `generic ${e.topic} ${e.reason}`),
        Match.orElse((e) => `other ${e.topic}`)
      )
      const c = yield* Webhooks.decode(bodyOf(notification("conversation.user.created", conversation)))
      assert.strictEqual(describe(c), `conversation ${conversation.id} ${conversation.state}`)
      const k = yield* Webhooks.decode(bodyOf(notification("contact.lead.created", contact)))
      assert.strictEqual(describe(k), `contact ${contact.email}`)
      const tag = { type: "tag", id: "17513", name: "VIP" }
      const t = yield* Webhooks.decode(
        bodyOf(notification("contact.tag.created", { type: "contact_tag", created_at: 1, tag, contact }))
      )
      assert.strictEqual(describe(t), `tag VIP on ${contact.id}`)
      const u = yield* Webhooks.decode(bodyOf(notification("conversation.brand_new.topic", { x: 1 })))
      assert.strictEqual(describe(u), "generic conversation.brand_new.topic UnknownTopic")
      const p = yield* Webhooks.decode(bodyOf(notification("ping", { type: "ping", message: "hi" })))
      assert.strictEqual(describe(p), "other ping")
    }))

  it.effect("decoding is tolerant: unknown fields kept, numeric ids read as strings", () =>
    Effect.gen(function*() {
      const item = { ...conversation, id: 123456, a_field_from_the_future: { nested: true } }
      const event = yield* Webhooks.decode(bodyOf(notification("conversation.admin.noted", item, { id: 42 })))
      assert.strictEqual(event._tag, "conversation.admin.noted")
      assert.strictEqual(event.id, "42")
      assert.strictEqual((event.item as { id: string }).id, "123456")
      assert.deepStrictEqual((event.item as Record<string, unknown>).a_field_from_the_future, { nested: true })
      // Absent and null delivery fields read as undefined.
      const bare = yield* Webhooks.decode(bodyOf({
        type: "notification_event",
        id: "n1",
        topic: "ping",
        app_id: "a",
        created_at: "1719859200",
        first_sent_at: null,
        data: { item: {} }
      }))
      assert.strictEqual(bare.created_at, FIRST_SENT_AT)
      assert.strictEqual(bare.first_sent_at, undefined)
      assert.strictEqual(bare.delivery_attempts, undefined)
    }))

  it.effect("an unknown topic is a GenericEvent with the item as sent", () =>
    Effect.gen(function*() {
      const item = { type: "something_new", id: 7 }
      const event = yield* Webhooks.decode(bodyOf(notification("something.new.happened", item)))
      assert.strictEqual(event._tag, "Generic")
      if (event._tag !== "Generic") return
      assert.strictEqual(event.reason, "UnknownTopic")
      assert.strictEqual(event.topic, "something.new.happened")
      assert.deepStrictEqual(event.item, item)
      assert.strictEqual(event.issue, undefined)
      assert.isFalse(Webhooks.isTopic("something.new.happened"))
      assert.isTrue(Webhooks.isTopic("conversation.user.created"))
      assert.isFalse(Webhooks.isTopic("toString"))
    }))

  it.effect("an item that does not match its topic's schema is a GenericEvent, not an error", () =>
    Effect.gen(function*() {
      const item = { type: "conversation", state: "open" } // no id
      const event = yield* Webhooks.decode(bodyOf(notification("conversation.user.replied", item)))
      assert.strictEqual(event._tag, "Generic")
      if (event._tag !== "Generic") return
      assert.strictEqual(event.reason, "ItemMismatch")
      assert.strictEqual(event.topic, "conversation.user.replied")
      assert.deepStrictEqual(event.item, item)
      assert.include(event.issue, "id")
    }))

  it.effect("bodies that are not notifications fail with WebhookDecodeError", () =>
    Effect.gen(function*() {
      const reason = (body: string | Uint8Array) => Effect.map(errorOf(Webhooks.decode(body)), (e) => e.reason)
      assert.strictEqual(yield* reason("{not json"), "InvalidJson")
      assert.strictEqual(yield* reason(""), "InvalidJson")
      assert.strictEqual(yield* reason(new Uint8Array([0x7b, 0xff, 0x7d])), "InvalidJson") // not UTF-8
      assert.strictEqual(yield* reason("[]"), "NotNotification")
      assert.strictEqual(yield* reason(bodyOf({ ...notification("ping", {}), type: "event" })), "NotNotification")
      const { topic: _topic, ...noTopic } = notification("ping", {})
      const error = yield* errorOf(Webhooks.decode(bodyOf(noTopic)))
      assert.strictEqual(error.reason, "NotNotification")
      assert.include(error.issue, "topic")
    }))
})

describe("Webhooks.verifyAndDecode", () => {
  it.effect("verifies, then decodes; a bad signature fails before the body is read", () =>
    Effect.gen(function*() {
      const body = bodyOf(notification("ticket.created", ticket))
      const event = yield* Webhooks.verifyAndDecode({ body, signature: nodeSign(body), secret })
      assert.strictEqual(event._tag, "ticket.created")
      const notJson = "{oops"
      assert.strictEqual(
        (yield* errorOf(Webhooks.verifyAndDecode({ body: notJson, signature: nodeSign(body), secret })))._tag,
        "WebhookSignatureError"
      )
      assert.strictEqual(
        (yield* errorOf(Webhooks.verifyAndDecode({ body: notJson, signature: nodeSign(notJson), secret })))._tag,
        "WebhookDecodeError"
      )
    }))

  it.effect("replays: the same delivery twice has the same id (deduplicate by it); maxAge refuses old ones", () =>
    Effect.gen(function*() {
      const body = bodyOf(notification("contact.user.updated", contact, { delivery_attempts: 2 }))
      const signed = { body, signature: nodeSign(body), secret }
      // TestClock: 10 minutes after the first send.
      yield* TestClock.setTime(FIRST_SENT_AT * 1000 + Duration.toMillis("10 minutes"))
      const first = yield* Webhooks.verifyAndDecode(signed)
      const again = yield* Webhooks.verifyAndDecode(signed)
      assert.strictEqual(first.id, again.id)
      assert.strictEqual(again.delivery_attempts, 2)
      const seen = new Set<string>()
      const fresh = [first, again].filter((e) => !seen.has(e.id) && seen.add(e.id) !== undefined)
      assert.strictEqual(fresh.length, 1)

      yield* Webhooks.verifyAndDecode({ ...signed, maxAge: "1 hour" })
      const stale = yield* errorOf(Webhooks.verifyAndDecode({ ...signed, maxAge: "5 minutes" }))
      assert.strictEqual(stale._tag, "WebhookStaleError")
      if (stale._tag !== "WebhookStaleError") return
      assert.strictEqual(stale.id, first.id)
      assert.strictEqual(stale.topic, "contact.user.updated")
      assert.strictEqual(stale.sentAt, FIRST_SENT_AT)
      assert.strictEqual(stale.ageMillis, 600_000)
      assert.strictEqual(stale.maxAgeMillis, 300_000)
      assert.include(stale.message, "600 s ago")

      // Without first_sent_at, created_at counts.
      const { first_sent_at: _sent, ...unsent } = notification("ping", {})
      const ping = bodyOf({ ...unsent, created_at: FIRST_SENT_AT - 3600 })
      const old = yield* errorOf(
        Webhooks.verifyAndDecode({ body: ping, signature: nodeSign(ping), secret, maxAge: "1 hour" })
      )
      assert.strictEqual(old._tag, "WebhookStaleError")
    }))
})

// -----------------------------------------------------------------------------
// The HttpApp behind a real server
// -----------------------------------------------------------------------------

const post = (url: string, body: string, headers: Record<string, string>) =>
  Effect.tryPromise(async () => {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
      signal: AbortSignal.timeout(5_000)
    })
    return { status: response.status, text: await response.text() }
  })

/** The app served on the test's server, its handler recording each event before running `handler`. */
const receiver = <R>(
  handler: (event: Webhooks.Event) => Effect.Effect<unknown, unknown, R>,
  options: { readonly maxAge?: Duration.DurationInput } = {}
) =>
  Effect.gen(function*() {
    const events: Array<Webhooks.Event> = []
    const app = yield* Webhooks.httpApp({
      secret,
      ...options,
      handler: (event) => Effect.zipRight(Effect.sync(() => events.push(event)), handler(event))
    })
    yield* HttpServer.serveEffect(app)
    const server = yield* HttpServer.HttpServer
    assert.strictEqual(server.address._tag, "TcpAddress")
    const address = server.address as HttpServer.TcpAddress
    assert.strictEqual(address.hostname, "127.0.0.1")
    return { url: `http://127.0.0.1:${address.port}/`, events }
  })

const withServer = <A, E>(effect: Effect.Effect<A, E, HttpServer.HttpServer | Scope.Scope>) => {
  const logs: Array<string> = []
  const logger = Logger.make(({ message, logLevel, annotations }) => {
    const text = (Array.isArray(message) ? message : [message]).map(String).join(" ")
    logs.push(`${logLevel.label} ${text} ${JSON.stringify(Object.fromEntries(annotations))}`)
  })
  return effect.pipe(
    Effect.scoped,
    Effect.provide(NodeHttpServer.layerServer(() => createServer(), { port: 0, host: "127.0.0.1" })),
    Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
    Logger.withMinimumLogLevel(LogLevel.All),
    Effect.map((a) => ({ a, logs })),
    Effect.timeout("20 seconds")
  )
}

describe("Webhooks.httpApp", () => {
  it.live("a signed delivery: 200, and the handler gets the event", () =>
    Effect.gen(function*() {
      const { logs } = yield* withServer(Effect.gen(function*() {
        const got = yield* Deferred.make<Webhooks.Event>()
        const { events, url } = yield* receiver((event) => Deferred.succeed(got, event))
        const body = bodyOf(notification("conversation.user.created", conversation))
        const response = yield* post(url, body, { "X-Hub-Signature": nodeSign(body) })
        assert.strictEqual(response.status, 200)
        assert.strictEqual(response.text, "")
        const event = yield* Deferred.await(got).pipe(Effect.timeout("5 seconds"))
        assert.strictEqual(event._tag, "conversation.user.created")
        assert.strictEqual(event.topic, "conversation.user.created")
        assert.strictEqual((event.item as { id: string }).id, conversation.id)
        assert.strictEqual(events.length, 1)
      }))
      assert.isFalse(logs.some((line) => line.startsWith("ERROR")), logs.join("\n"))
    }))

  it.live("unsigned, wrongly signed, tampered: 401, nothing handed on", () =>
    withServer(Effect.gen(function*() {
      const { events, url } = yield* receiver(() => Effect.void)
      const body = bodyOf(notification("ping", { type: "ping" }))
      const unsigned = yield* post(url, body, {})
      assert.strictEqual(unsigned.status, 401)
      assert.strictEqual(unsigned.text, "invalid signature")
      assert.strictEqual((yield* post(url, body, { "X-Hub-Signature": nodeSign(body, "wrong") })).status, 401)
      assert.strictEqual((yield* post(url, body, { "X-Hub-Signature": "sha1=abc" })).status, 401)
      assert.strictEqual((yield* post(url, body, { "X-Hub-Signature": "nonsense" })).status, 401)
      assert.strictEqual((yield* post(url, body + " ", { "X-Hub-Signature": nodeSign(body) })).status, 401)
      yield* Effect.sleep("50 millis")
      assert.strictEqual(events.length, 0)
    })))

  it.live("bad JSON or not a notification, validly signed: 400, nothing handed on", () =>
    withServer(Effect.gen(function*() {
      const { events, url } = yield* receiver(() => Effect.void)
      for (const body of ["{not json", "[1,2,3]", bodyOf({ type: "notification_event" })]) {
        const response = yield* post(url, body, { "X-Hub-Signature": nodeSign(body) })
        assert.strictEqual(response.status, 400, body)
        assert.strictEqual(response.text, "invalid notification")
      }
      yield* Effect.sleep("50 millis")
      assert.strictEqual(events.length, 0)
    })))

  it.live("a slow handler does not delay the 200; its failure is logged, not answered", () =>
    Effect.gen(function*() {
      const { logs } = yield* withServer(Effect.gen(function*() {
        const release = yield* Deferred.make<void>()
        const failed = yield* Deferred.make<void>()
        const { events, url } = yield* receiver((event) =>
          event._tag === "ticket.created"
            ? Deferred.await(release) // waits until the test releases it: longer than the response
            : Effect.zipRight(Deferred.succeed(failed, undefined), Effect.fail("handler broke"))
        )
        const slow = bodyOf(notification("ticket.created", ticket))
        const started = Date.now()
        const response = yield* post(url, slow, { "X-Hub-Signature": nodeSign(slow) })
        assert.strictEqual(response.status, 200)
        assert.isBelow(Date.now() - started, 2_000)
        assert.strictEqual(events.length, 1)

        const broken = bodyOf(notification("contact.user.created", contact))
        assert.strictEqual((yield* post(url, broken, { "X-Hub-Signature": nodeSign(broken) })).status, 200)
        yield* Deferred.await(failed).pipe(Effect.timeout("5 seconds"))
        yield* Effect.sleep("50 millis")
        yield* Deferred.succeed(release, undefined)
      }))
      const error = logs.find((line) => line.startsWith("ERROR"))
      assert.isDefined(error, logs.join("\n"))
      assert.include(error, "Intercom webhook handler failed")
      assert.include(error, "contact.user.created")
    }))

  it.live("an unknown topic and a mismatching item are handed on as GenericEvent (the mismatch logged)", () =>
    Effect.gen(function*() {
      const { logs } = yield* withServer(Effect.gen(function*() {
        const { events, url } = yield* receiver(() => Effect.void)
        const unknown = bodyOf(notification("brand.new.topic", { id: 1 }))
        assert.strictEqual((yield* post(url, unknown, { "X-Hub-Signature": nodeSign(unknown) })).status, 200)
        const mismatch = bodyOf(notification("ticket.closed", { type: "ticket" }))
        assert.strictEqual((yield* post(url, mismatch, { "X-Hub-Signature": nodeSign(mismatch) })).status, 200)
        yield* Effect.sleep("50 millis")
        assert.deepStrictEqual(
          events.map((e) => [e._tag, e.topic, e._tag === "Generic" ? e.reason : undefined]),
          [["Generic", "brand.new.topic", "UnknownTopic"], ["Generic", "ticket.closed", "ItemMismatch"]]
        )
      }))
      assert.isTrue(logs.some((line) => line.startsWith("WARN") && line.includes("ticket.closed")), logs.join("\n"))
    }))

  it.live("a stale delivery under maxAge: 200, nothing handed on", () =>
    withServer(Effect.gen(function*() {
      const { events, url } = yield* receiver(() => Effect.void, { maxAge: "1 hour" })
      const old = bodyOf(notification("ping", { type: "ping" })) // first sent in 2024
      assert.strictEqual((yield* post(url, old, { "X-Hub-Signature": nodeSign(old) })).status, 200)
      const now = Math.floor(Date.now() / 1000)
      const fresh = bodyOf(notification("ping", { type: "ping" }, { first_sent_at: now, created_at: now }))
      assert.strictEqual((yield* post(url, fresh, { "X-Hub-Signature": nodeSign(fresh) })).status, 200)
      yield* Effect.sleep("50 millis")
      assert.strictEqual(events.length, 1)
      assert.strictEqual(events[0].first_sent_at, now)
    })))

  it.live("closing the scope interrupts handlers still running", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      const started = yield* Deferred.make<void>()
      const fiber = yield* Effect.fork(withServer(Effect.gen(function*() {
        const { url } = yield* receiver(() =>
          Effect.zipRight(Deferred.succeed(started, undefined), Effect.never).pipe(
            Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined))
          )
        )
        const body = bodyOf(notification("ping", {}))
        assert.strictEqual((yield* post(url, body, { "X-Hub-Signature": nodeSign(body) })).status, 200)
        yield* Deferred.await(started).pipe(Effect.timeout("5 seconds"))
      })))
      const result = yield* Fiber.join(fiber)
      assert.isFalse(result.logs.some((line) => line.startsWith("ERROR")), result.logs.join("\n"))
      assert.isTrue(Either.isRight(yield* Effect.either(Deferred.await(interrupted).pipe(Effect.timeout("5 seconds")))))
    }))
})
