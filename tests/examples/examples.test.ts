/**
 * Each example of `examples/`, run against the fake Intercom. The examples
 * export their programs; here they get the fake instead of the real API.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { NodeContext } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as crypto from "node:crypto"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as BulkTag from "../../examples/bulk-tag.js"
import * as Errors from "../../examples/errors.js"
import * as FakeServer from "../../examples/fake-server.js"
import * as MessengerIdentity from "../../examples/messenger-identity.js"
import * as OAuthInstall from "../../examples/oauth-install.js"
import * as Quickstart from "../../examples/quickstart.js"
import * as SearchConversations from "../../examples/search-conversations.js"
import * as StreamContacts from "../../examples/stream-contacts.js"
import * as WebhookReceiver from "../../examples/webhook-receiver.js"
import { captured } from "./_console.js"
// the example's own test file: its tests run as part of this suite too
import "../../examples/testing/WelcomeLeads.test.js"
// `pnpm demo`, in a child process
import "./demo.js"

const fake = (options: FakeIntercom.Options = {}) =>
  FakeIntercom.layerIntercom({ seed: FakeIntercom.smallSeed, ...options })

describe("examples", () => {
  it.effect("quickstart", () =>
    Effect.gen(function*() {
      const { output } = yield* captured(Quickstart.program)
      assert.include(output, "Signed in as Ada Lovelace <ada.lovelace@fake-intercom.test> in workspace Fake Intercom")
      assert.include(output, "200 contacts; the first 5:")
      assert.strictEqual(output.split("\n").filter((line) => line.startsWith("- ")).length, 5)
    }).pipe(Effect.provide(fake())))

  it.effect("stream-contacts: every contact, one NDJSON line each", () =>
    Effect.gen(function*() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intercom-ndjson-"))
      const file = path.join(dir, "contacts.ndjson")
      try {
        const { output, value } = yield* captured(StreamContacts.program(file))
        assert.strictEqual(value, 200)
        const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n")
        assert.strictEqual(lines.length, 200)
        const ids = new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id))
        assert.strictEqual(ids.size, 200)
        assert.include(output, "contacts [##############################] 200/200")
        assert.include(output, `Wrote 200 contacts to ${file}`)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }).pipe(Effect.provide(Layer.merge(fake(), NodeContext.layer))))

  it.effect("search-conversations: a nested query", () =>
    Effect.gen(function*() {
      const { output, value } = yield* captured(SearchConversations.program)
      assert.isAbove(value.length, 0)
      for (const conversation of value) {
        assert.include(["open", "snoozed"], conversation.state)
        const billing = (conversation.source?.body ?? "").toLowerCase().includes("billing")
        assert.isTrue(billing || conversation.priority === "priority")
        assert.isAbove(conversation.created_at!, Date.UTC(2022, 0, 1) / 1000)
      }
      assert.include(output, `${value.length} open or snoozed conversations about billing, or priority:`)
    }).pipe(Effect.provide(fake())))

  it.effect("messenger-identity: the JWT and user_hash check out with Node's crypto; the install link", () =>
    Effect.gen(function*() {
      const { output, value } = yield* captured(MessengerIdentity.program)
      const secret = "an-identity-verification-secret"
      assert.strictEqual(value.user_hash, crypto.createHmac("sha256", secret).update("u_1815").digest("hex"))
      const [header, payload, signature] = value.intercom_user_jwt.split(".")
      const expected = crypto.createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url")
      assert.strictEqual(signature, expected)
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
      assert.strictEqual(claims.user_id, "u_1815")
      assert.strictEqual(claims.email, "ada@example.com")
      const url = new URL(value.url)
      assert.strictEqual(url.origin + url.pathname, "https://app.eu.intercom.com/oauth")
      assert.strictEqual(url.searchParams.get("state"), value.state)
      assert.include(output, "Messenger settings for ada@example.com:")
    }))

  it.live("webhook-receiver: the fake delivers, signed, to a real receiver on 127.0.0.1", () =>
    Effect.gen(function*() {
      const { output } = yield* captured(WebhookReceiver.program)
      assert.match(output, /Receiving webhooks on http:\/\/127\.0\.0\.1:\d+\/intercom\/webhooks/)
      assert.include(output, "received: new lead grace@example.com")
      assert.match(output, /received: an admin replied in conversation \w+/)
      assert.include(output, "notif_1 contact.lead.created 200")
      assert.include(output, "notif_2 conversation.admin.replied 200")
    }))

  it.live("oauth-install: install, authorize on the fake, callback with the exchanged token, over 127.0.0.1", () =>
    Effect.gen(function*() {
      const { output } = yield* captured(OAuthInstall.program)
      const hops = output.split("\n").filter((line) => /^\d{3} /.test(line)).map((line) => line.replace(/:\d+/, ""))
      assert.deepStrictEqual(hops, [
        "302 http://127.0.0.1/install",
        "302 http://127.0.0.1/oauth",
        "200 http://127.0.0.1/callback"
      ])
      assert.include(output, "Installed in Fake Intercom (us) by Ada Lovelace")
    }))

  it.live("bulk-tag: every matching contact tagged under a tight rate limit", () =>
    Effect.gen(function*() {
      const { output, value } = yield* captured(
        BulkTag.program({ plan: "enterprise", tag: "enterprise-plan", concurrency: 10, max: 30 })
      )
      assert.strictEqual(value, 30)
      const intercom = yield* Intercom.Intercom
      const tagged = yield* intercom.contacts.search({
        query: { field: "tag_id", operator: "=", value: (yield* intercom.tags.create({ name: "enterprise-plan" })).id }
      })
      assert.strictEqual(tagged.total_count, 30)
      assert.match(output, /Tagged 30 contacts on the enterprise plan "enterprise-plan"/)
      assert.match(output, /The fake answered \d+ requests, \d+ of them with a 429/)
    }).pipe(Effect.provide(fake({ rateLimit: { limit: 12, windowMillis: 1000 } }))))

  it.effect("errors: each failure caught by its tag", () =>
    Effect.gen(function*() {
      const { lines, value } = yield* captured(Errors.program)
      assert.match(lines[0], /^1\. NotFoundError: company_not_found "Company Not Found" \[request [0-9a-f-]{36}\]$/)
      assert.strictEqual(lines[1], "2. NotFoundError: User Not Found")
      assert.strictEqual(lines[2], "3. InvalidInputError at $.email: nothing was sent")
      assert.match(
        lines[3],
        /^4\. UnauthorizedError: admins\.identify \(GET \/me\) failed with 401 Unauthorized: Access Token Invalid/
      )
      assert.notInclude(lines[3], "not-a-valid-token")
      assert.strictEqual(lines[4], "5. identify: ada.lovelace@fake-intercom.test")
      assert.strictEqual(lines[5], "6. tags.find: NotFoundError")
      assert.strictEqual(value.outcome, "NotFoundError")
    }).pipe(Effect.provide(fake({ token: "the-right-token" }))))

  it.live("fake-server: a real server on 127.0.0.1 for other tools", () =>
    Effect.gen(function*() {
      const { output, value: url } = yield* captured(FakeServer.announce)
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.include(output, `curl -H "Authorization: Bearer ${FakeServer.TOKEN}" ${url}/me`)
      const response = yield* Effect.promise(() =>
        fetch(`${url}/teams`, { headers: { authorization: `Bearer ${FakeServer.TOKEN}` } })
      )
      assert.strictEqual(response.status, 200)
    }).pipe(Effect.provide(FakeServer.layer())))
})
