/**
 * Calls through the client: the seeded calls page by number to the end (at
 * most 25 a page), each reads back, an answered call's recording is a
 * redirect and its transcript a text file, and the search by conversation
 * ids returns the transcripts; unknown ids are a 404, bad id lists a 400.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { layer, raw, TOKEN } from "./_fake.js"

describe("FakeIntercom calls", () => {
  it.effect("list pages by number to the end; find, recording (302), transcript (text)", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const first = yield* intercom.calls.listCalls({ per_page: 10 })
      assert.strictEqual(first.total_count, 34) // one for every third of the 100 seeded conversations
      assert.strictEqual(first.pages!.total_pages, 4)
      assert.strictEqual(first.data!.length, 10)
      const all = Chunk.toReadonlyArray(yield* Stream.runCollect(intercom.calls.listCallsStream({ per_page: 10 })))
      assert.strictEqual(all.length, 34)
      assert.strictEqual(new Set(all.map((c) => c.id)).size, 34)
      const big = yield* intercom.calls.listCalls({ per_page: 100 })
      assert.strictEqual(big.data!.length, 25) // Intercom's maximum

      const answered = all.find((c) => c.state === "completed")!
      const found = yield* intercom.calls.showCall({ call_id: answered.id! })
      assert.deepStrictEqual(found, answered)
      const recording = yield* intercom.calls.showCallRecording({ call_id: answered.id! })
      assert.match(recording, /^https:\/\/recordings\.fake-intercom\.test\/calls\/\d+\.mp3\?/)
      const transcript = yield* intercom.calls.showCallTranscript({ call_id: answered.id! })
      assert.match(transcript.split("\n")[0], /^\[00:00:03\] .+: "Hello, thanks for calling/)
      const fake = yield* FakeIntercom.FakeIntercom
      const response = yield* Effect.promise(() =>
        fake.handler(
          new Request(`http://fake.local/calls/${answered.id}/transcript`, {
            headers: { authorization: `Bearer ${TOKEN}` }
          })
        )
      )
      assert.strictEqual(response.headers.get("content-type"), "text/plain; charset=utf-8")
      assert.include(response.headers.get("content-disposition") ?? "", "attachment; filename=transcription_data-")

      const missed = all.find((c) => c.state === "missed")!
      assert.isNull(missed.recording_url)
      const noRecording = yield* Effect.flip(intercom.calls.showCallRecording({ call_id: missed.id! }))
      assert.strictEqual(noRecording._tag, "NotFoundError")
      const unknown = yield* Effect.flip(intercom.calls.showCall({ call_id: "1" }))
      assert.strictEqual(unknown._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("calls with transcripts, by conversation id; 1 to 20 ids, else a 400", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const calls = (yield* intercom.calls.listCalls({ per_page: 3 })).data!
      const found = yield* intercom.calls.listCallsWithTranscripts({
        conversation_ids: [...calls.map((c) => c.conversation_id!), "no-such-conversation"]
      })
      assert.deepStrictEqual(found.data!.map((c) => c.id), calls.map((c) => c.id))
      for (const call of found.data!) {
        if (call.state === "completed") {
          assert.strictEqual(call.transcript_status, "completed")
          assert.isAbove(call.transcript!.length, 0)
        } else {
          assert.deepStrictEqual(call.transcript, [])
        }
      }
      const none = yield* Effect.flip(intercom.calls.listCallsWithTranscripts({ conversation_ids: [] }))
      assert.strictEqual(none._tag, "BadRequestError")
      const many = yield* Effect.flip(
        intercom.calls.listCallsWithTranscripts({ conversation_ids: Array.from({ length: 21 }, (_, i) => String(i)) })
      )
      assert.strictEqual(many._tag, "BadRequestError")
      if (many._tag === "BadRequestError") assert.strictEqual(many.errors[0].code, "conversation_id_limit_exceeded")
      const invalid = yield* raw("POST", "/calls/search", { body: { conversation_ids: "1" } })
      assert.strictEqual(invalid.status, 422)
    }).pipe(Effect.provide(layer())))
})
