/**
 * The Preview methods with no 2.14 endpoint, served by Preview-only routes
 * over the fake's state: a company's notes, a conversation's handling events,
 * WhatsApp message status, Fin Voice calls, brands, sender addresses, macros
 * and workflow export.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { isErrorList, layer, raw, TOKEN } from "./_fake.js"

/** A raw Preview request (for what the client would refuse to send). */
const rawPreview = (path: string, method = "GET", body?: unknown) =>
  Effect.gen(function*() {
    const fake = yield* FakeIntercom.FakeIntercom
    const response = yield* Effect.promise(() =>
      fake.handler(
        new Request(`http://fake.local${path}`, {
          method,
          headers: {
            accept: "application/json",
            authorization: `Bearer ${TOKEN}`,
            "intercom-version": "Unstable",
            ...(body === undefined ? {} : { "content-type": "application/json" })
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
      )
    )
    const text = yield* Effect.promise(() => response.text())
    return { status: response.status, json: text === "" ? undefined : JSON.parse(text) }
  })

describe("FakeIntercom Preview-only methods", () => {
  it.effect("brands and sender addresses: the default brand is the workspace, each links to the other", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const brands = (yield* intercom.unstable.brands.listBrands()).data!
      assert.deepStrictEqual(brands.map((b) => [b.name, b.is_default]), [["Fake Intercom", true], [
        "Premium Brand",
        false
      ]])
      const me = yield* intercom.admins.identify()
      assert.strictEqual(brands[0].id, me.app!.id_code)
      const emails = (yield* intercom.unstable.emails.listEmails()).data!
      assert.strictEqual(emails.length, 3)
      for (const brand of brands) {
        const found = yield* intercom.unstable.brands.retrieveBrand({ id: brand.id! })
        assert.deepStrictEqual(found, brand)
        const address = yield* intercom.unstable.emails.retrieveEmail({ id: brand.default_address_settings_id! })
        assert.strictEqual(address.brand_id, brand.id)
        assert.strictEqual(address.domain, address.email!.split("@")[1])
        const centre = yield* intercom.helpCenters.find({ help_center_id: Number(brand.help_center_id) })
        assert.strictEqual(String(centre.id), brand.help_center_id)
      }
      assert.isTrue(emails.every((e) => brands.some((b) => b.id === e.brand_id)))
      const brandError = yield* Effect.flip(intercom.unstable.brands.retrieveBrand({ id: "404" }))
      assert.strictEqual(brandError._tag, "NotFoundError")
      if (brandError._tag === "NotFoundError") assert.strictEqual(brandError.errors[0].message, "Brand not found")
      const emailError = yield* Effect.flip(intercom.unstable.emails.retrieveEmail({ id: "404" }))
      assert.strictEqual(emailError._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("macros: most recently updated first, by cursor, filtered by updated_since, placeholders as XML", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.clearExchanges
      const all = Chunk.toReadonlyArray(
        yield* Stream.runCollect(intercom.unstable.macros.listMacrosStream({ per_page: 3 }))
      )
      assert.strictEqual(all.length, 8)
      assert.strictEqual((yield* fake.exchanges).length, 3)
      const updated = all.map((m) => Date.parse(m!.updated_at!))
      assert.deepStrictEqual(updated, [...updated].sort((a, b) => b - a))
      const first = yield* intercom.unstable.macros.listMacros({ per_page: 3 })
      assert.deepStrictEqual(first.data!.map((m) => m!.id), all.slice(0, 3).map((m) => m!.id))
      assert.isString(first.pages!.next!.starting_after)

      const since = Math.floor(updated[2] / 1000)
      const recent = yield* intercom.unstable.macros.listMacros({ updated_since: since })
      assert.deepStrictEqual(recent.data!.map((m) => m!.id), all.slice(0, 2).map((m) => m!.id))
      assert.isUndefined(recent.pages!.next)

      const order = yield* intercom.unstable.macros.getMacro({ id: all[0]!.id! })
      assert.strictEqual(order.name, "Order Status Update")
      assert.strictEqual(
        order.body,
        "<p>Hi <attribute key=\"user.name\" default=\"there\"/>, your order #<attribute key=\"order.number\"/> is ready for pickup!</p>"
      )
      assert.include(order.body_text!, "{{user.name | fallback: 'there'}}")
      const restricted = all.find((m) => m!.visible_to === "specific_teams")!
      const teams = (yield* intercom.teams.list()).teams!.map((t) => t.id)
      assert.isTrue(restricted.visible_to_team_ids!.every((id) => teams.includes(id)))

      const missing = yield* Effect.flip(intercom.unstable.macros.getMacro({ id: "1" }))
      assert.strictEqual(missing._tag, "NotFoundError")
      const tooMany = yield* Effect.flip(intercom.unstable.macros.listMacros({ per_page: 151 }))
      assert.strictEqual(tooMany._tag, "BadRequestError")
      const bogus = yield* rawPreview("/macros?starting_after=bogus")
      assert.strictEqual(bogus.status, 400)
      assert.isTrue(isErrorList(bogus.json, "parameter_invalid"))
    }).pipe(Effect.provide(layer())))

  it.effect("workflow export: the seeded workflow's configuration, exported now; 404 for an unknown id", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      yield* TestClock.setTime(Date.parse("2026-01-26T12:00:00Z"))
      const exported = yield* intercom.unstable.workflows.exportWorkflow({ id: "67890" })
      assert.strictEqual(exported.export_version, "1.0")
      assert.strictEqual(exported.exported_at, "2026-01-26T12:00:00.000Z")
      assert.isNumber(exported.app_id)
      assert.strictEqual(exported.workflow!.title, "Route new conversations")
      assert.strictEqual(exported.workflow!.state, "live")
      assert.isTrue(Date.parse(exported.workflow!.created_at!) < Date.parse(exported.workflow!.updated_at!))
      assert.isArray((exported.workflow!.snapshot as { steps: Array<unknown> }).steps)
      const draft = yield* intercom.unstable.workflows.exportWorkflow({ id: "67892" })
      assert.strictEqual(draft.workflow!.state, "draft")
      const missing = yield* Effect.flip(intercom.unstable.workflows.exportWorkflow({ id: "1" }))
      assert.strictEqual(missing._tag, "NotFoundError")
      if (missing._tag === "NotFoundError") assert.strictEqual(missing.errors[0].message, "Workflow not found")
    }).pipe(Effect.provide(layer())))

  it.effect("a company's notes are its contacts' notes, by cursor, and follow attach and detach", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const company = yield* intercom.companies.createOrUpdate({ company_id: "noted", name: "Noted Inc" })
      const ada = yield* intercom.contacts.create({ email: "ada@noted.example" })
      const grace = yield* intercom.contacts.create({ email: "grace@noted.example" })
      yield* intercom.companies.attachContact({ contact_id: ada.id!, id: company.id! })
      yield* intercom.companies.attachContact({ contact_id: grace.id!, id: company.id! })
      const empty = yield* intercom.unstable.notes.listCompanyNotes({ id: company.id! })
      assert.deepStrictEqual(empty.data, [])
      assert.strictEqual(empty.total_count, 0)
      const ids: Array<string> = []
      for (let i = 0; i < 30; i++) {
        const note = yield* intercom.notes.create({ contact_id: (i % 2 === 0 ? ada : grace).id!, body: `note ${i}` })
        ids.push(note.id!)
      }
      const first = yield* intercom.unstable.notes.listCompanyNotes({ id: company.id! })
      assert.strictEqual(first.total_count, 30)
      const all = Chunk.toReadonlyArray(
        yield* Stream.runCollect(intercom.unstable.notes.listCompanyNotesStream({ id: company.id! }))
      )
      assert.deepStrictEqual(all.map((n) => n.id), ids)
      assert.strictEqual(all[1].contact!.id, grace.id)
      assert.strictEqual(all[0].author!.id, (yield* intercom.admins.identify()).id)
      const paged = yield* rawPreview(`/companies/${company.id}/notes?per_page=20`)
      assert.strictEqual(paged.json.data.length, 20)
      assert.isString(paged.json.pages.next.starting_after)

      yield* intercom.companies.detachContact({ contact_id: grace.id!, company_id: company.id! })
      const after = yield* intercom.unstable.notes.listCompanyNotes({ id: company.id! })
      assert.strictEqual(after.total_count, 15)
      assert.isTrue(after.data!.every((n) => n.contact!.id === ada.id))

      const missing = yield* Effect.flip(intercom.unstable.notes.listCompanyNotes({ id: "no-such-company" }))
      assert.strictEqual(missing._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("handling events: a teammate pauses by snoozing or closing, resumes by reopening or replying", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const admin = yield* intercom.admins.identify()
      const contact = yield* intercom.contacts.create({ email: "handled@example.com" })
      const start = Date.parse("2026-01-09T09:00:00Z")
      yield* TestClock.setTime(start)
      const message = yield* intercom.conversations.create({ from: { type: "user", id: contact.id! }, body: "Help" })
      const id = message.conversation_id!
      const none = yield* intercom.unstable.conversations.listHandlingEvents({ id })
      assert.deepStrictEqual(none.handling_events, [])

      yield* intercom.conversations.manage({
        conversation_id: id,
        message_type: "snoozed",
        admin_id: admin.id!,
        snoozed_until: start / 1000 + 3600
      })
      yield* TestClock.adjust("10 minutes")
      yield* intercom.conversations.manage({ conversation_id: id, message_type: "open", admin_id: admin.id! })
      yield* TestClock.adjust("5 minutes")
      yield* intercom.conversations.manage({
        conversation_id: id,
        message_type: "close",
        type: "admin",
        admin_id: admin.id!
      })
      // a contact's reply reopens the conversation, but no teammate resumed handling it
      yield* intercom.conversations.reply({
        conversation_id: id,
        message_type: "comment",
        type: "user",
        intercom_user_id: contact.id!,
        body: "Still broken"
      })
      yield* TestClock.adjust("5 minutes")
      yield* intercom.conversations.reply({
        conversation_id: id,
        message_type: "comment",
        type: "admin",
        admin_id: admin.id!,
        body: "Looking"
      })

      const events = (yield* intercom.unstable.conversations.listHandlingEvents({ id })).handling_events!
      assert.deepStrictEqual(events.map((e) => [e.type, e.timestamp, e.reason ?? null]), [
        ["paused", "2026-01-09T09:00:00Z", "Snoozed"],
        ["resumed", "2026-01-09T09:10:00Z", null],
        ["paused", "2026-01-09T09:15:00Z", "Closed"],
        ["resumed", "2026-01-09T09:20:00Z", null]
      ])
      assert.isTrue(events.every((e) => e.teammate!.id === Number(admin.id) && e.teammate!.email === admin.email))

      const missing = yield* Effect.flip(intercom.unstable.conversations.listHandlingEvents({ id: "404" }))
      assert.strictEqual(missing._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("WhatsApp message status: one event per recipient, sent, delivered, read with the clock", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const admin = yield* intercom.admins.identify()
      const phones = ["+15550100001", "+15550100002", null]
      const recipients = []
      for (const [i, phone] of phones.entries()) {
        const contact = yield* intercom.contacts.create({ email: `wa${i}@example.com`, ...(phone ? { phone } : {}) })
        recipients.push({ type: "user" as const, id: contact.id! })
      }
      const sent = yield* intercom.unstable.messages.createMessage({
        message_type: "whatsapp",
        body: "Your order is on its way",
        template: "order_update",
        from: { type: "admin", id: admin.id! },
        to: recipients
      })
      const rulesetId = String(sent.id)
      const statuses = () =>
        Effect.map(
          Stream.runCollect(
            intercom.unstable.messages.getWhatsAppMessageStatusStream({ ruleset_id: rulesetId, per_page: 2 })
          ),
          (events) => Chunk.toReadonlyArray(events).map((e) => e.status)
        )
      assert.deepStrictEqual(yield* statuses(), ["sent", "sent", "failed"])
      yield* TestClock.adjust("10 seconds")
      assert.deepStrictEqual(yield* statuses(), ["delivered", "delivered", "failed"])
      yield* TestClock.adjust("2 minutes")
      assert.deepStrictEqual(yield* statuses(), ["read", "read", "failed"])

      const page = yield* intercom.unstable.messages.getWhatsAppMessageStatus({ ruleset_id: rulesetId, per_page: 2 })
      assert.strictEqual(page.total_count, 3)
      assert.strictEqual(page.pages!.total_pages, 2)
      assert.strictEqual(page.ruleset_id, rulesetId)
      assert.isTrue(page.events!.every((e) => e.template_name === "order_update" && e.type === "broadcast_outbound"))

      // an in-app message, or an id no message has: no events
      const inApp = yield* intercom.unstable.messages.createMessage({
        message_type: "in_app",
        body: "Hi",
        from: { type: "admin", id: admin.id! },
        to: recipients[0]
      })
      for (const id of [String(inApp.id), "no-such-ruleset"]) {
        const none = yield* intercom.unstable.messages.getWhatsAppMessageStatus({ ruleset_id: id })
        assert.deepStrictEqual([none.total_count, none.events], [0, []])
      }
      const missing = yield* rawPreview("/messages/status")
      assert.strictEqual(missing.status, 400)
      assert.isTrue(isErrorList(missing.json, "parameter_not_found"))
    }).pipe(Effect.provide(layer())))

  it.effect("Fin Voice: a registered call is found by id, external id and phone, matched with the fake's call", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const calls = Chunk.toReadonlyArray(yield* Stream.runCollect(intercom.calls.listCallsStream({ per_page: 25 })))
      const known = calls.find((c) => typeof c.phone === "string" && c.state === "completed")!
      const latest = calls.filter((c) => c.phone === known.phone).at(-1)!

      const matched = yield* intercom.unstable.calls.registerFinVoiceCall({
        phone_number: known.phone!,
        call_id: "CA-1",
        source: "five9"
      })
      assert.strictEqual(matched.external_call_id, "CA-1")
      assert.strictEqual(matched.intercom_call_id, latest.id)
      assert.strictEqual(matched.intercom_conversation_id, latest.conversation_id)
      assert.isNumber(matched.app_id)
      const byId = yield* intercom.unstable.calls.collectFinVoiceCallById({ id: matched.id! })
      assert.deepStrictEqual(byId, matched)
      const byExternal = yield* intercom.unstable.calls.collectFinVoiceCallByExternalId({ external_id: "CA-1" })
      assert.deepStrictEqual(byExternal, matched)

      const unmatched = yield* intercom.unstable.calls.registerFinVoiceCall({
        phone_number: "+15550009999",
        call_id: 42
      })
      assert.deepStrictEqual(
        [unmatched.status, unmatched.intercom_call_id, unmatched.call_transcript, unmatched.call_summary],
        ["registered", null, [], ""]
      )
      yield* intercom.unstable.calls.registerFinVoiceCall({ phone_number: "+15550009999", call_id: 43 })
      const byPhone = (yield* intercom.unstable.calls.collectFinVoiceCallByPhoneNumber({
        phone_number: "+15550009999"
      })) as { readonly external_call_id: string }
      assert.strictEqual(byPhone.external_call_id, "43")

      const duplicate = yield* Effect.flip(
        intercom.unstable.calls.registerFinVoiceCall({ phone_number: "+15550009999", call_id: "CA-1" })
      )
      assert.strictEqual(duplicate._tag, "ConflictError")
      const noPhone = yield* rawPreview("/fin_voice/register", "POST", { call_id: "CA-2" })
      assert.strictEqual(noPhone.status, 400)
      assert.strictEqual(noPhone.json.errors[0].field, "phone_number")
      const badPhone = yield* Effect.flip(
        intercom.unstable.calls.registerFinVoiceCall({ phone_number: "555", call_id: "CA-3" })
      )
      assert.strictEqual(badPhone._tag, "UnprocessableEntityError")
      for (
        const effect of [
          intercom.unstable.calls.collectFinVoiceCallById({ id: 1 }),
          intercom.unstable.calls.collectFinVoiceCallByExternalId({ external_id: "nope" }),
          intercom.unstable.calls.collectFinVoiceCallByPhoneNumber({ phone_number: "+15550000000" })
        ]
      ) {
        const error = yield* Effect.flip(effect)
        assert.strictEqual(error._tag, "NotFoundError")
      }
      // the 2.14 API has no such endpoint
      const stable = yield* raw("GET", `/fin_voice/collect/${matched.id}`)
      assert.strictEqual(stable.status, 404)
    }).pipe(Effect.provide(layer())))
})
