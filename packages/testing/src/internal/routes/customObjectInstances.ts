/**
 * Custom object instances: create or update (by `external_id`), find by id
 * or external id, delete by id or external id, per custom object type
 * (`Order`, `Subscription` in the seed; another type is a 404).
 */
import * as CustomObjectInstances from "@effect-intercom/client/stable/CustomObjectInstances"
import * as Http from "../http.js"
import type { CustomObjectInstanceRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

const typeNotFound = (type: string) => Http.notFound(`Custom object type \`${type}\` not found`)
const instanceNotFound = () => Http.notFound("Custom object instance not found")

const byExternalId = (store: Store, type: string, externalId: string): CustomObjectInstanceRecord | undefined => {
  for (const instance of store.customObjectInstances.values()) {
    if (instance.type === type && instance.external_id === externalId) return instance
  }
  return undefined
}

const byId = (store: Store, type: string, id: string): CustomObjectInstanceRecord | undefined => {
  const instance = store.customObjectInstances.get(id)
  return instance !== undefined && instance.type === type ? instance : undefined
}

const withType = <A>(
  store: Store,
  type: string,
  f: (type: string) => Http.Result<A>
): Http.Result<A> => store.customObjectTypes.has(type) ? f(type) : typeNotFound(type)

const deleted = (instance: CustomObjectInstanceRecord) => ({ id: instance.id, object: instance.type, deleted: true })

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(
    CustomObjectInstances.createCustomObjectInstancesOperation,
    ({ input, now, store }) =>
      withType(store, String(input.custom_object_type_identifier), (type) => {
        if (input.external_id === undefined) {
          return Http.fail(422, "parameter_not_found", "external_id is a required parameter.", "external_id")
        }
        const externalId = String(input.external_id)
        const existing = byExternalId(store, type, externalId)
        if (existing !== undefined) {
          // create or update: the same external id updates the instance
          if (input.external_created_at !== undefined) existing.external_created_at = input.external_created_at
          if (input.external_updated_at !== undefined) existing.external_updated_at = input.external_updated_at
          if (input.custom_attributes !== undefined && input.custom_attributes !== null) {
            existing.custom_attributes = { ...existing.custom_attributes, ...input.custom_attributes }
          }
          existing.updated_at = now
          return Http.json(Wire.customObjectInstance(existing))
        }
        const instance: CustomObjectInstanceRecord = {
          seq: store.nextSeq(),
          id: store.nextNumericId("custom_object_instance", 100),
          type,
          external_id: externalId,
          external_created_at: input.external_created_at ?? null,
          external_updated_at: input.external_updated_at ?? null,
          created_at: now,
          updated_at: now,
          custom_attributes: { ...input.custom_attributes }
        }
        store.customObjectInstances.set(instance.id, instance)
        return Http.json(Wire.customObjectInstance(instance))
      })
  ),

  Http.route(
    CustomObjectInstances.getCustomObjectInstancesByExternalIdOperation,
    ({ params, query, store }) =>
      withType(store, params.custom_object_type_identifier, (type) => {
        const externalId = query.get("external_id")
        if (externalId === null || externalId === "") {
          return Http.fail(400, "parameter_not_found", "external_id is a required parameter.", "external_id")
        }
        const instance = byExternalId(store, type, externalId)
        return instance === undefined ? instanceNotFound() : Http.json(Wire.customObjectInstance(instance))
      })
  ),

  Http.route(
    CustomObjectInstances.getCustomObjectInstancesByIdOperation,
    ({ params, store }) =>
      withType(store, params.custom_object_type_identifier, (type) => {
        // the id, or the external id
        const id = params.custom_object_instance_id
        const instance = byId(store, type, id) ?? byExternalId(store, type, id)
        return instance === undefined ? instanceNotFound() : Http.json(Wire.customObjectInstance(instance))
      })
  ),

  // `deleteCustomObjectInstancesById` deletes by external id, and the other by id (the spec's names)
  Http.route(
    CustomObjectInstances.deleteCustomObjectInstancesByIdOperation,
    ({ params, query, store }) =>
      withType(store, params.custom_object_type_identifier, (type) => {
        const externalId = query.get("external_id")
        if (externalId === null || externalId === "") {
          return Http.fail(400, "parameter_not_found", "external_id is a required parameter.", "external_id")
        }
        const instance = byExternalId(store, type, externalId)
        if (instance === undefined) return instanceNotFound()
        store.customObjectInstances.delete(instance.id)
        return Http.json(deleted(instance))
      })
  ),

  Http.route(
    CustomObjectInstances.deleteCustomObjectInstancesByExternalIdOperation,
    ({ params, store }) =>
      withType(store, params.custom_object_type_identifier, (type) => {
        const instance = byId(store, type, params.custom_object_instance_id)
        if (instance === undefined) return instanceNotFound()
        store.customObjectInstances.delete(instance.id)
        return Http.json(deleted(instance))
      })
  )
]
