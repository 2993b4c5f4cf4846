/**
 * Calls (seeded: one for every third conversation): list by page number (at
 * most 25 a page), find, the recording (a 302 to a signed URL, for answered
 * calls), the transcript (a text file), and the calls of given conversations
 * with their transcripts.
 *
 * Fin Voice (Preview only): `POST /fin_voice/register` records an external
 * call (a 409 for an external call id registered before), matched with the
 * fake's latest call from that phone number if there is one; the record is
 * found by its id, its external call id and its phone number (the latest
 * registration), with the matched call's conversation and transcript.
 */
import * as Calls from "@effect-intercom/client/stable/Calls"
import * as UnstableCalls from "@effect-intercom/client/unstable/Calls"
import type * as Schemas from "@effect-intercom/client/unstable/Schemas"
import * as Calls2_15 from "@effect-intercom/client/v2.15/Calls"
import * as Calls2_16 from "@effect-intercom/client/v2.16/Calls"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { CallRecord, FinVoiceCallRecord, Store } from "../store.js"
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

const SOURCES = new Set(["five9", "zoom_phone", "aws_connect"])
const E164 = /^\+[1-9]\d{1,14}$/

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const finVoiceNotFound = () => Http.notFound("External reference not found")

/** A Fin Voice record on the wire, with what its matched call says by now. */
const finVoiceCall = (store: Store, now: number, record: FinVoiceCallRecord): Schemas.AiCallResponse => {
  const call = record.call_id === null ? undefined : store.calls.get(record.call_id)
  const transcript = call?.transcript ?? []
  const status = call === undefined
    ? "registered"
    : call.ended_at > now
    ? "in-progress"
    : call.state === "completed"
    ? "resolved"
    : "abandoned"
  const userLines = transcript.filter((line) => line.speaker === "User").map((line) => line.text)
  return {
    id: record.id,
    app_id: store.appId,
    user_phone_number: record.phone_number,
    status,
    intercom_call_id: call?.id ?? null,
    external_call_id: record.external_call_id,
    intercom_conversation_id: call?.conversation_id ?? null,
    call_transcript: transcript.map((line) => ({
      role: line.speaker === "User" ? "user" : "agent",
      content: line.text,
      timestamp: call!.initiated_at + line.at
    })),
    call_summary: userLines.length === 0 ? "" : `The caller said: ${userLines.join(" ")}`.slice(0, 256),
    intent: userLines.length === 0 ? [] : [{ name: "account_access", confidence: 0.9 }]
  }
}

/** The Preview-only routes of calls: Fin Voice. */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  // validated here, for the spec's 400 on a missing `phone_number` or `call_id`
  Http.route(UnstableCalls.registerFinVoiceCallOperation, ({ body, now, store }) => {
    if (!isRecord(body)) return Http.fail(400, "parameter_invalid", "The request body must be a JSON object")
    const { call_id, data, phone_number, source } = body
    if (phone_number === undefined || phone_number === null || phone_number === "") {
      return Http.fail(400, "parameter_not_found", "phone_number is a required parameter.", "phone_number")
    }
    if (call_id === undefined || call_id === null || call_id === "") {
      return Http.fail(400, "parameter_not_found", "call_id is a required parameter.", "call_id")
    }
    if (typeof phone_number !== "string" || !E164.test(phone_number)) {
      return Http.fail(422, "parameter_invalid", "phone_number must be in E.164 format", "phone_number")
    }
    if (typeof call_id !== "string" && typeof call_id !== "number") {
      return Http.fail(422, "parameter_invalid", "call_id must be a string or a number", "call_id")
    }
    if (source !== undefined && (typeof source !== "string" || !SOURCES.has(source))) {
      return Http.fail(422, "parameter_invalid", "source must be one of five9, zoom_phone, aws_connect", "source")
    }
    if (data !== undefined && data !== null && !isRecord(data)) {
      return Http.fail(422, "parameter_invalid", "data must be an object", "data")
    }
    const external = String(call_id)
    for (const record of store.finVoiceCalls.values()) {
      if (record.external_call_id === external) {
        return Http.fail(409, "conflict", `A call with call_id ${external} is already registered`, "call_id")
      }
    }
    let match: CallRecord | undefined
    for (const call of store.calls.values()) {
      if (call.phone === phone_number && (match === undefined || call.initiated_at >= match.initiated_at)) match = call
    }
    const id = Number(store.nextNumericId("fin_voice_call", 1000))
    const record: FinVoiceCallRecord = {
      id,
      phone_number,
      external_call_id: external,
      source: (source ?? "aws_connect") as FinVoiceCallRecord["source"],
      data: isRecord(data) ? data : null,
      created_at: now,
      call_id: match?.id ?? null
    }
    store.finVoiceCalls.set(id, record)
    return Http.json(finVoiceCall(store, now, record))
  }, { validate: false }),
  Http.route(UnstableCalls.collectFinVoiceCallByIdOperation, ({ input, now, store }) => {
    const record = store.finVoiceCalls.get(Number(input.id))
    return record === undefined ? finVoiceNotFound() : Http.json(finVoiceCall(store, now, record))
  }),
  Http.route(UnstableCalls.collectFinVoiceCallByExternalIdOperation, ({ input, now, store }) => {
    const external = String(input.external_id)
    for (const record of store.finVoiceCalls.values()) {
      if (record.external_call_id === external) return Http.json(finVoiceCall(store, now, record))
    }
    return finVoiceNotFound()
  }),
  Http.route(UnstableCalls.collectFinVoiceCallByPhoneNumberOperation, ({ input, now, store }) => {
    const phone = String(input.phone_number)
    let latest: FinVoiceCallRecord | undefined
    for (const record of store.finVoiceCalls.values()) if (record.phone_number === phone) latest = record
    return latest === undefined
      ? Http.notFound("No call found for this phone number")
      : Http.json<unknown>(finVoiceCall(store, now, latest))
  })
]

/**
 * The routes of the later versions' one Fin Voice method that the Preview
 * lacks: the Fin Voice calls of a conversation (those whose matched call
 * belongs to it), a 404 for a conversation the fake does not have.
 */
export const versionRoutes: ReadonlyArray<Http.Route> = [
  Calls2_15.collectFinVoiceCallsByConversationIdOperation,
  Calls2_16.collectFinVoiceCallsByConversationIdOperation
].map((operation) =>
  Http.route(operation, ({ input, now, store }) => {
    const conversationId = String(input.conversation_id)
    if (!store.conversations.has(conversationId)) return Http.notFound("Conversation Not Found")
    const calls: Array<Schemas.AiCallResponse> = []
    for (const record of store.finVoiceCalls.values()) {
      const call = record.call_id === null ? undefined : store.calls.get(record.call_id)
      if (call?.conversation_id === conversationId) calls.push(finVoiceCall(store, now, record))
    }
    return Http.json(calls)
  })
)
