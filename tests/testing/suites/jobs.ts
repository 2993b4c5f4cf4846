/**
 * Enqueued ticket creation through the client: the job is pending, runs on
 * the second status read (or on its own with the `TestClock`), and the
 * ticket it made can be read back; bad input is refused before enqueueing.
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { isErrorList, layer, raw } from "./_fake.js"

describe("FakeIntercom jobs", () => {
  it.effect("tickets.enqueueCreateTicket: pending, then success with the ticket, which reads back", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const type = (yield* intercom.ticketTypes.list()).data![0]!
      const contact = (yield* intercom.contacts.list({ per_page: 1 })).data![0]
      const job = yield* intercom.tickets.enqueueCreateTicket({
        ticket_type_id: type.id!,
        contacts: [{ id: contact.id! }],
        ticket_attributes: { _default_title_: "Enqueued", _default_description_: "there is a problem" }
      })
      assert.strictEqual(job.type, "job")
      assert.strictEqual(job.status, "pending")
      assert.isNull(job.resource_id)
      const first = yield* intercom.jobs.status({ job_id: job.id })
      assert.strictEqual(first.status, "pending")
      const second = yield* intercom.jobs.status({ job_id: job.id })
      assert.strictEqual(second.status, "success")
      assert.strictEqual(second.resource_type, "ticket")
      assert.isTrue(second.resource_url!.endsWith(`/tickets/${second.resource_id}`))
      const ticket = yield* intercom.tickets.get({ ticket_id: second.resource_id! })
      assert.strictEqual(ticket.ticket_attributes!._default_title_, "Enqueued")
      assert.strictEqual(ticket.contacts!.contacts![0].id, contact.id)
      // reading again changes nothing
      assert.deepStrictEqual(yield* intercom.jobs.status({ job_id: job.id }), second)

      const missing = yield* Effect.flip(intercom.jobs.status({ job_id: "999999" }))
      assert.strictEqual(missing._tag, "NotFoundError")
      if (missing._tag === "NotFoundError") assert.strictEqual(missing.errors[0].code, "job_not_found")
    }).pipe(Effect.provide(layer())))

  it.effect("a job left alone runs after a few seconds (TestClock)", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const type = (yield* intercom.ticketTypes.list()).data![0]!
      const job = yield* intercom.tickets.enqueueCreateTicket({
        ticket_type_id: type.id!,
        contacts: [{ email: "queued@example.com" }]
      })
      yield* TestClock.adjust("10 seconds")
      const status = yield* intercom.jobs.status({ job_id: job.id })
      assert.strictEqual(status.status, "success")
    }).pipe(Effect.provide(layer())))

  it.effect("invalid input is rejected before a job is made", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const contact = (yield* intercom.contacts.list({ per_page: 1 })).data![0]
      const type = yield* Effect.flip(
        intercom.tickets.enqueueCreateTicket({ ticket_type_id: "404", contacts: [{ id: contact.id! }] })
      )
      assert.strictEqual(type._tag, "BadRequestError")
      const ticketType = yield* intercom.ticketTypes.create({ name: "Strict" })
      yield* intercom.ticketTypes.attributes.create({
        ticket_type_id: ticketType.id!,
        name: "order_number",
        description: "The order",
        data_type: "string",
        required_to_create: true
      })
      const required = yield* Effect.flip(
        intercom.tickets.enqueueCreateTicket({ ticket_type_id: ticketType.id!, contacts: [{ id: contact.id! }] })
      )
      assert.strictEqual(required._tag, "BadRequestError")
      if (required._tag === "BadRequestError") {
        assert.strictEqual(required.errors[0].message, "Missing required ticket attributes")
      }
      const schema = yield* raw("POST", "/tickets/enqueue", { body: { ticket_type_id: ticketType.id } })
      assert.strictEqual(schema.status, 422)
      assert.isTrue(isErrorList(schema.json, "parameter_not_found"))
    }).pipe(Effect.provide(layer())))
})
