/**
 * Visitors through the client: find by user_id, update by id and by user_id,
 * convert into a new contact (keeping the id) or into an existing one (the
 * visitor goes), 404 afterwards; invalid input rejected. Visitors are not
 * contacts until converted.
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { isErrorList, layer, raw } from "./_fake.js"

const userId = (i: number) => `3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f${i}`

describe("FakeIntercom visitors", () => {
  it.effect("find, update, convert to a new user (same id, the user's identifiers), then 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const visitor = yield* intercom.visitors.find({ user_id: userId(0) })
      assert.strictEqual(visitor.type, "visitor")
      assert.isTrue(visitor.anonymous)
      const notContact = yield* Effect.flip(intercom.contacts.find({ contact_id: visitor.id! }))
      assert.strictEqual(notContact._tag, "NotFoundError")

      const named = yield* intercom.visitors.update({ id: visitor.id!, name: "Gareth Bale" })
      assert.strictEqual(named.name, "Gareth Bale")
      const tagged = yield* intercom.visitors.update({ user_id: userId(0), custom_attributes: { source: "ads" } })
      assert.deepStrictEqual(tagged.custom_attributes, { source: "ads" })
      assert.strictEqual((yield* intercom.visitors.find({ user_id: userId(0) })).name, "Gareth Bale")

      const contact = yield* intercom.visitors.mergeToContact({
        type: "user",
        user: { user_id: "converted-1", email: "foo@bar.com" },
        visitor: { user_id: userId(0) }
      })
      assert.strictEqual(contact.id, visitor.id)
      assert.strictEqual(contact.role, "user")
      assert.strictEqual(contact.external_id, "converted-1")
      assert.strictEqual(contact.email, "foo@bar.com")
      assert.strictEqual(contact.name, "Gareth Bale")
      assert.strictEqual((yield* intercom.contacts.find({ contact_id: visitor.id! })).email, "foo@bar.com")
      const gone = yield* Effect.flip(intercom.visitors.find({ user_id: userId(0) }))
      assert.strictEqual(gone._tag, "NotFoundError")
      if (gone._tag === "NotFoundError") assert.strictEqual(gone.errors[0].message, "Visitor Not Found")
    }).pipe(Effect.provide(layer())))

  it.effect("convert into an existing contact: merged, the visitor deleted", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const existing = yield* intercom.contacts.create({ email: "known@example.com" })
      const visitor = yield* intercom.visitors.update({ user_id: userId(1), name: "Known" })
      const merged = yield* intercom.visitors.mergeToContact({
        type: "user",
        user: { email: "known@example.com" },
        visitor: { id: visitor.id! }
      })
      assert.strictEqual(merged.id, existing.id)
      assert.strictEqual(merged.name, "Known")
      const gone = yield* Effect.flip(intercom.visitors.update({ id: visitor.id!, name: "x" }))
      assert.strictEqual(gone._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("invalid input: a missing user_id is a 400, a bad body a 422, an unknown visitor a 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const noUserId = yield* raw("GET", "/visitors")
      assert.strictEqual(noUserId.status, 400)
      assert.isTrue(isErrorList(noUserId.json, "parameter_not_found"))
      const invalid = yield* raw("PUT", "/visitors", { body: { name: "no id" } })
      assert.strictEqual(invalid.status, 422)
      const convert = yield* raw("POST", "/visitors/convert", { body: { type: "user", user: { email: "a@b.c" } } })
      assert.strictEqual(convert.status, 422)
      const unknown = yield* Effect.flip(intercom.visitors.update({ user_id: "fail", name: "Christian Fail" }))
      assert.strictEqual(unknown._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))
})
