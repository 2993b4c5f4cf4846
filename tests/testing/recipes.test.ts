/**
 * The recipes of `packages/testing/README.md`, one test per block (the
 * blocks' code as the README shows it, inside a `describe` each), the blocks
 * of the root README's "Testing your program" the same way, and the
 * options they document: the fake's own spans kept out of the user's traces
 * unless `traces: true`, a scripted failure's `Retry-After`, `adjustClock`.
 */
import { Intercom, IntercomError, OAuth } from "@effect-intercom/client"
import * as Intercom_2_16 from "@effect-intercom/client/Intercom_2_16"
import { FakeIntercom, IntercomMock } from "@effect-intercom/testing"
import { NodeHttpClient } from "@effect/platform-node"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Fiber, Layer, Redacted, Stream, TestClock } from "effect"
import * as RecordingTracer from "../support/RecordingTracer.js"
import { raw } from "./suites/_fake.js"

const identify = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify())

// README: IntercomMock.layerTest
describe("README: IntercomMock.layerTest", () => {
  // the program under test
  const emailOf = (contactId: string) =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const contact = yield* intercom.contacts.find({ contact_id: contactId })
      return contact.email ?? "no email"
    }).pipe(Effect.catchTag("NotFoundError", () => Effect.succeed("unknown contact")))

  const TestIntercom = IntercomMock.layerTest({
    contacts: {
      find: ({ contact_id }) =>
        contact_id === "1"
          ? Effect.succeed({ type: "contact", id: "1", email: "ada@example.com" })
          : Effect.fail(IntercomError.notFound({ operation: "contacts.find" }))
    }
  })

  it.effect("emailOf: a known contact, and a missing one", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* emailOf("1"), "ada@example.com")
      assert.strictEqual(yield* emailOf("2"), "unknown contact")
    }).pipe(Effect.provide(TestIntercom)))
})

// README: FakeIntercom.layerIntercom
describe("README: FakeIntercom.layerIntercom", () => {
  const FakeLayer = FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed })

  it.effect("pages through every seeded contact, and renames one", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const all = yield* Stream.runCount(intercom.contacts.listStream({ per_page: 50 }))
      assert.strictEqual(all, 200) // smallSeed: 200 contacts

      const fake = yield* FakeIntercom.FakeIntercom
      const [first] = yield* fake.records("contacts")
      yield* intercom.contacts.update({ contact_id: first.id, name: "Grace Hopper" })
      const found = yield* intercom.contacts.find({ contact_id: first.id })
      assert.strictEqual(found.name, "Grace Hopper")

      // what the fake answered
      const exchanges = yield* fake.exchanges
      assert.deepStrictEqual(exchanges.slice(-2).map((e) => `${e.operation} ${e.status}`), [
        "contacts.update 200",
        "contacts.find 200"
      ])
    }).pipe(Effect.provide(FakeLayer)))
})

// README: seeding
describe("README: seeding", () => {
  const Seeded = FakeIntercom.layerIntercom({ seed: { contacts: 3, companies: 1 }, randomSeed: 7 })

  it.effect("a workspace of three contacts, the same on every run", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const contacts = yield* fake.records("contacts")
      assert.strictEqual(contacts.length, 3)

      const intercom = yield* Intercom.Intercom
      const first = yield* intercom.contacts.find({ contact_id: contacts[0].id })
      assert.strictEqual(first.email, contacts[0].email)
    }).pipe(Effect.provide(Seeded)))
})

// README: retries off
describe("README: retries off", () => {
  const NoRetries = FakeIntercom.layerIntercom({
    seed: FakeIntercom.smallSeed,
    clientOptions: { retry: false, rateLimiter: false }
  })

  it.effect("a 503 reaches the program at once", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, 503)
      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.admins.identify())
      assert.strictEqual(error._tag, "ServerError")
    }).pipe(Effect.provide(NoRetries)))
})

// README: fault injection
describe("README: fault injection", () => {
  const Flaky = FakeIntercom.layerIntercom({
    seed: FakeIntercom.smallSeed,
    faults: { errorRate: 0.5, seed: 1 },
    clientOptions: { retry: false }
  })

  it.effect("half the calls fail, the same ones on every run; then faults are switched off", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const outcomes = yield* Effect.forEach([1, 2, 3, 4, 5, 6], () => Effect.either(intercom.admins.identify()))
      assert.isTrue(outcomes.some(Either.isLeft))
      assert.isTrue(outcomes.some(Either.isRight))

      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.setFaults(undefined)
      yield* fake.failNext(1, "drop")
      const dropped = yield* Effect.flip(intercom.admins.identify())
      assert.strictEqual(dropped._tag, "RequestError")
      yield* intercom.admins.identify() // recovered
    }).pipe(Effect.provide(Flaky)))
})

// README: the rate-limit window
describe("README: the rate-limit window", () => {
  const Tight = FakeIntercom.layerIntercom({
    rateLimit: { limit: 2, windowMillis: 10_000 },
    clientOptions: { retry: false, rateLimiter: false }
  })

  it.effect("the third call in a window is refused until the window resets", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* intercom.admins.identify()
      yield* intercom.admins.identify()
      const error = yield* Effect.flip(intercom.admins.identify())
      assert.strictEqual(error._tag, "RateLimitError")
      if (error._tag === "RateLimitError") {
        assert.deepStrictEqual(error.rateLimit, { limit: 2, remaining: 0, reset: 10 })
      }
      yield* TestClock.adjust("10 seconds")
      yield* intercom.admins.identify()
    }).pipe(Effect.provide(Tight)))
})

// README: a scripted 429 under the TestClock
describe("README: a scripted 429 under the TestClock", () => {
  const Patient = FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed })

  it.effect("a 429 with Retry-After: 55 is retried after 55 seconds of TestClock, in no real time", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, { status: 429, retryAfter: "55 seconds" })

      const intercom = yield* Intercom.Intercom
      const fiber = yield* Effect.fork(intercom.admins.identify())
      yield* FakeIntercom.adjustClock("56 seconds") // the wait, and the client's jitter (at most 1 s)
      const me = yield* Fiber.join(fiber)

      assert.strictEqual(me.type, "admin")
      assert.deepStrictEqual((yield* fake.exchanges).map((e) => e.status), [429, 200])
    }).pipe(Effect.provide(Patient)))
})

// README: traces
describe("README: traces", () => {
  const Traced = FakeIntercom.layerIntercom({ traces: true, clientOptions: { propagateTraces: true } })

  it.effect("the fake's server span under the client's", () =>
    Effect.flatMap(Intercom.Intercom, (intercom) => intercom.admins.identify()).pipe(Effect.provide(Traced)))

  // the same layer, with a recording tracer
  it.effect("traces: true records the fake's server span, under the client's HTTP span when propagated", () => {
    const { spans, tracer } = RecordingTracer.make()
    return Effect.gen(function*() {
      yield* identify
      const names = spans.map((s) => s.name)
      assert.deepStrictEqual(names, ["Intercom.admins.identify", "http.client GET", "http.server GET"])
      const client = spans.find((s) => s.name === "http.client GET")!
      const server = spans.find((s) => s.name === "http.server GET")!
      assert.strictEqual(server.parentId, client.spanId)
      assert.strictEqual(server.attributes.get("http.response.status_code"), 200)
    }).pipe(Effect.provide(Traced), Effect.withTracer(tracer))
  })
})

// README: your own client, or a real server
describe("README: your own client, or a real server", () => {
  const token = Redacted.make("my-test-token")

  // in-process, with the client built by hand
  const InProcess = Intercom.layer({ token, baseUrl: FakeIntercom.baseUrl, retry: false }).pipe(
    Layer.provideMerge(FakeIntercom.layerHttpClient({ token }))
  )

  // over 127.0.0.1
  const program = Effect.gen(function*() {
    const baseUrl = yield* FakeIntercom.serverUrl
    const teams = yield* Effect.flatMap(Intercom.Intercom, (intercom) => intercom.teams.list()).pipe(
      Effect.provide(Intercom.layer({ token, baseUrl }).pipe(Layer.provide(NodeHttpClient.layerUndici)))
    )
    console.log(`${baseUrl}: ${teams.teams?.length ?? 0} teams`)
  })

  it.live("the program over 127.0.0.1, and the in-process layer", () =>
    Effect.gen(function*() {
      yield* Effect.provide(program, FakeIntercom.layerServer({ token }))
      const teams = yield* Effect.flatMap(Intercom.Intercom, (intercom) => intercom.teams.list()).pipe(
        Effect.provide(InProcess)
      )
      assert.strictEqual(teams.teams?.length, 3)
    }))
})

describe("README: API versions 2.15 and 2.16", () => {
  const TestLayer = Intercom_2_16.layerFromClient.pipe(Layer.provideMerge(FakeIntercom.layerIntercom()))

  const program = Effect.gen(function*() {
    const intercom = yield* Intercom_2_16.Intercom
    const contacts = yield* intercom.contacts.list() // the fake's state, in 2.16's shapes
    const snippets = yield* intercom.contentSnippets.listContentSnippets() // the description's example
    return [contacts.total_count, snippets]
  })

  it.effect("the fake's contacts and the description's content snippets, each logged as 2.16", () =>
    Effect.gen(function*() {
      const [total, snippets] = yield* program
      assert.strictEqual(total, 5000)
      assert.isArray((snippets as { data?: unknown }).data)
      const exchanges = yield* Effect.flatMap(FakeIntercom.FakeIntercom, (fake) => fake.exchanges)
      assert.deepStrictEqual(exchanges.map((e) => [e.operation, e.version]), [
        ["contacts.list", "2.16"],
        ["contentSnippets.listContentSnippets", "2.16"]
      ])
    }).pipe(Effect.provide(TestLayer)))
})

describe("README: OAuth", () => {
  const app = {
    clientId: "my-app",
    clientSecret: Redacted.make("my-app-secret"),
    redirectUri: "https://app.example.com/callback",
    authorizeUrl: `${FakeIntercom.baseUrl}/oauth`,
    tokenUrl: `${FakeIntercom.baseUrl}/auth/eagle/token`,
    apiBaseUrl: FakeIntercom.baseUrl
  }

  const installed = Effect.gen(function*() {
    const fake = yield* FakeIntercom.FakeIntercom
    const callback = yield* fake.authorize(OAuth.authorizeUrl({ ...app, state: "s-1" }))
    const code = yield* OAuth.readCallback(callback, "s-1")
    const token = yield* OAuth.exchangeCode({ ...app, code })
    const intercom = yield* Intercom.Intercom
    return yield* intercom.admins.identify().pipe(OAuth.withToken(token)) // the fake's admin
  })

  const Fake = FakeIntercom.layer({ oauth: { clientId: app.clientId, clientSecret: app.clientSecret } })
  const Client = Layer.effect(HttpClient.HttpClient, Effect.map(FakeIntercom.FakeIntercom, (fake) => fake.httpClient))
  const TestLayer = Intercom.layer({ token: Redacted.make("unused"), baseUrl: FakeIntercom.baseUrl }).pipe(
    Layer.provideMerge(Client),
    Layer.provideMerge(Fake)
  )

  it.effect("the install walked on the fake: the exchanged token reads the fake's admin", () =>
    Effect.gen(function*() {
      const me = yield* installed
      assert.strictEqual(me.name, "Ada Lovelace")
      const exchanges = yield* Effect.flatMap(FakeIntercom.FakeIntercom, (fake) => fake.exchanges)
      assert.deepStrictEqual(exchanges.map((e) => e.operation), ["oauth.exchangeCode", "admins.identify"])
    }).pipe(Effect.provide(TestLayer)))
})

describe("the fake's own spans", () => {
  it.effect("by default: the client's spans only, none of the fake's (with trace propagation on too)", () => {
    const { spans, tracer } = RecordingTracer.make()
    return Effect.gen(function*() {
      yield* identify
      yield* Effect.flip(Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: "x" })))
      const names = spans.map((s) => s.name)
      assert.deepStrictEqual(names, [
        "Intercom.admins.identify",
        "http.client GET",
        "Intercom.contacts.find",
        "http.client GET"
      ])
    }).pipe(
      Effect.provide(
        FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, clientOptions: { propagateTraces: true } })
      ),
      Effect.withTracer(tracer)
    )
  })

  it.effect("traces: true without propagation: the fake's span is recorded, in a trace of its own", () => {
    const { spans, tracer } = RecordingTracer.make()
    return Effect.gen(function*() {
      yield* identify
      const server = spans.find((s) => s.name === "http.server GET")
      assert.isDefined(server)
      assert.isFalse(spans.some((s) => s.spanId === server!.parentId && s.name.startsWith("http.client")))
    }).pipe(
      Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, traces: true })),
      Effect.withTracer(tracer)
    )
  })

  it.live("layerServer: the server's spans off by default, on with traces: true", () =>
    Effect.gen(function*() {
      const token = Redacted.make("server-token")
      const run = (traces: boolean) => {
        const { spans, tracer } = RecordingTracer.make()
        return Effect.gen(function*() {
          const baseUrl = yield* FakeIntercom.serverUrl
          yield* identify.pipe(
            Effect.provide(
              Intercom.layer({ token, baseUrl, retry: false, rateLimiter: false, propagateTraces: true }).pipe(
                Layer.provide(NodeHttpClient.layerUndici)
              )
            )
          )
          return spans.map((s) => s.name)
        }).pipe(
          Effect.provide(FakeIntercom.layerServer({ token, seed: FakeIntercom.smallSeed, traces })),
          Effect.withTracer(tracer)
        )
      }
      assert.isFalse((yield* run(false)).includes("http.server GET"))
      assert.isTrue((yield* run(true)).includes("http.server GET"))
    }))
})

describe("scripted failures and the clock", () => {
  const NoRetry = FakeIntercom.layerIntercom({
    seed: FakeIntercom.smallSeed,
    clientOptions: { retry: false, rateLimiter: false }
  })

  it.effect("failNext with retryAfter sends Retry-After (whole seconds), and the error carries it", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, { status: 429, retryAfter: "1500 millis" })
      const answer = yield* raw("GET", "/me", { token: FakeIntercom.defaultToken })
      assert.strictEqual(answer.status, 429)
      assert.strictEqual(answer.headers.get("retry-after"), "2")
      assert.strictEqual(answer.headers.get("x-ratelimit-remaining"), "0")
      assert.strictEqual(answer.json.errors[0].code, "rate_limit_exceeded")

      yield* fake.failNext(2, { status: 503, retryAfter: "55 seconds" })
      const intercom = yield* Intercom.Intercom
      const error = yield* Effect.flip(intercom.admins.identify())
      assert.strictEqual(error._tag, "ServerError")
      assert.strictEqual(error._tag === "ServerError" ? error.retryAfter : undefined, 55)
      // the same as the constructor's, but for the request id and rate-limit headers the fake sent
      const made = IntercomError.serverError({
        operation: "admins.identify",
        method: "GET",
        path: "/me",
        status: 503,
        retryAfter: 55,
        errors: [{ code: "server_error", message: "Request failed due to an internal error (injected fault)" }]
      })
      const second = yield* Effect.flip(intercom.admins.identify())
      if (second._tag === "ServerError") {
        assert.strictEqual(second.message.replace(/ \[request_id: .*\]$/, ""), made.message)
      } else assert.fail(second._tag)
      // and a plain number still works, with no Retry-After
      yield* fake.failNext(1, 500)
      const plain = yield* raw("GET", "/me", { token: FakeIntercom.defaultToken })
      assert.strictEqual(plain.status, 500)
      assert.isNull(plain.headers.get("retry-after"))
    }).pipe(Effect.provide(NoRetry)))

  it.effect("a scripted 429 with retries on: the client waits 55 s of TestClock, not of real time", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, { status: 429, retryAfter: "55 seconds" })
      const intercom = yield* Intercom.Intercom
      const started = Date.now()
      const fiber = yield* Effect.fork(intercom.admins.identify())
      yield* FakeIntercom.adjustClock("54 seconds")
      // still waiting: 55 s have not passed
      assert.isUndefined(yield* Fiber.poll(fiber).pipe(Effect.map((o) => o._tag === "Some" ? o.value : undefined)))
      yield* FakeIntercom.adjustClock("2 seconds")
      const me = yield* Fiber.join(fiber)
      assert.strictEqual(me.type, "admin")
      assert.deepStrictEqual((yield* fake.exchanges).map((e) => e.status), [429, 200])
      assert.isBelow(Date.now() - started, 5_000)
    }).pipe(Effect.provide(FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed }))))

  it.effect("adjustClock with nothing sleeping adjusts after `within`", () =>
    Effect.gen(function*() {
      yield* FakeIntercom.adjustClock("5 seconds", { within: "20 millis" })
      assert.strictEqual(yield* TestClock.currentTimeMillis, 5000)
    }))
})

// the root README, "Testing your program": mocked 404
describe("root README: mocked 404", () => {
  // the program under test
  const nameOf = (id: string) =>
    Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: id })).pipe(
      Effect.map((contact) => contact.name ?? "anonymous"),
      Effect.catchTag("NotFoundError", () => Effect.succeed("nobody"))
    )

  const MissingContacts = IntercomMock.layerTest({
    contacts: { find: () => Effect.fail(IntercomError.notFound({ operation: "contacts.find" })) }
  })

  it.effect("a missing contact is nobody", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* nameOf("42"), "nobody")
    }).pipe(Effect.provide(MissingContacts)))
})

// the root README, "Testing your program": scripted 429
describe("root README: scripted 429", () => {
  const Fake = FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed })

  it.effect("a 429 is waited out on the TestClock, not in real time", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, { status: 429, retryAfter: "55 seconds" })

      const intercom = yield* Intercom.Intercom
      const fiber = yield* Effect.fork(intercom.contacts.list({ per_page: 10 }))
      yield* FakeIntercom.adjustClock("56 seconds") // Retry-After, plus the client's jitter
      const page = yield* Fiber.join(fiber)
      assert.strictEqual(page.data?.length, 10)
    }).pipe(Effect.provide(Fake)))
})
