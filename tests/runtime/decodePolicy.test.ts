/**
 * The decode policy: `strict` fails with every mismatch listed (bounded),
 * `lenient` returns the body as sent and reports each mismatch once per
 * operation and path per layer (a warning log and a span event); a pinned
 * version other than the schemas' decodes leniently unless told otherwise.
 * And 409s: a `ConflictError` wherever Intercom sends one, with the id of the
 * existing contact.
 */
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Contacts from "../../packages/client/src/generated/stable/Contacts.js"
import * as RecordingTracer from "../support/RecordingTracer.js"
import { errorList, findContact, json, listContacts, mock } from "./_mock.js"

/** A contact list whose every contact has a number for an email, and a string for `total_count`. */
const badList = (contacts: number) =>
  json({
    type: "list",
    total_count: "not a number",
    data: Array.from({ length: contacts }, (_, i) => ({ type: "contact", id: String(i), email: i }))
  })

interface LogLine {
  readonly level: string
  readonly message: string
  readonly annotations: Record<string, unknown>
}

const recordLogs = () => {
  const lines: Array<LogLine> = []
  const logger = Logger.make(({ annotations, logLevel, message }) => {
    const record: Record<string, unknown> = {}
    for (const [key, value] of annotations) record[key] = value
    lines.push({
      level: logLevel.label,
      message: Array.isArray(message) ? message.map(String).join(" ") : String(message),
      annotations: record
    })
  })
  return { lines, layer: Logger.replace(Logger.defaultLogger, logger) }
}

/** The events of every span a recording tracer made, with the span's name. */
const recordEvents = () => {
  const { spans, tracer } = RecordingTracer.make()
  const events = () => spans.flatMap((span) => span.events.map((event) => ({ span: span.name, ...event })))
  return { events, tracer }
}

describe("strict decoding", () => {
  it.effect("lists every mismatch with its JSON path, up to maxMismatches, and counts them all", () => {
    const m = mock(() => badList(30))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(listContacts, {}))
      assert(error._tag === "ResponseDecodeError")
      // 30 emails and the total: 31 in all, 20 listed
      assert.strictEqual(error.mismatchCount, 31)
      assert.strictEqual(error.mismatches.length, IntercomError.maxMismatches)
      // in the schema's order: the contacts' emails, then the total (counted, not listed)
      assert.deepStrictEqual(error.mismatches[0], {
        jsonPath: "$.data[0].email",
        expected: "string | null | undefined",
        actual: "0",
        message: "Expected string | null | undefined, actual 0"
      })
      assert.deepStrictEqual(
        error.mismatches.map((m) => m.jsonPath),
        Array.from({ length: 20 }, (_, i) => `$.data[${i}].email`)
      )
      // the first mismatch stays in `jsonPath` / `issue`
      assert.strictEqual(error.jsonPath, "$.data[0].email")
      assert.strictEqual(error.issue, "Expected string | null | undefined, actual 0")
      assert.include(error.message, "31 mismatches: $.data[0].email: Expected string | null | undefined, actual 0;")
      assert.include(error.message, "$.data[19].email: Expected string | null | undefined, actual 19; and 11 more")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a single mismatch reads as before: path and issue", () => {
    const m = mock(() => json({ type: "contact", id: 7 }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "ResponseDecodeError")
      assert.strictEqual(error.mismatchCount, 1)
      assert.strictEqual(
        error.message,
        "contacts.find (GET /contacts/{contact_id}) returned a 200 body that could not be decoded at $.id: Expected string, actual 7"
      )
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a missing required field is a mismatch with actual `missing`", () => {
    const m = mock(() => json({ type: "contact" }))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "ResponseDecodeError")
      assert.deepStrictEqual(error.mismatches, [{
        jsonPath: "$.id",
        expected: "a value",
        actual: "missing",
        message: "is missing"
      }])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("invalid JSON fails under both policies", () => {
    const m = mock(() => new Response("{\"type\": ", { status: 200 }))
    return Effect.gen(function*() {
      for (const policy of ["strict", "lenient"] as const) {
        const error = yield* Effect.flip(
          Operation.execute(findContact, { contact_id: "1" }).pipe(IntercomClient.withDecodePolicy(policy))
        )
        assert(error._tag === "ResponseDecodeError")
        assert.match(error.issue, /^invalid JSON/)
      }
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("lenient decoding", () => {
  it.effect("returns the body as sent and reports each mismatch once per operation and path per layer", () => {
    const m = mock(() => badList(3))
    const logs = recordLogs()
    const { events, tracer } = recordEvents()
    return Effect.gen(function*() {
      for (let page = 0; page < 3; page++) {
        const list = yield* Operation.execute(listContacts, {})
        assert.strictEqual((list as any).total_count, "not a number")
        assert.deepStrictEqual((list.data ?? []).map((c) => c.email as unknown), [0, 1, 2])
      }
      // three pages, three contacts each: one report for $.total_count and one for $.data[].email
      const warnings = logs.lines.filter((l) => l.level === "WARN")
      assert.deepStrictEqual(
        warnings.map((w) => w.annotations["intercom.json_path"]),
        ["$.data[0].email", "$.total_count"]
      )
      assert.deepStrictEqual(warnings[0].annotations, {
        "intercom.operation": "contacts.list",
        "intercom.json_path": "$.data[0].email",
        "intercom.expected": "string | null | undefined",
        "intercom.actual": "0",
        "http.response.status_code": 200
      })
      assert.include(warnings[0].message, "contacts.list (GET /contacts)")
      assert.include(warnings[0].message, "$.data[0].email")
      assert.deepStrictEqual(
        events().filter((e) => e.name === "intercom.response.mismatch").map((
          e
        ) => [e.span, e.name, e.attributes?.["intercom.json_path"]]),
        [
          ["Intercom.contacts.list", "intercom.response.mismatch", "$.data[0].email"],
          ["Intercom.contacts.list", "intercom.response.mismatch", "$.total_count"]
        ]
      )
    }).pipe(
      Effect.provide(Layer.mergeAll(m.layer({ decode: "lenient" }), logs.layer)),
      Effect.withTracer(tracer)
    )
  })

  it.effect("another layer reports the same mismatch again; another operation too", () => {
    const m = mock(() => json({ type: "contact", id: "1", email: 5 }))
    const logs = recordLogs()
    const find = Operation.execute(findContact, { contact_id: "1" })
    return Effect.gen(function*() {
      yield* find.pipe(Effect.provide(m.layer({ decode: "lenient" })))
      yield* find.pipe(Effect.provide(m.layer({ decode: "lenient" })))
      const sameLayer = m.layer({ decode: "lenient" })
      yield* Effect.gen(function*() {
        yield* find
        yield* find
        yield* Operation.execute(listContacts, {}).pipe(Effect.ignore)
      }).pipe(Effect.provide(sameLayer))
      assert.strictEqual(logs.lines.filter((l) => l.level === "WARN").length, 3)
    }).pipe(Effect.provide(logs.layer))
  })

  it.effect("per call: withDecodePolicy replaces the layer's policy both ways", () => {
    const m = mock(() => json({ type: "contact", id: 7 }))
    return Effect.gen(function*() {
      const contact = yield* Operation.execute(findContact, { contact_id: "1" }).pipe(
        IntercomClient.withDecodePolicy("lenient")
      )
      assert.strictEqual(contact.id as unknown, 7)
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert.strictEqual(error._tag, "ResponseDecodeError")
    }).pipe(Effect.provide(m.layer()))
  })
})

describe("the default policy follows the version", () => {
  const contact = () => json({ type: "contact", id: 7 })

  it.effect("strict at the schemas' version (2.14)", () => {
    const m = mock(contact)
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.strictEqual(m.requests[0].headers["intercom-version"], IntercomClient.defaultVersion)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("lenient when the layer pins another version, strict again when asked", () => {
    const m = mock(contact)
    return Effect.gen(function*() {
      const found = yield* Operation.execute(findContact, { contact_id: "1" }).pipe(
        Effect.provide(m.layer({ version: "2.11" }))
      )
      assert.strictEqual(found.id as unknown, 7)
      assert.strictEqual(m.requests[0].headers["intercom-version"], "2.11")
      const error = yield* Effect.flip(
        Operation.execute(findContact, { contact_id: "1" }).pipe(
          Effect.provide(m.layer({ version: "2.11", decode: "strict" }))
        )
      )
      assert.strictEqual(error._tag, "ResponseDecodeError")
    })
  })

  it.effect("lenient when one call pins another version with withVersion", () => {
    const m = mock(contact)
    return Effect.gen(function*() {
      const found = yield* Operation.execute(findContact, { contact_id: "1" }).pipe(IntercomClient.withVersion("2.9"))
      assert.strictEqual(found.id as unknown, 7)
      const error = yield* Effect.flip(
        Operation.execute(findContact, { contact_id: "1" }).pipe(
          IntercomClient.withVersion("2.9"),
          IntercomClient.withDecodePolicy("strict")
        )
      )
      assert.strictEqual(error._tag, "ResponseDecodeError")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("Preview operations send Unstable, which their schemas describe: strict whatever the layer's version", () => {
    const previewFind = Operation.make({ ...findContact, api: "unstable", name: "unstable.contacts.showContact" })
    const m = mock(contact)
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(previewFind, { contact_id: "1" }))
      assert.strictEqual(error._tag, "ResponseDecodeError")
      assert.strictEqual(m.requests[0].headers["intercom-version"], "Unstable")
    }).pipe(Effect.provide(m.layer({ version: "2.11" })))
  })
})

describe("409 Conflict", () => {
  const duplicate = () =>
    errorList(409, [{
      code: "conflict",
      message: "A contact matching those details already exists with id=6762f0dd1bb69f9f2193bb83"
    }])

  it.effect("contacts.create (which documents no 409) fails with a ConflictError carrying the existing id", () => {
    const m = mock(duplicate)
    return Effect.gen(function*() {
      assert.notInclude(Contacts.createOperation.errors, 409)
      const error = yield* Effect.flip(Operation.execute(Contacts.createOperation, { email: "a@example.com" }))
      assert(error._tag === "ConflictError")
      assert.strictEqual(error.status, 409)
      assert.strictEqual(error.existingId, "6762f0dd1bb69f9f2193bb83")
      assert.include(error.message, "contacts.create (POST /contacts) failed with 409 Conflict: A contact matching")
      // the update the caller wants to make instead
      const retried = yield* Effect.flip(
        Operation.execute(Contacts.updateOperation, { contact_id: error.existingId!, name: "A" })
      )
      assert.strictEqual(retried._tag, "ConflictError")
      assert.strictEqual(m.requests[1].url.pathname, "/contacts/6762f0dd1bb69f9f2193bb83")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a 409 whose message names no id has no existingId", () => {
    const m = mock(() => errorList(409, [{ code: "conflict", message: "Another import is running" }]))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "1" }))
      assert(error._tag === "ConflictError")
      assert.strictEqual(error.existingId, undefined)
    }).pipe(Effect.provide(m.layer()))
  })

  it("existingIdOf reads the id from the messages, and from a text body", () => {
    assert.strictEqual(
      IntercomError.existingIdOf([{ code: "conflict", message: "User already exists with id: 42" }], ""),
      "42"
    )
    assert.strictEqual(IntercomError.existingIdOf([{ code: "x", message: "Invalid id: 42" }], ""), undefined)
    assert.strictEqual(IntercomError.existingIdOf([], "contact already exists, id=abc_1"), "abc_1")
    assert.isTrue(Option.isNone(Option.fromNullable(IntercomError.existingIdOf([], "conflict"))))
  })
})
