/**
 * Data exports: reporting data exports (datasets, enqueue, status, download)
 * and content data exports (create, status, cancel, download).
 *
 * A job advances one step each time its status is read (pending, then in
 * progress, then complete), or on its own once `PROCESSING_SECONDS` have
 * passed on the `Clock`; a completed job can be downloaded for two days.
 * Content exports are gzipped CSV of the conversations created in the range,
 * reporting exports a CSV of the dataset's rows with the requested columns.
 */
import * as DataExport from "@effect-intercom/client/stable/DataExport"
import * as Export from "@effect-intercom/client/stable/Export"
import { gzipSync } from "node:zlib"
import * as Adapt from "../adapt.js"
import * as Http from "../http.js"
import type { ContentExportRecord, ConversationRecord, ReportingExportRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

/** A job left alone completes after this long. */
export const PROCESSING_SECONDS = 60

/** Intercom's limits on jobs in flight. */
const MAX_PENDING_REPORTING = 5
const MAX_PENDING_CONTENT = 1

interface Dataset {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly default_time_attribute_id: string
  readonly attributes: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly value: (store: Store, row: any) => unknown
  }>
  readonly rows: (store: Store) => ReadonlyArray<{ readonly time: number; readonly row: unknown }>
}

const conversationRows = (store: Store) =>
  [...store.conversations.values()].map((c) => ({ time: c.created_at, row: c }))

const DATASETS: ReadonlyArray<Dataset> = [
  {
    id: "conversation",
    name: "Conversation",
    description: "Conversation-level details: status, channel, assignee.",
    default_time_attribute_id: "conversation_started_at",
    attributes: [
      { id: "conversation_id", name: "Conversation ID", value: (_, c: ConversationRecord) => c.id },
      {
        id: "conversation_started_at",
        name: "Conversation started at",
        value: (_, c: ConversationRecord) => c.created_at
      },
      { id: "conversation_state", name: "Conversation state", value: (_, c: ConversationRecord) => c.state },
      { id: "channel", name: "Channel", value: (_, c: ConversationRecord) => c.source.type },
      {
        id: "teammate_assigned",
        name: "Teammate assigned",
        value: (store, c: ConversationRecord) =>
          c.admin_assignee_id === null ? "" : store.admin(c.admin_assignee_id)?.name ?? ""
      },
      { id: "count_reopens", name: "Number of reopens", value: (_, c: ConversationRecord) => c.count_reopens }
    ],
    rows: conversationRows
  },
  {
    id: "ticket",
    name: "Ticket",
    description: "Ticket-level details: type, state, assignee.",
    default_time_attribute_id: "ticket_created_at",
    attributes: [
      { id: "ticket_id", name: "Ticket ID", value: (_, t) => t.id },
      { id: "ticket_created_at", name: "Ticket created at", value: (_, t) => t.created_at },
      { id: "ticket_type", name: "Ticket type", value: (store, t) => store.ticketTypes.get(t.ticket_type_id)?.name },
      { id: "ticket_state", name: "Ticket state", value: (store, t) => store.ticketStates.get(t.state_id)?.category }
    ],
    rows: (store) => [...store.tickets.values()].map((t) => ({ time: t.created_at, row: t }))
  },
  {
    id: "call",
    name: "Call",
    description: "Phone and messenger calls: direction, state, duration.",
    default_time_attribute_id: "call_started_at",
    attributes: [
      { id: "call_id", name: "Call ID", value: (_, c) => c.id },
      { id: "call_started_at", name: "Call started at", value: (_, c) => c.initiated_at },
      { id: "call_direction", name: "Direction", value: (_, c) => c.direction },
      { id: "call_state", name: "State", value: (_, c) => c.state },
      { id: "call_duration", name: "Duration (seconds)", value: (_, c) => c.ended_at - c.initiated_at }
    ],
    rows: (store) => [...store.calls.values()].map((c) => ({ time: c.initiated_at, row: c }))
  }
]

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? "" : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, "\"\"")}"` : text
}

const csv = (rows: ReadonlyArray<ReadonlyArray<unknown>>): string =>
  rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n"

const reportingNotFound = (id: string) => Http.notFound(`Export job not found for identifier: ${id}`)
const contentNotFound = () => Http.notFound("Export job not found")

/** One step of a reporting job, on a status read (or with time). */
const advanceReporting = (job: ReportingExportRecord, now: number): void => {
  if (job.status === "complete") return
  if (now - job.created_at >= PROCESSING_SECONDS || job.status === "in_progress") {
    job.status = "complete"
    job.completed_at = now
  } else {
    job.status = "in_progress"
  }
}

const hasContent = (store: Store, job: ContentExportRecord): boolean => {
  for (const c of store.conversations.values()) {
    if (c.created_at >= job.created_at_after && c.created_at <= job.created_at_before) return true
  }
  return false
}

const advanceContent = (store: Store, job: ContentExportRecord, now: number): void => {
  if (job.status !== "pending" && job.status !== "in_progress") return
  if (now - job.created_at >= PROCESSING_SECONDS || job.status === "in_progress") {
    job.status = hasContent(store, job) ? "completed" : "no_data"
    job.completed_at = now
  } else {
    job.status = "in_progress"
  }
}

/** Jobs left alone long enough complete without a read (before counting the ones in flight). */
const settle = (store: Store, now: number): void => {
  for (const job of store.reportingExports.values()) {
    if (job.status !== "complete" && now - job.created_at >= PROCESSING_SECONDS) advanceReporting(job, now)
  }
  for (const job of store.contentExports.values()) {
    if ((job.status === "pending" || job.status === "in_progress") && now - job.created_at >= PROCESSING_SECONDS) {
      advanceContent(store, job, now)
    }
  }
}

const expired = (completedAt: number | null, now: number): boolean =>
  completedAt !== null && now > completedAt + Wire.EXPORT_EXPIRY_SECONDS

const jobIdentifier = (store: Store): string => {
  // Intercom's identifiers are 16 lower-case alphanumerics
  const n = store.reportingExports.size + store.contentExports.size + 1
  return `${store.workspaceId.slice(-6)}${n.toString(36).padStart(10, "0")}`
}

const requireQuery = (query: URLSearchParams, name: string): Http.Failure | undefined =>
  query.get(name) === null || query.get(name) === ""
    ? Http.fail(400, "parameter_not_found", `${name} is a required parameter.`, name)
    : undefined

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Export.listAvailableDatasetsAndAttributesOperation, () =>
    Http.json({
      type: "list",
      data: DATASETS.map((d) => ({
        id: d.id,
        name: d.name,
        description: d.description,
        default_time_attribute_id: d.default_time_attribute_id,
        attributes: d.attributes.map((a) => ({ id: a.id, name: a.name }))
      }))
    })),

  Http.route(Export.enqueueANewReportingDataExportJobOperation, ({ input, now, origin, store }) => {
    const dataset = DATASETS.find((d) => d.id === String(input.dataset_id))
    if (dataset === undefined) return Http.fail(400, "bad_request", `${input.dataset_id} is not a valid dataset_id`)
    if (input.attribute_ids.length === 0) {
      return Http.fail(400, "bad_request", "attribute_ids must contain at least one attribute_id")
    }
    const unknown = input.attribute_ids.filter((id) => !dataset.attributes.some((a) => a.id === id))
    if (unknown.length > 0) {
      return Http.fail(400, "bad_request", `attribute_ids invalid for ${dataset.id} dataset: ${unknown.join(", ")}`)
    }
    if (input.end_time < input.start_time) {
      return Http.fail(400, "bad_request", "end_time must be after start_time", "end_time")
    }
    settle(store, now)
    const pending = [...store.reportingExports.values()].filter((j) => j.status !== "complete").length
    if (pending >= MAX_PENDING_REPORTING) {
      return Http.fail(
        429,
        "rate_limit_exceeded",
        `Exceeded rate limit of ${MAX_PENDING_REPORTING} pending reporting dataset export jobs`
      )
    }
    const job: ReportingExportRecord = {
      id: jobIdentifier(store),
      dataset_id: dataset.id,
      attribute_ids: input.attribute_ids,
      start_time: input.start_time,
      end_time: input.end_time,
      created_at: now,
      status: "pending",
      reads: 0,
      completed_at: null
    }
    store.reportingExports.set(job.id, job)
    return Http.json(Wire.reportingExport(origin, job))
  }),

  Http.route(DataExport.exportReportingDataOperation, ({ now, origin, params, query, store }) => {
    const missing = requireQuery(query, "app_id") ?? requireQuery(query, "client_id")
    if (missing !== undefined) return missing
    const job = store.reportingExports.get(params.job_identifier)
    if (job === undefined) return reportingNotFound(params.job_identifier)
    job.reads++
    advanceReporting(job, now)
    return Http.json(Wire.reportingExport(origin, job))
  }),

  Http.route(DataExport.downloadReportingDataExportOperation, ({ now, params, query, store }) => {
    const missing = requireQuery(query, "app_id")
    if (missing !== undefined) return missing
    const job = store.reportingExports.get(params.job_identifier)
    if (job === undefined || expired(job.completed_at, now)) return reportingNotFound(params.job_identifier)
    if (now - job.created_at >= PROCESSING_SECONDS) advanceReporting(job, now)
    if (job.status !== "complete") {
      return Http.fail(400, "bad_request", `Export job ${job.id} is not complete (status: ${job.status})`)
    }
    const dataset = DATASETS.find((d) => d.id === job.dataset_id)!
    const columns = job.attribute_ids.map((id) => dataset.attributes.find((a) => a.id === id)!)
    const rows = dataset.rows(store).filter((r) => r.time >= job.start_time && r.time <= job.end_time)
    const body = csv([columns.map((c) => c.id), ...rows.map((r) => columns.map((c) => c.value(store, r.row)))])
    return Http.binary(new TextEncoder().encode(body), { filename: `${job.dataset_id}_${job.id}.csv` })
  }),

  Http.route(DataExport.createOperation, ({ input, now, origin, store }) => {
    if (input.created_at_before < input.created_at_after) {
      return Http.fail(400, "parameter_invalid", "created_at_before must be after created_at_after")
    }
    settle(store, now)
    const active = [...store.contentExports.values()].filter((j) =>
      j.status === "pending" || j.status === "in_progress"
    )
    if (active.length >= MAX_PENDING_CONTENT) {
      return Http.fail(429, "rate_limit_exceeded", "Exceeded rate limit of 1 pending message data export jobs")
    }
    const job: ContentExportRecord = {
      id: jobIdentifier(store),
      created_at_after: input.created_at_after,
      created_at_before: input.created_at_before,
      created_at: now,
      status: "pending",
      reads: 0,
      completed_at: null
    }
    store.contentExports.set(job.id, job)
    return Http.json(Wire.contentExport(origin, job))
  }),

  Http.route(DataExport.findOperation, ({ now, origin, params, store }) => {
    const job = store.contentExports.get(params.job_identifier)
    if (job === undefined) return contentNotFound()
    job.reads++
    advanceContent(store, job, now)
    return Http.json(Wire.contentExport(origin, job))
  }),

  Http.route(DataExport.cancelOperation, ({ origin, params, store }) => {
    const job = store.contentExports.get(params.job_identifier)
    if (job === undefined) return contentNotFound()
    if (job.status !== "pending" && job.status !== "in_progress") {
      return Http.fail(400, "bad_request", `Export job ${job.id} cannot be canceled (status: ${job.status})`)
    }
    job.status = "canceled"
    return Http.json(Wire.contentExport(origin, job))
  }),

  Http.route(DataExport.downloadOperation, ({ now, params, store }) => {
    const job = store.contentExports.get(params.job_identifier)
    if (job === undefined || expired(job.completed_at, now)) return contentNotFound()
    if (now - job.created_at >= PROCESSING_SECONDS) advanceContent(store, job, now)
    if (job.status !== "completed") {
      return Http.fail(400, "bad_request", `Export job ${job.id} is not completed (status: ${job.status})`)
    }
    const rows: Array<ReadonlyArray<unknown>> = [[
      "conversation_id",
      "conversation_part_id",
      "created_at",
      "part_type",
      "author_type",
      "author_id",
      "body"
    ]]
    for (const c of store.conversations.values()) {
      if (c.created_at < job.created_at_after || c.created_at > job.created_at_before) continue
      rows.push([c.id, c.source.id, c.created_at, "source", c.source.author.type, c.source.author.id, c.source.body])
      for (const p of c.parts) rows.push([c.id, p.id, p.created_at, p.part_type, p.author.type, p.author.id, p.body])
    }
    return Http.binary(gzipSync(csv(rows)), { filename: `intercom-export-${job.id}.csv.gz` })
  })
]

/**
 * The Preview's data export names the job `job_identfier` (sic): the answer
 * carries both names.
 */
const jobIdentfier: Http.PreviewAdapter = {
  result: Adapt.mapBody((body) => ({ ...body, job_identfier: body.job_identifier }))
}

export const previewAdapters: Readonly<Record<string, Http.PreviewAdapter>> = {
  "unstable.dataExport.createDataExport": jobIdentfier,
  "unstable.dataExport.getDataExport": jobIdentfier,
  "unstable.dataExport.cancelDataExport": jobIdentfier
}
