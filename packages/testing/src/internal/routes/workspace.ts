/**
 * The workspace's smaller resources: segments, teams, data attributes,
 * events and subscription types.
 */
import * as DataAttributes from "@effect-intercom/client/stable/DataAttributes"
import * as Events from "@effect-intercom/client/stable/Events"
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as Segments from "@effect-intercom/client/stable/Segments"
import * as SubscriptionTypes from "@effect-intercom/client/stable/SubscriptionTypes"
import * as Teams from "@effect-intercom/client/stable/Teams"
import * as Http from "../http.js"
import type { ContactRecord, DataAttributeRecord, Store } from "../store.js"
import * as Wire from "../wire.js"

const DATA_TYPES = new Set(["string", "integer", "float", "boolean", "datetime", "date", "options"])

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const contactOfEvent = (store: Store, fields: Record<string, unknown>): ContactRecord | undefined => {
  if (fields.intercom_user_id !== undefined && fields.intercom_user_id !== null) {
    return store.contact(String(fields.intercom_user_id))
  }
  if (fields.id !== undefined && fields.id !== null) return store.contact(String(fields.id))
  if (fields.user_id !== undefined && fields.user_id !== null) {
    const id = store.contactsByExternalId.get(String(fields.user_id))
    return id === undefined ? undefined : store.contacts.get(id)
  }
  if (typeof fields.email === "string") {
    for (const contact of store.contacts.values()) if (contact.email === fields.email) return contact
  }
  return undefined
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Segments.listOperation, ({ query, store }) => {
    const withCount = query.get("include_count") === "true"
    return Http.json({
      type: "segment.list",
      segments: [...store.segments.values()].map((segment) => {
        if (!withCount) return Wire.segment(segment)
        let count = 0
        for (const contact of store.contacts.values()) if (contact.segment_ids.includes(segment.id)) count++
        return { ...Wire.segment(segment), count }
      })
    })
  }),

  Http.route(Segments.findOperation, ({ params, store }) => {
    const segment = store.segments.get(params.segment_id)
    return segment === undefined ? Http.notFound("Resource Not Found") : Http.json(Wire.segment(segment))
  }),

  Http.route(
    Teams.listOperation,
    ({ store }) => Http.json({ type: "team.list", teams: [...store.teams.values()].map(Wire.team) })
  ),

  Http.route(Teams.findOperation, ({ params, store }) => {
    const team = store.teams.get(params.team_id)
    return team === undefined ? Http.notFound("Team not found", "team_not_found") : Http.json(Wire.team(team))
  }),

  Http.route(
    SubscriptionTypes.listOperation,
    ({ store }) => Http.json({ type: "list", data: [...store.subscriptionTypes.values()].map(Wire.subscriptionType) })
  ),

  Http.route(DataAttributes.listOperation, ({ query, store }) => {
    const model = query.get("model")
    const includeArchived = query.get("include_archived") === "true"
    return Http.json({
      type: "list",
      data: [...store.dataAttributes.values()]
        .filter((a) => (model === null || a.model === model) && (includeArchived || !a.archived))
        .map(Wire.dataAttribute)
    })
  }),

  Http.route(DataAttributes.createOperation, ({ body, now, store }) => {
    const fields = isRecord(body) ? body : {}
    const { data_type, model, name } = fields
    if (typeof name !== "string" || name === "") {
      return Http.fail(400, "parameter_not_found", "name is a required parameter.", "name")
    }
    if (!/^[\p{L}\p{N}$€£¥_ -]+$/u.test(name)) {
      return Http.fail(
        400,
        "parameter_invalid",
        "Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens",
        "name"
      )
    }
    if (model !== "contact" && model !== "company") {
      return Http.fail(
        400,
        "parameter_invalid",
        "The Data Attribute model field must be either contact or company",
        "model"
      )
    }
    if (typeof data_type !== "string" || !DATA_TYPES.has(data_type)) {
      return Http.fail(400, "parameter_invalid", "Data Type isn't an option", "data_type")
    }
    for (const attribute of store.dataAttributes.values()) {
      if (attribute.name === name && attribute.custom) {
        return Http.fail(
          400,
          "parameter_invalid",
          `You already have '${name}' in your ${attribute.model} data. To save this as new ${model} data, use a different name.`,
          "name"
        )
      }
    }
    const options = Array.isArray(fields.options)
      ? fields.options.flatMap((o) => (isRecord(o) && typeof o.value === "string" ? [o.value] : []))
      : null
    const id = Number(store.nextNumericId("data_attribute", 0))
    const record: DataAttributeRecord = {
      id,
      model,
      name,
      full_name: `custom_attributes.${name}`,
      label: name,
      description: typeof fields.description === "string" ? fields.description : "",
      data_type,
      options,
      api_writable: true,
      messenger_writable: fields.messenger_writable === true,
      ui_writable: false,
      custom: true,
      archived: false,
      created_at: now,
      updated_at: now,
      admin_id: store.meId
    }
    store.dataAttributes.set(id, record)
    return Http.json(Wire.dataAttribute(record))
  }),

  Http.route(DataAttributes.updateOperation, ({ body, now, params, store }) => {
    const record = store.dataAttributes.get(Number(params.data_attribute_id))
    if (record === undefined || !record.custom) {
      return Http.notFound("We couldn't find that data attribute to update", "field_not_found")
    }
    const fields = isRecord(body) ? body : {}
    if (fields.options !== undefined && !Array.isArray(fields.options)) {
      return Http.fail(400, "parameter_invalid", "Options isn't an array", "options")
    }
    if (fields.archived === true && record.model === "contact" && record.name === "plan") {
      return Http.fail(422, "data_invalid", "The Data Attribute you are trying to archive has a dependant object")
    }
    if (typeof fields.description === "string") record.description = fields.description
    if (typeof fields.archived === "boolean") record.archived = fields.archived
    if (Array.isArray(fields.options)) {
      record.options = fields.options.flatMap((o) => (isRecord(o) && typeof o.value === "string" ? [o.value] : []))
    }
    record.updated_at = now
    return Http.json(Wire.dataAttribute(record))
  }, { validate: false }),

  Http.route(Events.createOperation, ({ body, store }) => {
    const fields = isRecord(body) ? body : {}
    const contact = contactOfEvent(store, fields)
    if (contact === undefined) return Http.notFound("User Not Found")
    store.events.push({
      seq: store.nextSeq(),
      id: store.nextNumericId("event", 0),
      event_name: String(fields.event_name),
      created_at: typeof fields.created_at === "number" ? fields.created_at : 0,
      contact_id: contact.id,
      metadata: isRecord(fields.metadata)
        ? Object.fromEntries(Object.entries(fields.metadata).map(([k, v]) => [k, String(v)]))
        : {}
    })
    return Http.empty(202)
  }),

  Http.route(Events.listOperation, ({ query, store }) => {
    const contact = contactOfEvent(store, Object.fromEntries(query))
    if (contact === undefined) return Http.notFound("User Not Found")
    const events = store.events.filter((e) => e.contact_id === contact.id)
    const base = {
      type: "event.summary",
      email: contact.email,
      intercom_user_id: contact.id,
      user_id: contact.external_id
    }
    if (query.get("summary") === "true") {
      const byName = new Map<string, { count: number; first: number; last: number }>()
      for (const event of events) {
        const entry = byName.get(event.event_name)
        if (entry === undefined) {
          byName.set(event.event_name, { count: 1, first: event.created_at, last: event.created_at })
        } else {
          entry.count++
          entry.first = Math.min(entry.first, event.created_at)
          entry.last = Math.max(entry.last, event.created_at)
        }
      }
      return Http.json({
        ...base,
        events: [...byName].map(([name, e]) => ({
          name,
          count: e.count,
          first: new Date(e.first * 1000).toISOString(),
          last: new Date(e.last * 1000).toISOString()
        }))
      })
    }
    const list = {
      ...base,
      events: events.map((e) => ({
        type: "event",
        id: e.id,
        event_name: e.event_name,
        created_at: e.created_at,
        intercom_user_id: contact.id,
        ...(contact.external_id === null ? {} : { user_id: contact.external_id }),
        ...(contact.email === null ? {} : { email: contact.email }),
        metadata: e.metadata
      })),
      pages: {}
    }
    // The API lists the events themselves here; the spec types `events` as
    // summary items only (every field optional, so these decode as well).
    return Http.json(list as unknown as Schemas.DataEventSummary)
  }, { validate: false }),

  Http.route(Events.summariesOperation, ({ body, store }) => {
    const fields = isRecord(body) ? body : {}
    const contact = contactOfEvent(store, fields)
    if (contact === undefined) return Http.notFound("User Not Found")
    return Http.empty(200)
  }, { validate: false })
]
