/**
 * `IntercomMock.layerTest`: a small user program tested with a partial mock
 * of the `Intercom` service.
 */
import { Intercom, IntercomError } from "@effect-intercom/client"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"

// The program under test: greet a contact by name, or by email when it has no name.
const greeting = (contactId: string) =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const contact = yield* intercom.contacts.find({ contact_id: contactId })
    return `Hello, ${contact.name ?? contact.email ?? "stranger"}!`
  })

const contact = (id: string, fields: Partial<Schemas.Contact> = {}): Schemas.Contact => ({
  type: "contact",
  id,
  ...fields
})

describe("IntercomMock", () => {
  it.effect("answers a program from the methods it is given", () =>
    Effect.gen(function*() {
      const named = yield* greeting("1")
      const anonymous = yield* greeting("2")
      assert.strictEqual(named, "Hello, Ada!")
      assert.strictEqual(anonymous, "Hello, grace@example.com!")
    }).pipe(
      Effect.provide(IntercomMock.layerTest({
        contacts: {
          find: ({ contact_id }) =>
            Effect.succeed(
              contact_id === "1"
                ? contact("1", { name: "Ada" })
                : contact(String(contact_id), { email: "grace@example.com" })
            )
        }
      }))
    ))

  it.effect("a mocked method can fail with the client's typed errors", () =>
    Effect.gen(function*() {
      const result = yield* greeting("404").pipe(
        Effect.catchTag("UnauthorizedError", (error) => Effect.succeed(`refused: ${error.status}`))
      )
      assert.strictEqual(result, "refused: 401")
    }).pipe(
      Effect.provide(IntercomMock.layerTest({
        contacts: {
          find: () =>
            Effect.fail(
              new IntercomError.UnauthorizedError({
                status: 401,
                errors: [{ code: "unauthorized", message: "Access Token Invalid" }],
                body: "",
                operation: "contacts.find",
                method: "GET",
                path: "/contacts/{contact_id}"
              })
            )
        }
      }))
    ))

  it.effect("a method that is not given dies with MethodNotMockedError naming it", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const exit = yield* Effect.exit(intercom.contacts.update({ contact_id: "1", name: "Ada" }))
      assert.isTrue(Exit.isFailure(exit))
      const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
      assert.isTrue(Option.isSome(defect))
      const error = Option.getOrThrow(defect)
      assert.instanceOf(error, IntercomMock.MethodNotMockedError)
      assert.strictEqual((error as IntercomMock.MethodNotMockedError).method, "contacts.update")
      assert.include((error as Error).message, "contacts.update was not given to this mock")
      // every namespace of the real service exists, nested ones too
      const nested = yield* Effect.exit(intercom.helpCenters.collections.list())
      assert.include(
        String(Cause.squash(Exit.isFailure(nested) ? nested.cause : Cause.empty)),
        "helpCenters.collections.list"
      )
      const unstable = yield* Effect.exit(intercom.unstable.contacts.listContacts())
      assert.include(
        String(Cause.squash(Exit.isFailure(unstable) ? unstable.cause : Cause.empty)),
        "unstable.contacts.listContacts"
      )
    }).pipe(Effect.provide(IntercomMock.layerTest({}))))

  it.effect("the plain functions of the resource modules answer from the same mock", () =>
    Effect.gen(function*() {
      const found = yield* Contacts.find({ contact_id: "7" })
      assert.strictEqual(found.id, "7")
    }).pipe(Effect.provide(IntercomMock.layerTest({
      contacts: { find: ({ contact_id }) => Effect.succeed(contact(String(contact_id))) }
    }))))

  it.effect("streams page through the mocked list method", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const ids = yield* intercom.contacts.listStream({ per_page: 2 }).pipe(
        Stream.map((c) => c.id),
        Stream.runCollect
      )
      assert.deepStrictEqual(Chunk.toReadonlyArray(ids), ["a", "b", "c"])
    }).pipe(
      Effect.provide(IntercomMock.layerTest({
        contacts: {
          list: (input) =>
            Effect.succeed(
              input?.starting_after === undefined
                ? {
                  type: "list",
                  data: [contact("a"), contact("b")],
                  pages: { type: "pages", next: { per_page: 2, starting_after: "b" } }
                }
                : { type: "list", data: [contact("c")], pages: { type: "pages" } }
            )
        }
      }))
    ))

  it.effect("a method or namespace the service does not have is refused when the layer is built", () =>
    Effect.gen(function*() {
      const wrong = { contacts: { fnid: () => Effect.succeed(contact("1")) } } as IntercomMock.IntercomImplementation
      const exit = yield* Effect.exit(Layer.build(IntercomMock.layerTest(wrong)).pipe(Effect.scoped))
      assert.isTrue(Exit.isFailure(exit))
      assert.include(String(Cause.squash(Exit.isFailure(exit) ? exit.cause : Cause.empty)), "no method contacts.fnid")
    }))
})
