/**
 * Calls (seeded: one for every third conversation): list by page number (at
 * most 25 a page), find, the recording (a 302 to a signed URL, for answered
 * calls), the transcript (a text file), and the calls of given conversations
 * with their transcripts.
 */
import * as Calls from "@effect-intercom/client/stable/Calls"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { CallRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

const callNotFound = () => Http.notFound("Not Found")

const MAX_CONVERSATION_IDS = 20

const withCall = <A>(store: Store, id: string, f: (call: CallRecord) => Http.Result<A>): Http.Result<A> => {
  const call = store.calls.get(id)
  return call === undefined ? callNotFound() : f(call)
}

const clock = (seconds: number): string =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, "0"))
    .join(":")

const transcriptText = (call: CallRecord): string =>
  (call.transcript ?? []).map((line) => `[${clock(line.at)}] ${line.speaker}: "${line.text}"`).join("\n")

const day = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10)

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Calls.listCallsOperation, ({ origin, query, store }) => {
    const page = Pagination.numberPage(
      [...store.calls.values()],
      Pagination.pageNumber(query.get("page")),
      Pagination.perPage(query.get("per_page"), 25, 25)
    )
    return Http.json({
      type: "list",
      data: page.items.map((call) => Wire.call(origin, call)),
      total_count: page.total,
      pages: Pagination.plainPages(page)
    })
  }),

  Http.route(
    Calls.showCallOperation,
    ({ origin, params, store }) => withCall(store, params.call_id, (call) => Http.json(Wire.call(origin, call)))
  ),

  Http.route(Calls.showCallRecordingOperation, ({ params, store }) =>
    withCall(
      store,
      params.call_id,
      (call) =>
        call.recorded
          ? Http.redirect(
            `https://recordings.fake-intercom.test/calls/${call.id}.mp3?expires=${call.ended_at + 3600}&signature=${
              call.id.padStart(8, "0")
            }`
          )
          : Http.notFound("Recording Not Found")
    )),

  Http.route(Calls.showCallTranscriptOperation, ({ params, store }) =>
    withCall(
      store,
      params.call_id,
      (call) =>
        call.transcript === null
          ? callNotFound()
          : Http.text(transcriptText(call), { filename: `transcription_data-${day(call.ended_at)}.txt` })
    )),

  Http.route(Calls.listCallsWithTranscriptsOperation, ({ input, origin, store }) => {
    const ids = input.conversation_ids
    if (ids.length === 0 || ids.length > MAX_CONVERSATION_IDS) {
      return Http.fail(400, "conversation_id_limit_exceeded", "A list of up to 20 conversation IDs is required")
    }
    const wanted = new Set(ids)
    return Http.json({
      type: "list",
      data: [...store.calls.values()]
        .filter((call) => call.conversation_id !== null && wanted.has(call.conversation_id))
        .map((call) => ({
          ...Wire.call(origin, call),
          transcript: (call.transcript ?? []).map((line) => ({
            timestamp: call.initiated_at + line.at,
            speaker: line.speaker,
            text: line.text
          })),
          transcript_status: call.transcript === null ? null : "completed"
        }))
    })
  })
]
