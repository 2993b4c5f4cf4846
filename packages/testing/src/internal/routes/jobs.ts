/**
 * Jobs: `POST /tickets/enqueue` checks what it can up front (the ticket type,
 * the contacts, the required attributes) and answers a pending job; the job
 * runs on its second status read (the first says it is still pending) or on
 * its own once `PROCESSING_SECONDS` have passed on the `Clock`, creating the
 * ticket with the handler of `POST /tickets`: then `success` with the
 * ticket's id and URL, or `failed`.
 */
import * as Jobs from "@effect-intercom/client/stable/Jobs"
import * as Tickets from "@effect-intercom/client/stable/Tickets"
import * as Http from "../http.js"
import type { JobRecord, Store } from "../store.js"
import * as Wire from "../wire.js"
import * as TicketRoutes from "./tickets.js"

/** A job left alone runs after this long. */
export const PROCESSING_SECONDS = 5

const createTicketRoute = TicketRoutes.routes.find((r) => r.operation === Tickets.createOperation)!

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const run = (store: Store, job: JobRecord, now: number, origin: string): void => {
  const payload = isRecord(job.payload) ? job.payload : {}
  const result = createTicketRoute.handle({
    store,
    now,
    params: {},
    query: new URLSearchParams(),
    input: payload,
    body: payload,
    origin
  })
  if (result._tag === "Json" && isRecord(result.body) && typeof result.body.id === "string") {
    job.status = "success"
    job.resource_id = result.body.id
  } else {
    job.status = "failed"
  }
}

/** Run the jobs left alone long enough. */
const settle = (store: Store, now: number, origin: string): void => {
  for (const job of store.jobs.values()) {
    if (job.status === "pending" && now - job.created_at >= PROCESSING_SECONDS) run(store, job, now, origin)
  }
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Tickets.enqueueCreateTicketOperation, ({ body, input, now, origin, store }) => {
    settle(store, now, origin)
    const type = store.ticketTypes.get(String(input.ticket_type_id))
    if (type === undefined || type.archived) {
      return Http.fail(400, "parameter_invalid", "ticket_type_id is not a ticket type", "ticket_type_id")
    }
    if (input.contacts.length === 0) {
      return Http.fail(400, "parameter_invalid", "contacts must not be empty", "contacts")
    }
    for (const ref of input.contacts) {
      const known = "id" in ref
        ? store.contacts.has(String(ref.id))
        : "external_id" in ref
        ? store.contactsByExternalId.has(String(ref.external_id))
        : true // an unknown email makes a lead
      if (!known) return Http.fail(400, "parameter_invalid", "Contact not found", "contacts")
    }
    const attributes = input.ticket_attributes ?? {}
    const missing = type.attributes.filter((a) =>
      a.required_to_create && !a.archived && (attributes as Record<string, unknown>)[a.name] === undefined
    )
    if (missing.length > 0) return Http.fail(400, "parameter_invalid", "Missing required ticket attributes")
    const job: JobRecord = {
      id: store.nextNumericId("job", 0),
      resource_type: "ticket",
      payload: body,
      created_at: now,
      status: "pending",
      reads: 0,
      resource_id: null
    }
    store.jobs.set(job.id, job)
    return Http.json(Wire.job(origin, job))
  }),

  Http.route(Jobs.statusOperation, ({ now, origin, params, store }) => {
    settle(store, now, origin)
    const job = store.jobs.get(params.job_id)
    if (job === undefined) return Http.notFound("Job Not Found", "job_not_found")
    job.reads++
    if (job.status === "pending" && job.reads >= 2) run(store, job, now, origin)
    return Http.json(Wire.job(origin, job))
  })
]
