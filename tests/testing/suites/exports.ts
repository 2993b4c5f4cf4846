/**
 * Data exports through the client: reporting data (datasets, enqueue, status,
 * download) and content data (create, status, cancel, download). A job
 * advances on each status read (or with the `TestClock`), and a completed one
 * downloads as bytes: a CSV, gzipped for content exports.
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { gunzipSync } from "node:zlib"
import { isErrorList, layer, raw } from "./_fake.js"

const bytes = <E>(stream: Stream.Stream<Uint8Array, E>) =>
  Effect.map(Stream.runCollect(stream), (chunks) => Buffer.concat(Chunk.toReadonlyArray(chunks)))

const RANGE = { created_at_after: 1_600_000_000, created_at_before: 1_800_000_000 }

describe("FakeIntercom data exports", () => {
  it.effect("reporting data: datasets, enqueue, status to complete, download the CSV, 404 for unknown jobs", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const datasets = yield* intercom.export.listAvailableDatasetsAndAttributes()
      const conversation = datasets.data!.find((d) => d.id === "conversation")!
      assert.strictEqual(conversation.default_time_attribute_id, "conversation_started_at")
      assert.isTrue(conversation.attributes!.some((a) => a.id === "conversation_id"))

      const job = yield* intercom.export.enqueueANewReportingDataExportJob({
        dataset_id: "conversation",
        attribute_ids: ["conversation_id", "conversation_state"],
        start_time: 0,
        end_time: 2_000_000_000
      })
      assert.strictEqual(job.status, "pending")
      const me = yield* intercom.admins.identify()
      const status = { app_id: me.app!.id_code!, client_id: "c1", job_identifier: job.job_identifier! }
      // not downloadable before it completes
      const early = yield* Effect.flip(
        intercom.dataExport.downloadReportingDataExport({
          app_id: status.app_id,
          job_identifier: status.job_identifier
        })
      )
      assert.strictEqual(early._tag, "BadRequestError")
      assert.strictEqual((yield* intercom.dataExport.exportReportingData(status)).status, "in_progress")
      const done = yield* intercom.dataExport.exportReportingData(status)
      assert.strictEqual(done.status, "complete")
      assert.isTrue(done.download_url!.endsWith(`/download/reporting_data/${job.job_identifier}`))
      assert.isNotEmpty(done.download_expires_at)

      const csv = (yield* bytes(
        yield* intercom.dataExport.downloadReportingDataExport({
          app_id: status.app_id,
          job_identifier: status.job_identifier
        })
      )).toString("utf8").trim().split("\n")
      assert.strictEqual(csv[0], "conversation_id,conversation_state")
      assert.strictEqual(csv.length - 1, 100) // every seeded conversation is in the range

      const missing = yield* Effect.flip(intercom.dataExport.exportReportingData({ ...status, job_identifier: "nope" }))
      assert.strictEqual(missing._tag, "NotFoundError")
      if (missing._tag === "NotFoundError") assert.strictEqual(missing.errors[0].code, "not_found")
    }).pipe(Effect.provide(layer())))

  it.effect("reporting data: invalid input is rejected (400 for an unknown dataset or attribute, 422 for the schema)", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const base = { attribute_ids: ["conversation_id"], start_time: 0, end_time: 1 }
      const dataset = yield* Effect.flip(
        intercom.export.enqueueANewReportingDataExportJob({ ...base, dataset_id: "imaginary" })
      )
      assert.strictEqual(dataset._tag, "BadRequestError")
      const attribute = yield* Effect.flip(
        intercom.export.enqueueANewReportingDataExportJob({
          ...base,
          dataset_id: "conversation",
          attribute_ids: ["non_existent"]
        })
      )
      assert.strictEqual(attribute._tag, "BadRequestError")
      const invalid = yield* raw("POST", "/export/reporting_data/enqueue", { body: { dataset_id: "conversation" } })
      assert.strictEqual(invalid.status, 422)
      assert.isTrue(isErrorList(invalid.json, "parameter_not_found"))
      const noApp = yield* raw("GET", "/export/reporting_data/x?client_id=1")
      assert.strictEqual(noApp.status, 400)
      assert.strictEqual(noApp.json.errors[0].field, "app_id")
    }).pipe(Effect.provide(layer())))

  it.effect("content data: create, one active job at a time, cancel, status to completed, gzipped CSV download", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const first = yield* intercom.dataExport.create(RANGE)
      assert.strictEqual(first.status, "pending")
      assert.strictEqual(first.download_url, "")
      const second = yield* Effect.flip(intercom.dataExport.create(RANGE))
      assert.strictEqual(second._tag, "RateLimitError")
      const canceled = yield* intercom.dataExport.cancel({ job_identifier: first.job_identifier! })
      assert.strictEqual(canceled.status, "canceled")
      assert.strictEqual(
        (yield* intercom.dataExport.find({ job_identifier: first.job_identifier! })).status,
        "canceled"
      )
      const notActive = yield* Effect.flip(intercom.dataExport.cancel({ job_identifier: first.job_identifier! }))
      assert.strictEqual(notActive._tag, "BadRequestError")

      const job = yield* intercom.dataExport.create(RANGE)
      assert.strictEqual(
        (yield* intercom.dataExport.find({ job_identifier: job.job_identifier! })).status,
        "in_progress"
      )
      const done = yield* intercom.dataExport.find({ job_identifier: job.job_identifier! })
      assert.strictEqual(done.status, "completed")
      assert.isTrue(done.download_url!.endsWith(`/download/content/data/${job.job_identifier}`))
      const gz = yield* bytes(yield* intercom.dataExport.download({ job_identifier: job.job_identifier! }))
      const lines = gunzipSync(gz).toString("utf8").trim().split("\n")
      assert.isTrue(lines[0].startsWith("conversation_id,conversation_part_id,created_at"))
      assert.isAbove(lines.length, 100)

      const missing = yield* Effect.flip(intercom.dataExport.find({ job_identifier: "nope" }))
      assert.strictEqual(missing._tag, "NotFoundError")
      const download = yield* Effect.flip(intercom.dataExport.download({ job_identifier: "nope" }))
      assert.strictEqual(download._tag, "NotFoundError")
      const invalid = yield* raw("POST", "/export/content/data", { body: { created_at_after: "yesterday" } })
      assert.strictEqual(invalid.status, 422)
    }).pipe(Effect.provide(layer())))

  it.effect("content data: a job completes on its own after a minute (TestClock), an empty range has no data", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const job = yield* intercom.dataExport.create({ created_at_after: 1, created_at_before: 2 })
      yield* TestClock.adjust("61 seconds")
      const done = yield* intercom.dataExport.find({ job_identifier: job.job_identifier! })
      assert.strictEqual(done.status, "no_data")
      const download = yield* Effect.flip(intercom.dataExport.download({ job_identifier: job.job_identifier! }))
      assert.strictEqual(download._tag, "BadRequestError")
      // and the download expires two days after completion
      const other = yield* intercom.dataExport.create(RANGE)
      yield* TestClock.adjust("61 seconds")
      assert.strictEqual(
        (yield* intercom.dataExport.find({ job_identifier: other.job_identifier! })).status,
        "completed"
      )
      yield* TestClock.adjust("49 hours")
      const expired = yield* Effect.flip(intercom.dataExport.download({ job_identifier: other.job_identifier! }))
      assert.strictEqual(expired._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))
})
