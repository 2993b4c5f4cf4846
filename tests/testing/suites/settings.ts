/**
 * Workspace settings and small resources through the client: away status
 * reasons (seeded, deleted ones listed), the IP allowlist (read, update,
 * invalid entries refused), phone call redirects (the contact gets the custom
 * attributes, invalid numbers refused).
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { isErrorList, layer, raw } from "./_fake.js"

describe("FakeIntercom workspace settings", () => {
  it.effect("away status reasons: the seeded list, deleted ones included", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const reasons = yield* intercom.awayStatusReasons.listAwayStatusReasons()
      assert.strictEqual(reasons.length, 5)
      assert.deepStrictEqual(reasons.map((r) => r.order), [1, 2, 3, 4, 5])
      assert.strictEqual(reasons.filter((r) => r.deleted).length, 1)
      assert.strictEqual(reasons[0].type, "away_status_reason")
    }).pipe(Effect.provide(layer())))

  it.effect("IP allowlist: read, update, read back; invalid entries and lock-outs refused", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const initial = yield* intercom.ipAllowlist.getIpAllowlist()
      assert.deepStrictEqual(initial, {
        type: "ip_allowlist",
        enabled: false,
        ip_allowlist: ["192.168.1.0/24", "10.0.0.1"]
      })
      const updated = yield* intercom.ipAllowlist.updateIpAllowlist({
        enabled: true,
        ip_allowlist: ["203.0.113.0/24", "2001:db8::/32"]
      })
      assert.deepStrictEqual(updated.ip_allowlist, ["203.0.113.0/24", "2001:db8::/32"])
      assert.deepStrictEqual(yield* intercom.ipAllowlist.getIpAllowlist(), updated)
      const bad = yield* Effect.flip(intercom.ipAllowlist.updateIpAllowlist({ ip_allowlist: ["300.1.1.1"] }))
      assert.strictEqual(bad._tag, "BadRequestError")
      const range = yield* Effect.flip(intercom.ipAllowlist.updateIpAllowlist({ ip_allowlist: ["10.0.0.0/33"] }))
      assert.strictEqual(range._tag, "BadRequestError")
      const lockout = yield* Effect.flip(intercom.ipAllowlist.updateIpAllowlist({ enabled: true, ip_allowlist: [] }))
      assert.strictEqual(lockout._tag, "BadRequestError")
      const schema = yield* raw("PUT", "/ip_allowlist", { body: { enabled: "yes" } })
      assert.strictEqual(schema.status, 422)
      assert.isTrue(isErrorList(schema.json, "parameter_invalid"))
      assert.deepStrictEqual(yield* intercom.ipAllowlist.getIpAllowlist(), updated)
    }).pipe(Effect.provide(layer())))

  it.effect("phone call redirects: a link by SMS; the custom attributes go to the contact with that number", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const redirect = yield* intercom.phoneCallRedirects.create({
        phone: "+353832345678",
        custom_attributes: { issue_type: "Billing", priority: "High" }
      })
      assert.strictEqual(redirect.type, "phone_call_redirect")
      assert.strictEqual(redirect.phone, "+353832345678")
      const leads = yield* intercom.contacts.search({
        query: { field: "phone", operator: "=", value: "+353832345678" }
      })
      assert.strictEqual(leads.total_count, 1)
      const lead = leads.data![0]
      assert.strictEqual(lead.role, "lead")
      assert.deepStrictEqual(lead.custom_attributes, { issue_type: "Billing", priority: "High" })
      // the same number again: the same contact
      yield* intercom.phoneCallRedirects.create({ phone: "+353832345678", custom_attributes: { priority: "Low" } })
      const again = yield* intercom.contacts.find({ contact_id: lead.id! })
      assert.deepStrictEqual(again.custom_attributes, { issue_type: "Billing", priority: "Low" })

      const invalid = yield* Effect.flip(intercom.phoneCallRedirects.create({ phone: "12" }))
      assert.strictEqual(invalid._tag, "BadRequestError")
      if (invalid._tag === "BadRequestError") assert.strictEqual(invalid.errors[0].code, "invalid_phone_number")
      const schema = yield* raw("POST", "/phone_call_redirects", { body: { phone: 353832345678 } })
      assert.strictEqual(schema.status, 422)
    }).pipe(Effect.provide(layer())))
})
