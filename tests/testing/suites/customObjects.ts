/**
 * Custom object instances through the client: create or update by external
 * id, read by id and by external id, delete both ways, 404 afterwards and for
 * an unknown type; invalid input rejected.
 */
import { Intercom } from "@effect-intercom/client"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { isErrorList, layer, raw } from "./_fake.js"

const Order = { custom_object_type_identifier: "Order" }

describe("FakeIntercom custom object instances", () => {
  it.effect("create, read, update (same external id), delete by external id and by id, then 404", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const api = intercom.customObjectInstances
      const created = yield* api.createCustomObjectInstances({
        ...Order,
        external_id: "ORD-1",
        external_created_at: 1_392_036_272,
        custom_attributes: { order_number: "ORD-1", total_amount: 99.99 }
      })
      assert.strictEqual(created.type, "Order")
      assert.strictEqual(created.external_id, "ORD-1")
      assert.deepStrictEqual(created.custom_attributes, { order_number: "ORD-1", total_amount: 99.99 })
      const byId = yield* api.getCustomObjectInstancesById({ ...Order, custom_object_instance_id: created.id! })
      assert.deepStrictEqual(byId, created)
      // the id-or-external-id path parameter
      const byPathExternalId = yield* api.getCustomObjectInstancesById({ ...Order, custom_object_instance_id: "ORD-1" })
      assert.strictEqual(byPathExternalId.id, created.id)

      const updated = yield* api.createCustomObjectInstances({
        ...Order,
        external_id: "ORD-1",
        custom_attributes: { total_amount: 120 }
      })
      assert.strictEqual(updated.id, created.id)
      assert.deepStrictEqual(updated.custom_attributes, { order_number: "ORD-1", total_amount: 120 })
      const byExternalId = yield* api.getCustomObjectInstancesByExternalId({ ...Order, external_id: "ORD-1" })
      assert.deepStrictEqual(byExternalId.custom_attributes, updated.custom_attributes)

      const deleted = yield* api.deleteCustomObjectInstancesById({ ...Order, external_id: "ORD-1" })
      assert.deepStrictEqual(deleted, { id: created.id!, object: "Order", deleted: true })
      const gone = yield* Effect.flip(api.getCustomObjectInstancesByExternalId({ ...Order, external_id: "ORD-1" }))
      assert.strictEqual(gone._tag, "NotFoundError")

      const other = yield* api.createCustomObjectInstances({ ...Order, external_id: "ORD-2" })
      yield* api.deleteCustomObjectInstancesByExternalId({ ...Order, custom_object_instance_id: other.id! })
      const gone2 = yield* Effect.flip(
        api.getCustomObjectInstancesById({ ...Order, custom_object_instance_id: other.id! })
      )
      assert.strictEqual(gone2._tag, "NotFoundError")
      const again = yield* Effect.flip(
        api.deleteCustomObjectInstancesByExternalId({ ...Order, custom_object_instance_id: other.id! })
      )
      assert.strictEqual(again._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("seeded orders read back; an unknown type is a 404; invalid bodies are a 422", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const api = intercom.customObjectInstances
      const seeded = yield* api.getCustomObjectInstancesByExternalId({ ...Order, external_id: "ORDER-10000" })
      assert.strictEqual(seeded.custom_attributes!.order_number, "ORDER-10000")
      const type = yield* Effect.flip(
        api.getCustomObjectInstancesById({ custom_object_type_identifier: "Spaceship", custom_object_instance_id: "1" })
      )
      assert.strictEqual(type._tag, "NotFoundError")
      if (type._tag === "NotFoundError") assert.include(type.errors[0].message, "Spaceship")
      const invalid = yield* raw("POST", "/custom_object_instances/Order", {
        body: { external_id: "x", custom_attributes: "not an object" }
      })
      assert.strictEqual(invalid.status, 422)
      assert.isTrue(isErrorList(invalid.json, "parameter_invalid"))
      const noExternalId = yield* raw("POST", "/custom_object_instances/Order", { body: { custom_attributes: {} } })
      assert.strictEqual(noExternalId.status, 422)
      assert.isTrue(isErrorList(noExternalId.json, "parameter_not_found"))
    }).pipe(Effect.provide(layer())))
})
