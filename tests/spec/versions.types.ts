/**
 * Type-level checks of the API versions, type-checked with the workspace
 * (`pnpm typecheck`), never run: a 2.16 program sees the 2.16-only methods
 * and 2.16's inputs, a 2.14 program does not, and `IntercomMock` is typed
 * per version.
 */
import * as Effect from "effect/Effect"
import * as Intercom from "../../packages/client/src/Intercom.js"
import * as Intercom_2_15 from "../../packages/client/src/Intercom_2_15.js"
import * as Intercom_2_16 from "../../packages/client/src/Intercom_2_16.js"
import * as IntercomMock from "../../packages/testing/src/IntercomMock.js"

export const program2_16 = Effect.gen(function*() {
  const intercom = yield* Intercom_2_16.Intercom
  // 2.16 only
  yield* intercom.conversations.mergeConversation({ id: "1", merge_into_conversation_id: 2 })
  yield* intercom.contentSnippets.listContentSnippets()
  yield* intercom.finAgent.startFinConversation({
    conversation_id: "c1",
    message: { author: "user", body: "Hi", timestamp: "2025-01-01T00:00:00Z" },
    user: { id: "u1" }
  })
  // the SDK's names, and the Preview
  yield* intercom.contacts.find({ contact_id: "c1" })
  yield* intercom.unstable.admins.identifyAdmin()
  // @ts-expect-error: the merge's body is 2.16's (`merge_into_conversation_id`)
  yield* intercom.conversations.mergeConversation({ id: "1", from_conversation_id: "2" })
})

export const program2_15 = Effect.gen(function*() {
  const intercom = yield* Intercom_2_15.Intercom
  yield* intercom.brands.listBrands()
  // @ts-expect-error: office hours are 2.16's, not 2.15's
  yield* intercom.officeHours.listOfficeHoursSchedules()
})

export const program2_14 = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  yield* intercom.contacts.find({ contact_id: "c1" })
  // @ts-expect-error: a 2.14 program has no 2.16-only method
  yield* intercom.conversations.mergeConversation({ id: "1", merge_into_conversation_id: 2 })
  // @ts-expect-error: nor a 2.16-only namespace
  yield* intercom.contentSnippets.listContentSnippets()
})

// Each version's service is its own tag: a 2.16 program needs the 2.16 layer.
export const needs2_16: Effect.Effect<void, unknown, Intercom_2_16.Intercom> = Effect.asVoid(program2_16)
// @ts-expect-error: not the 2.14 one
export const needs2_14: Effect.Effect<void, unknown, Intercom.Intercom> = Effect.asVoid(program2_16)

export const mock2_16 = IntercomMock.layerTest2_16({
  conversations: { mergeConversation: ({ id }) => Effect.succeed({ type: "conversation", id: String(id) }) }
})

export const mock2_14 = IntercomMock.layerTest({
  // @ts-expect-error: the 2.14 mock has no 2.16-only method
  conversations: { mergeConversation: () => Effect.succeed({ type: "conversation", id: "1" }) }
})
