/**
 * OAuth: the authorize URL (encoding, regions, overrides), the state (random,
 * constant-time check, callbacks), the code exchange against a mock
 * HttpClient (the request Intercom expects, the token `Redacted`, status
 * errors, odd answers, transport failures, time-out; the secret in no
 * serialisation of anything, spans included), the service and its layers,
 * and many workspaces in one process through the per-call token and region.
 */
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as OAuth from "@effect-intercom/client/OAuth"
import * as Operation from "@effect-intercom/client/Operation"
import * as Pagination from "@effect-intercom/client/Pagination"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as MockHttp from "../support/MockHttp.js"
import * as RecordingTracer from "../support/RecordingTracer.js"
import { findContact, json, listContacts, mock } from "./_mock.js"

const SECRET = "cs_SECRET_do_not_leak_456"
const ACCESS = "at_SECRET_workspace_token_789"
const CODE = "code_abc"

const app: OAuth.Options = {
  clientId: "client-1",
  clientSecret: Redacted.make(SECRET),
  redirectUri: "https://example.com/intercom/callback"
}

const assertNoSecret = (value: unknown, secrets: ReadonlyArray<string> = [SECRET, ACCESS]) => {
  for (const text of RecordingTracer.serialise(value)) {
    for (const secret of secrets) assert.notInclude(text, secret)
  }
  if (value instanceof Error) {
    for (const secret of secrets) {
      assert.notInclude(value.message, secret)
      assert.notInclude(value.stack ?? "", secret)
    }
  }
}

/** A token endpoint: answers `answer`, records the requests. */
const tokenEndpoint = (
  answer: (recorded: MockHttp.RecordedRequest) => Response | Effect.Effect<Response> = () =>
    MockHttp.json(200, { type: "token", token_type: "Bearer", token: ACCESS, access_token: ACCESS })
) => MockHttp.make(answer)

describe("authorizeUrl", () => {
  it("is Intercom's authorize page with client_id, state and redirect_uri, URL-encoded", () => {
    const url = OAuth.authorizeUrl({ ...app, state: "a b&c=d/é" })
    assert.strictEqual(
      url,
      "https://app.intercom.com/oauth?client_id=client-1&state=a+b%26c%3Dd%2F%C3%A9&redirect_uri=https%3A%2F%2Fexample.com%2Fintercom%2Fcallback"
    )
    const parsed = new URL(url)
    assert.strictEqual(parsed.origin + parsed.pathname, "https://app.intercom.com/oauth")
    assert.strictEqual(parsed.searchParams.get("state"), "a b&c=d/é")
    assert.strictEqual(parsed.searchParams.get("redirect_uri"), app.redirectUri)
  })

  it("leaves out redirect_uri when none is given; regions and an override", () => {
    assert.strictEqual(
      OAuth.authorizeUrl({ clientId: "c", state: "s" }),
      "https://app.intercom.com/oauth?client_id=c&state=s"
    )
    assert.strictEqual(
      OAuth.authorizeUrl({ clientId: "c", state: "s", region: "eu" }),
      "https://app.eu.intercom.com/oauth?client_id=c&state=s"
    )
    assert.strictEqual(
      OAuth.authorizeUrl({ clientId: "c", state: "s", region: "au" }),
      "https://app.au.intercom.com/oauth?client_id=c&state=s"
    )
    assert.strictEqual(
      OAuth.authorizeUrl({ clientId: "c", state: "s", authorizeUrl: "http://127.0.0.1:9/oauth?x=1" }),
      "http://127.0.0.1:9/oauth?x=1&client_id=c&state=s"
    )
  })

  it("token endpoints: the same path on each region's API host", () => {
    assert.deepStrictEqual(OAuth.tokenUrls, {
      us: "https://api.intercom.io/auth/eagle/token",
      eu: "https://api.eu.intercom.io/auth/eagle/token",
      au: "https://api.au.intercom.io/auth/eagle/token"
    })
    for (const region of ["us", "eu", "au"] as const) {
      assert.strictEqual(OAuth.tokenUrls[region], IntercomClient.regionBaseUrls[region] + OAuth.tokenPath)
    }
  })
})

describe("state", () => {
  it.effect("makeState: 32 random bytes, base64url (43 characters), fresh each time", () =>
    Effect.gen(function*() {
      const states = yield* Effect.all(Array.from({ length: 50 }, () => OAuth.makeState))
      for (const state of states) assert.match(state, /^[A-Za-z0-9_-]{43}$/)
      assert.strictEqual(new Set(states).size, states.length)
    }))

  it("stateMatches: equal only; other lengths, missing and empty never match", () => {
    assert.isTrue(OAuth.stateMatches("abc123", "abc123"))
    assert.isFalse(OAuth.stateMatches("abc123", "abc124"))
    assert.isFalse(OAuth.stateMatches("abc123", "abc12"))
    assert.isFalse(OAuth.stateMatches("abc123", "abc1234"))
    assert.isFalse(OAuth.stateMatches("abc123", ""))
    assert.isFalse(OAuth.stateMatches("abc123", null))
    assert.isFalse(OAuth.stateMatches("abc123", undefined))
    assert.isFalse(OAuth.stateMatches("", ""))
    assert.isTrue(OAuth.stateMatches("é", "é"))
    assert.isFalse(OAuth.stateMatches("é", "e"))
  })

  it.effect("checkState fails with a StateMismatch", () =>
    Effect.gen(function*() {
      yield* OAuth.checkState("s1", "s1")
      const wrong = yield* Effect.flip(OAuth.checkState("s1", "s2"))
      assert.strictEqual(wrong._tag, "OAuthError")
      assert.strictEqual(wrong.reason, "StateMismatch")
      assert.strictEqual(wrong.message, "OAuth StateMismatch: the callback's state is not the one issued")
      const missing = yield* Effect.flip(OAuth.checkState("s1", null))
      assert.strictEqual(missing.description, "the callback has no state")
    }))

  it.effect("readCallback: the state first, then the code; an error parameter is Denied", () =>
    Effect.gen(function*() {
      const cb = "https://example.com/intercom/callback"
      assert.strictEqual(yield* OAuth.readCallback(`${cb}?code=c1&state=s1`, "s1"), "c1")
      assert.strictEqual(yield* OAuth.readCallback("code=c1&state=s1", "s1"), "c1")
      assert.strictEqual(yield* OAuth.readCallback(new URL(`${cb}?state=s1&code=c%2F1`), "s1"), "c/1")
      assert.strictEqual(yield* OAuth.readCallback(new URLSearchParams({ code: "c1", state: "s1" }), "s1"), "c1")

      const forged = yield* Effect.flip(OAuth.readCallback(`${cb}?code=c1&state=other`, "s1"))
      assert.strictEqual(forged.reason, "StateMismatch")
      const noState = yield* Effect.flip(OAuth.readCallback(`${cb}?code=c1`, "s1"))
      assert.strictEqual(noState.reason, "StateMismatch")
      const denied = yield* Effect.flip(
        OAuth.readCallback(`${cb}?error=access_denied&error_description=No+thanks&state=s1`, "s1")
      )
      assert.strictEqual(denied.reason, "Denied")
      assert.strictEqual(denied.description, "access_denied: No thanks")
      const empty = yield* Effect.flip(OAuth.readCallback(`${cb}?state=s1&code=`, "s1"))
      assert.strictEqual(empty.reason, "MissingCode")
    }))
})

describe("exchangeCode", () => {
  it.effect("POSTs code, client_id and client_secret as a form to the token endpoint; the token is Redacted", () => {
    const http = tokenEndpoint()
    return Effect.gen(function*() {
      const token = yield* OAuth.exchangeCode({ ...app, code: CODE })
      assert.strictEqual(http.requests.length, 1)
      const [request] = http.requests
      assert.strictEqual(request.method, "POST")
      assert.strictEqual(request.url.toString(), "https://api.intercom.io/auth/eagle/token")
      assert.strictEqual(request.headers["content-type"], "application/x-www-form-urlencoded")
      assert.strictEqual(request.headers["accept"], "application/json")
      assert.isUndefined(request.headers["authorization"])
      assert.deepStrictEqual(Object.fromEntries(new URLSearchParams(request.body)), {
        code: CODE,
        client_id: "client-1",
        client_secret: SECRET
      })

      assert.isTrue(Redacted.isRedacted(token.accessToken))
      assert.strictEqual(Redacted.value(token.accessToken), ACCESS)
      assert.strictEqual(token.tokenType, "Bearer")
      assert.strictEqual(token.region, "us")
      assertNoSecret(token)
      assert.strictEqual(JSON.stringify(token), `{"accessToken":"<redacted>","tokenType":"Bearer","region":"us"}`)
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("per region: the region's token endpoint, and the token remembers the region", () => {
    const http = tokenEndpoint()
    return Effect.gen(function*() {
      const eu = yield* OAuth.exchangeCode({ ...app, code: CODE, region: "eu" })
      const au = yield* OAuth.exchangeCode({ ...app, code: CODE, region: "au" })
      const fake = yield* OAuth.exchangeCode({ ...app, code: CODE, tokenUrl: "http://127.0.0.1:9/token" })
      assert.deepStrictEqual(http.requests.map((r) => r.url.toString()), [
        "https://api.eu.intercom.io/auth/eagle/token",
        "https://api.au.intercom.io/auth/eagle/token",
        "http://127.0.0.1:9/token"
      ])
      assert.deepStrictEqual([eu.region, au.region, fake.region], ["eu", "au", "us"])
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("reads access_token, else token; token_type defaults to Bearer", () => {
    let answer: unknown = { access_token: "a1" }
    const http = tokenEndpoint(() => MockHttp.json(200, answer))
    return Effect.gen(function*() {
      const a = yield* OAuth.exchangeCode({ ...app, code: CODE })
      assert.strictEqual(Redacted.value(a.accessToken), "a1")
      assert.strictEqual(a.tokenType, "Bearer")
      answer = { token: "t1", token_type: "bearer" }
      const b = yield* OAuth.exchangeCode({ ...app, code: CODE })
      assert.strictEqual(Redacted.value(b.accessToken), "t1")
      assert.strictEqual(b.tokenType, "bearer")
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("400 with Intercom's error.list: a BadRequestError, no secret anywhere", () => {
    const http = tokenEndpoint(() =>
      MockHttp.json(400, {
        type: "error.list",
        request_id: "req-1",
        errors: [{ code: "parameter_invalid", message: "Invalid code" }]
      })
    )
    return Effect.gen(function*() {
      const error = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert(error._tag === "BadRequestError")
      assert.strictEqual(error.status, 400)
      assert.strictEqual(error.requestId, "req-1")
      assert.deepStrictEqual(error.errors, [{ code: "parameter_invalid", message: "Invalid code" }])
      assert.strictEqual(
        error.message,
        "oauth.exchangeCode (POST /auth/eagle/token) failed with 400 Bad Request: Invalid code (parameter_invalid) [request_id: req-1]"
      )
      assertNoSecret(error)
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("401 with an OAuth-style body (error, error_description): an UnauthorizedError with it in errors", () => {
    const http = tokenEndpoint(() =>
      MockHttp.json(401, { error: "invalid_client", error_description: "Client authentication failed" })
    )
    return Effect.gen(function*() {
      const error = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert(error._tag === "UnauthorizedError")
      assert.strictEqual(error.status, 401)
      assert.deepStrictEqual(error.errors, [{ code: "invalid_client", message: "Client authentication failed" }])
      assert.include(error.message, "failed with 401 Unauthorized: Client authentication failed (invalid_client)")
      assertNoSecret(error)
      // catchTag narrows on the exchange's error union
      const status = yield* OAuth.exchangeCode({ ...app, code: CODE }).pipe(
        Effect.catchTag("UnauthorizedError", (e) => Effect.succeed(e.status)),
        Effect.catchAll(() => Effect.succeed(0))
      )
      assert.strictEqual(status, 401)
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("an error body that echoes the secret or the code is scrubbed", () => {
    const http = tokenEndpoint(() => new Response(`bad client_secret=${SECRET} code=${CODE}`, { status: 400 }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert(error._tag === "BadRequestError")
      assert.strictEqual(error.body, "bad client_secret=<redacted> code=<redacted>")
      assertNoSecret(error, [SECRET, CODE])
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("other statuses: 403, 429, 5xx by class, 404 unexpected", () => {
    let status = 403
    const http = tokenEndpoint(() => MockHttp.json(status, { type: "error.list", errors: [] }))
    return Effect.gen(function*() {
      const tags: Array<string> = []
      for (const s of [403, 429, 500, 404]) {
        status = s
        const error = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
        tags.push(error._tag)
      }
      assert.deepStrictEqual(tags, ["ForbiddenError", "RateLimitError", "ServerError", "UnexpectedStatusError"])
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("a 2xx that is not JSON or has no token: InvalidResponse, without the body", () => {
    let body = "<html>oops</html>"
    const http = tokenEndpoint(() => new Response(body, { status: 200 }))
    return Effect.gen(function*() {
      const notJson = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert(notJson._tag === "OAuthError")
      assert.strictEqual(notJson.reason, "InvalidResponse")
      assert.strictEqual(notJson.message, "OAuth InvalidResponse: the answer is not JSON (status 200)")
      body = JSON.stringify({ token_type: "Bearer", access_token: "" })
      const noToken = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert(noToken._tag === "OAuthError")
      assert.strictEqual(noToken.description, "the answer has no access_token")
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("a transport failure: an OAuthError (Transport) that keeps no request", () => {
    const failing = HttpClient.make((request) =>
      Effect.fail(
        new HttpClientError.RequestError({ request, reason: "Transport", description: "connect ECONNREFUSED" })
      )
    )
    return Effect.gen(function*() {
      const error = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert(error._tag === "OAuthError")
      assert.strictEqual(error.reason, "Transport")
      assert.strictEqual(error.description, "Transport: connect ECONNREFUSED")
      assertNoSecret(error, [SECRET, CODE])
    }).pipe(Effect.provideService(HttpClient.HttpClient, failing))
  })

  it.effect("empty input: an InvalidInputError, nothing sent", () => {
    const http = tokenEndpoint()
    return Effect.gen(function*() {
      const code = yield* Effect.flip(OAuth.exchangeCode({ ...app, code: "" }))
      assert(code._tag === "InvalidInputError")
      assert.strictEqual(code.jsonPath, "$.code")
      const client = yield* Effect.flip(OAuth.exchangeCode({ ...app, clientId: "", code: CODE }))
      assert(client._tag === "InvalidInputError")
      assert.strictEqual(client.jsonPath, "$.clientId")
      const secret = yield* Effect.flip(OAuth.exchangeCode({ ...app, clientSecret: Redacted.make(""), code: CODE }))
      assert(secret._tag === "InvalidInputError")
      assert.strictEqual(secret.jsonPath, "$.clientSecret")
      const url = yield* Effect.flip(OAuth.exchangeCode({ ...app, tokenUrl: "not a url", code: CODE }))
      assert(url._tag === "InvalidInputError")
      assert.strictEqual(http.requests.length, 0)
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("a client secret that is not Redacted (from JavaScript): an InvalidInputError without it, nothing sent", () => {
    const http = tokenEndpoint()
    return Effect.gen(function*() {
      const plain = { ...app, clientSecret: SECRET as unknown as Redacted.Redacted<string>, code: CODE }
      const error = yield* Effect.flip(OAuth.exchangeCode(plain))
      assert(error._tag === "InvalidInputError")
      assert.strictEqual(error.jsonPath, "$.clientSecret")
      assert.include(error.message, "must be a Redacted (Redacted.make(clientSecret), Config.redacted), not a string")
      assertNoSecret(error, [SECRET])
      assert.strictEqual(http.requests.length, 0)
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("a time-out: a TimeoutError naming the exchange (TestClock)", () => {
    const http = tokenEndpoint(() => Effect.never)
    return Effect.gen(function*() {
      const fiber = yield* Effect.fork(Effect.flip(OAuth.exchangeCode({ ...app, code: CODE, timeout: "5 seconds" })))
      yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      assert(error._tag === "TimeoutError")
      assert.strictEqual(error.message, "oauth.exchangeCode (POST /auth/eagle/token) timed out after 5000ms")
    }).pipe(Effect.provide(http.layer))
  })

  it.effect("spans: one span of ours, the HttpClient's off, no secret in any span, exit or failure", () => {
    let status = 200
    const http = tokenEndpoint(() =>
      status === 200
        ? MockHttp.json(200, { token_type: "Bearer", access_token: ACCESS })
        : MockHttp.json(401, { error: "invalid_grant" })
    )
    const { spans, tracer } = RecordingTracer.make()
    return Effect.gen(function*() {
      yield* OAuth.exchangeCode({ ...app, code: CODE })
      status = 401
      yield* Effect.flip(OAuth.exchangeCode({ ...app, code: CODE }))
      assert.deepStrictEqual(spans.map((s) => s.name), ["Intercom.oauth.exchangeCode", "Intercom.oauth.exchangeCode"])
      assert.strictEqual(spans[0].attributes.get("server.address"), "api.intercom.io")
      assert.strictEqual(spans[1].exit?._tag, "Failure")
      for (const [label, text] of RecordingTracer.dumpSpans(spans)) {
        assert.notInclude(text, SECRET, label)
        assert.notInclude(text, ACCESS, label)
      }
    }).pipe(Effect.provide(http.layer), Effect.withTracer(tracer))
  })
})

describe("the OAuth service", () => {
  it.effect("layer: authorizeUrl and makeState; callback checks the state before anything is sent", () => {
    const http = tokenEndpoint()
    return Effect.gen(function*() {
      const oauth = yield* OAuth.OAuth
      assert.strictEqual(oauth.clientId, "client-1")
      const state = yield* oauth.makeState
      const url = new URL(oauth.authorizeUrl(state))
      assert.strictEqual(url.searchParams.get("state"), state)
      assert.strictEqual(url.searchParams.get("redirect_uri"), app.redirectUri)
      assert.strictEqual(new URL(oauth.authorizeUrl(state, { region: "au" })).host, "app.au.intercom.com")

      const forged = yield* Effect.flip(oauth.callback(`${app.redirectUri}?code=${CODE}&state=forged`, state))
      assert(forged._tag === "OAuthError")
      assert.strictEqual(forged.reason, "StateMismatch")
      assert.strictEqual(http.requests.length, 0)

      const token = yield* oauth.callback(`${app.redirectUri}?code=${CODE}&state=${state}`, state, { region: "eu" })
      assert.strictEqual(token.region, "eu")
      assert.strictEqual(http.requests[0].url.host, "api.eu.intercom.io")
      assert.strictEqual(new URLSearchParams(http.requests[0].body).get("code"), CODE)
      // the service's effects need no HttpClient of their own
      const direct: Effect.Effect<OAuth.Token, OAuth.ExchangeError> = oauth.exchangeCode(CODE)
      assert.strictEqual(Redacted.value((yield* direct).accessToken), ACCESS)
    }).pipe(Effect.provide(OAuth.layer(app).pipe(Layer.provide(http.layer))))
  })

  it.effect("layerConfig: the app's credentials from the environment, the secret Redacted", () => {
    const http = tokenEndpoint()
    const provider = ConfigProvider.fromMap(
      new Map([
        ["INTERCOM_CLIENT_ID", "env-client"],
        ["INTERCOM_CLIENT_SECRET", SECRET],
        ["INTERCOM_REGION", "au"]
      ])
    )
    return Effect.gen(function*() {
      const oauth = yield* OAuth.OAuth
      assert.strictEqual(oauth.clientId, "env-client")
      const url = new URL(oauth.authorizeUrl("s"))
      assert.strictEqual(url.host, "app.au.intercom.com")
      assert.isNull(url.searchParams.get("redirect_uri"))
      yield* oauth.exchangeCode(CODE)
      assert.strictEqual(http.requests[0].url.host, "api.au.intercom.io")
      assert.deepStrictEqual(Object.fromEntries(new URLSearchParams(http.requests[0].body)), {
        code: CODE,
        client_id: "env-client",
        client_secret: SECRET
      })
    }).pipe(
      Effect.provide(OAuth.layerConfig().pipe(Layer.provide(http.layer))),
      Effect.withConfigProvider(provider)
    )
  })
})

describe("many workspaces in one process", () => {
  /** One HttpClient for everything: the token endpoint (a token per code) and the API (echoes the contact id). */
  const everything = () =>
    mock((request, url) => {
      if (url.pathname === OAuth.tokenPath) {
        const code = new URLSearchParams(MockHttp.bodyText(request)).get("code")
        return json({ token_type: "Bearer", access_token: `token-of-${code}` })
      }
      if (url.pathname === "/contacts") {
        const after = url.searchParams.get("starting_after")
        return json({
          type: "list",
          data: [{ type: "contact", id: after === null ? "p1" : "p2" }],
          pages: { type: "pages", ...(after === null ? { next: { starting_after: "x" } } : {}) }
        })
      }
      return json({ type: "contact", id: url.pathname.split("/").pop() })
    })

  const hostAndToken = (r: { readonly url: URL; readonly headers: Readonly<Record<string, string>> }) =>
    `${r.url.host} ${r.headers["authorization"]}`

  it.effect("tokens from two regions; each call with its workspace's token and host (effects and streams)", () => {
    const m = everything()
    return Effect.gen(function*() {
      const a = yield* OAuth.exchangeCode({ ...app, code: "a" })
      const b = yield* OAuth.exchangeCode({ ...app, code: "b", region: "eu" })
      m.requests.length = 0

      // the combinator
      yield* Operation.execute(findContact, { contact_id: "1" }).pipe(OAuth.withToken(a))
      yield* OAuth.withToken(Operation.execute(findContact, { contact_id: "2" }), b)
      // the same with IntercomClient's per-call options
      yield* Operation.execute(findContact, { contact_id: "3" }).pipe(
        IntercomClient.withToken(b.accessToken),
        IntercomClient.withRegion(b.region)
      )
      assert.deepStrictEqual(m.requests.map(hostAndToken), [
        "api.intercom.io Bearer token-of-a",
        "api.eu.intercom.io Bearer token-of-b",
        "api.eu.intercom.io Bearer token-of-b"
      ])

      // streams: every page request of each workspace's stream carries its token and host
      m.requests.length = 0
      const contacts = Stream.map(Pagination.items(listContacts, {}), (item) => item as { readonly id: string })
      const ids = yield* Stream.merge(contacts.pipe(OAuth.withToken(a)), contacts.pipe(OAuth.withToken(b))).pipe(
        Stream.map((contact) => contact.id),
        Stream.runCollect
      )
      assert.strictEqual(ids.length, 4)
      assert.deepStrictEqual(
        m.requests.map((r) => `${hostAndToken(r)} ${r.url.searchParams.get("starting_after") ?? "first"}`).sort(),
        [
          "api.eu.intercom.io Bearer token-of-b first",
          "api.eu.intercom.io Bearer token-of-b x",
          "api.intercom.io Bearer token-of-a first",
          "api.intercom.io Bearer token-of-a x"
        ]
      )
    }).pipe(Effect.provide(Layer.merge(m.layer(), m.httpLayer)))
  })

  it.effect("clientOptions: a layer for one workspace", () => {
    const m = everything()
    const token: OAuth.Token = { accessToken: Redacted.make("stored-token"), tokenType: "Bearer", region: "au" }
    const options = OAuth.clientOptions(token, { retry: false, version: "2.13" })
    assert.strictEqual(options.region, "au")
    assert.strictEqual(options.version, "2.13")
    return Effect.gen(function*() {
      yield* Operation.execute(findContact, { contact_id: "1" })
      assert.deepStrictEqual(m.requests.map(hostAndToken), ["api.au.intercom.io Bearer stored-token"])
      assert.strictEqual(m.requests[0].headers["intercom-version"], "2.13")
    }).pipe(Effect.provide(IntercomClient.layer(options).pipe(Layer.provide(m.httpLayer))))
  })
})
