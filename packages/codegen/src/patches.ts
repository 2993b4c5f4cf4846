/**
 * The patch layer: corrections to Intercom's OpenAPI descriptions, applied
 * after the official overlays and before generation. Every patch says what is
 * wrong in the spec and how we know (usually: the spec's own examples, or
 * payloads the API is known to send). Keep this the only place where the spec
 * is corrected.
 */
import type { Node, SpecName } from "./spec.js"

/**
 * Where a patch applies:
 * - `"all"`: 2.14, the Preview and every later version of `spec.ts`'s `versions`
 *   (the same defect is in 2.15 and 2.16: checked for each patch);
 * - `"both"`: 2.14 and the Preview only (what the official SDKs' overlays got
 *   wrong; the later versions have no overlay);
 * - `"2.14+"`: 2.14 and every later version, not the Preview;
 * - a list of descriptions.
 */
export interface Patch {
  readonly spec: SpecName | "both" | "all" | "2.14+" | ReadonlyArray<SpecName>
  readonly why: string
  readonly apply: (doc: Node) => void
}

const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()

/**
 * `overrides-preview.yml` points six request bodies at Fern type names
 * (`#/components/schemas/CreateArticleRequestBody`, ...) that no component
 * carries, so the official SDKs type those bodies as an untyped dict. The
 * names are the Fern names of existing components (`create_article_request`,
 * or the component whose `x-fern-type-name` is that name): point the refs back
 * at them, so these bodies are typed and validated like every other.
 */
const resolveFernTypeNames: Patch = {
  // the later versions have no overlay, hence no Fern names
  spec: "both",
  why: "dangling $refs to Fern type names in the overrides",
  apply: (doc) => {
    const schemas: Record<string, Node> = doc.components?.schemas ?? {}
    const byFernName = new Map<string, string>()
    for (const [name, s] of Object.entries(schemas)) {
      if (typeof s?.["x-fern-type-name"] === "string") byFernName.set(s["x-fern-type-name"], name)
    }
    const target = (name: string): string | undefined =>
      [byFernName.get(name), snake(name), snake(name.replace(/Body$/, ""))].find((n) => n !== undefined && n in schemas)
    const walk = (node: Node): void => {
      if (!node || typeof node !== "object") return
      if (Array.isArray(node)) return node.forEach(walk)
      if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/schemas/")) {
        const name = node.$ref.slice("#/components/schemas/".length)
        if (!(name in schemas)) {
          const found = target(name)
          if (found === undefined) throw new Error(`patches: cannot resolve ${node.$ref}`)
          node.$ref = `#/components/schemas/${found}`
        }
      }
      for (const value of Object.values(node)) walk(value)
    }
    walk(doc.paths)
    walk(doc.components)
  }
}

const component = (doc: Node, name: string): Node => {
  const schema = doc.components?.schemas?.[name]
  if (!schema) throw new Error(`patches: no component ${name}`)
  return schema
}

const property = (schema: Node, ...path: Array<string>): Node => {
  let node = schema
  for (const key of path) {
    node = node?.properties?.[key]
    if (!node) throw new Error(`patches: no property ${path.join(".")}`)
  }
  return node
}

/**
 * R3, shapes of other versions. A user who pins another API version
 * (`version`, `IntercomClient.withVersion`) gets that version's shapes, which
 * the 2.14 schemas do not describe. They are not typed into the 2.14 schemas:
 * a 2.14 program would have to narrow every such field for shapes it never
 * receives. Instead a call at another version decodes `lenient` by default
 * (`internal/decodePolicy.ts`): the body comes back as sent, and each field
 * that differs is reported (log line and span event) with its path.
 *
 * Evidence, and what was looked for:
 * - `ticket.ticket_state`: a recorded ticket read at a version before 2.14
 *   has `ticket_state: "submitted"` (the 2.14 object's `category`, as the
 *   2.14 ticket parts still carry it): reported at `$.ticket_state`.
 * - The diff of every response component and inline 2xx schema of 2.14
 *   against 2.15 and 2.16 (JSON type of each property, two levels deep) finds
 *   five fields of another type: four ids (`conversation.team_assignee_id`,
 *   `ticket.admin_assignee_id` and `ticket.team_assignee_id` become integers,
 *   `contact.owner_id` a string), which rule R1 of `schemas.ts` covers for
 *   every version, and `company.tags.tags`, untyped items in 2.14, which
 *   accept the later objects already. Every 2xx example of 2.15 and 2.16
 *   decodes with the 2.14 schemas once R1 applies.
 * - Root shapes that changed: `GET /away_status_reasons` (an array in 2.14, a
 *   `list` object from 2.15 on) and `GET /custom_object_instances/{type}` (one
 *   instance in 2.14, a page in 2.16): the same rule, lenient at the pinned
 *   version.
 */

const anyJsonValuePatches: ReadonlyArray<Patch> = [
  {
    spec: "all",
    why:
      "contact.avatar is an object `{type, image_url}` in Intercom's description and a URL string in the official SDKs' overlay: accept both, whichever the API sends",
    apply: (doc) => {
      const avatar = property(component(doc, "contact"), "avatar")
      const description = avatar.description
      for (const key of Object.keys(avatar)) delete avatar[key]
      Object.assign(avatar, {
        description,
        oneOf: [
          { type: "string", description: "The avatar's URL." },
          {
            type: "object",
            properties: {
              type: { type: "string", description: "Always `avatar`." },
              image_url: { type: "string", nullable: true, description: "The avatar's URL." }
            }
          }
        ]
      })
    }
  },
  {
    spec: "all",
    why:
      "custom_attributes values are strings, integers, datetimes or object lists in the spec, but its own example holds true and 155.5: custom attributes are typed by the workspace (boolean, decimal, ...)",
    apply: (doc) => {
      const values = component(doc, "custom_attributes").additionalProperties
      values.anyOf = [
        ...values.anyOf.filter((m: Node) => m.type !== "integer"),
        { type: "number" },
        { type: "boolean" },
        // conversations.update's example sets a relationship attribute by instance ids: `order: ["21"]`.
        { type: "array", items: { type: "string" } }
      ]
    }
  },
  {
    spec: "all",
    why:
      "custom_object_instance.custom_attributes values are strings in the spec; the spec's examples hold 99.99, in responses and in the POST /custom_object_instances/{type} request",
    apply: (doc) => {
      property(component(doc, "custom_object_instance"), "custom_attributes").additionalProperties = {}
      const body = doc.paths["/custom_object_instances/{custom_object_type_identifier}"].post.requestBody.content[
        "application/json"
      ].schema
      const schema = body.$ref ? component(doc, body.$ref.split("/").pop()) : body
      property(schema, "custom_attributes").additionalProperties = {}
    }
  },
  {
    spec: "all",
    why:
      "activity_log_metadata before/after are objects in the spec; the spec's admins.list_all_activity_logs example has strings (they hold whatever the changed setting was)",
    apply: (doc) => {
      const metadata = component(doc, "activity_log_metadata")
      for (const key of ["before", "after"]) {
        if (metadata.properties?.[key]) metadata.properties[key] = { description: metadata.properties[key].description }
      }
    }
  }
]

const requestPatches: ReadonlyArray<Patch> = [
  {
    spec: "all",
    why:
      "POST /visitors/convert: the spec's own successful example identifies the user by email alone, which neither anyOf member (id or user_id required) allows",
    apply: (doc) => {
      const body = doc.paths["/visitors/convert"].post.requestBody.content["application/json"].schema
      const schema = body.$ref ? component(doc, body.$ref.split("/").pop()) : body
      const user = property(schema, "user")
      user.anyOf = [
        ...user.anyOf,
        {
          properties: { email: { type: "string", description: "The contact's email." } },
          required: ["email"]
        }
      ]
    }
  },
  {
    spec: "all",
    why:
      "POST /messages: the spec's examples create user- and lead-initiated messages (`from: {type: user}`, no `message_type`), which the request schema (admin email / in-app messages only) does not describe",
    apply: (doc) => {
      const body = doc.paths["/messages"].post.requestBody.content["application/json"].schema
      const schema = body.$ref ? component(doc, body.$ref.split("/").pop()) : body
      const alternatives = schema.anyOf ?? schema.oneOf
      alternatives.push({
        title: "A message initiated by a user or lead.",
        properties: {
          from: {
            type: "object",
            description: "The user or lead sending the message.",
            properties: {
              type: { type: "string", enum: ["user", "lead", "contact"] },
              id: { type: "string", description: "The contact's id." }
            },
            required: ["type", "id"]
          },
          body: { type: "string", description: "The content of the message." },
          referer: { type: "string", description: "The URL the message was sent from." }
        },
        required: ["from", "body"]
      })
      const participant = {
        type: "object",
        properties: { type: { type: "string", enum: ["user", "lead", "contact"] }, id: { type: "string" } },
        required: ["type", "id"]
      }
      alternatives.push({
        title: "An admin-initiated group conversation (`message_type: conversation`).",
        properties: {
          message_type: { type: "string", enum: ["conversation"] },
          body: { type: "string", description: "The content of the message." },
          from: {
            type: "object",
            properties: { type: { type: "string", enum: ["admin"] }, id: { type: "string" } },
            required: ["type", "id"]
          },
          to: { oneOf: [participant, { type: "array", items: participant }] },
          cc: { type: "array", items: participant },
          bcc: { type: "array", items: participant }
        },
        required: ["message_type", "body", "from", "to"]
      })
    }
  },
  {
    spec: "all",
    why:
      "contact replies: message_type is only `comment` and body is required in the spec; the spec's conversations.reply example `contact_quick_reply_reply` sends `quick_reply` with `reply_options` and no body",
    apply: (doc) => {
      const reply = component(doc, "contact_reply_base_request")
      const messageType = property(reply, "message_type")
      if (Array.isArray(messageType.enum) && !messageType.enum.includes("quick_reply")) {
        messageType.enum.push("quick_reply")
      }
      // A quick reply answers with `reply_options` and no `body`.
      reply.required = (reply.required ?? []).filter((key: string) => key !== "body")
    }
  }
]

const responsePatches: ReadonlyArray<Patch> = [
  {
    spec: "all",
    why:
      "contacts.list_attached_companies: the schema lists the companies under `companies`, the spec's own example (and the API) under `data`: accept both",
    apply: (doc) => {
      const schema = component(doc, "contact_attached_companies")
      schema.properties.data = { ...schema.properties.companies }
    }
  },
  {
    // 2.15 and 2.16 still list them under `ticket_type_attributes` (the Preview's overlay already accepts both)
    spec: "2.14+",
    why:
      "ticket_type_attribute_list: the schema lists the attributes under `ticket_type_attributes`, the API under `data`: accept both",
    apply: (doc) => {
      const schema = component(doc, "ticket_type_attribute_list")
      schema.properties.data = { ...schema.properties.ticket_type_attributes }
    }
  },
  {
    // 2.15 and 2.16 still say `data_event_summary`
    spec: "2.14+",
    why:
      "GET /events answers a `data_event_list` (`event.list`); the spec says `data_event_summary`, which is the answer only with `summary=true`",
    apply: (doc) => {
      const content = doc.paths["/events"].get.responses["200"].content["application/json"]
      content.schema = {
        oneOf: [{ $ref: "#/components/schemas/data_event_list" }, { $ref: "#/components/schemas/data_event_summary" }]
      }
    }
  },
  {
    spec: "all",
    why:
      "POST /conversations/{id}/customers and DELETE /conversations/{id}/customers/{contact_id}: the schema says `conversation`, the spec's own examples answer the conversation's participants alone (`{customers: [{type, id}]}`, no conversation id): accept both, so a conversation keeps its required `id` (rule R4)",
    apply: (doc) => {
      for (
        const [paths, method] of [
          // the Preview names the attach path's parameter `id`
          [["/conversations/{conversation_id}/customers", "/conversations/{id}/customers"], "post"],
          [["/conversations/{conversation_id}/customers/{contact_id}"], "delete"]
        ] as const
      ) {
        const path = paths.find((p) => doc.paths[p] !== undefined)
        if (path === undefined) throw new Error(`patches: no path ${paths.join(" or ")}`)
        const content = doc.paths[path][method].responses["200"].content["application/json"]
        const declared = content.schema
        content.schema = {
          oneOf: [
            declared,
            {
              type: "object",
              title: "Conversation participants",
              description: "The contacts taking part in the conversation.",
              properties: {
                customers: {
                  type: "array",
                  description: "The contacts of the conversation.",
                  items: { $ref: "#/components/schemas/contact_reference" }
                }
              },
              required: ["customers"]
            }
          ]
        }
      }
    }
  }
]

/**
 * The spelling of the in-app message type in `POST /messages`. The evidence is
 * split, so both spellings are accepted and sent as given:
 * - `in_app`: the request schema's enum and description in 2.14, 2.15, 2.16
 *   and the Preview ("Values: `in_app` or `email`");
 * - `inapp`: every request example of `POST /messages` in 2.14 and the
 *   Preview (`message_type: inapp`, with recorded ids), the title of the
 *   2.14 in-app alternative ("message_type: `inapp`."), the official SDKs'
 *   overlay (`CreateMessageRequestWithInapp`, `enum: [inapp]`, what
 *   intercom-client 7 sends), and the `message` that every response returns
 *   (`message_type: inapp`).
 * So the Preview's `in_app` gains `inapp`, and the 2.14 overlay's `inapp`
 * gains `in_app`.
 */
const inAppSpelling: Patch = {
  spec: "all",
  why: "POST /messages: the in-app message type is `in_app` in the schema and `inapp` in the examples and the SDK",
  apply: (doc) => {
    let patched = 0
    const walk = (node: Node): void => {
      if (!node || typeof node !== "object") return
      if (Array.isArray(node)) return node.forEach(walk)
      const enumOf: unknown = node.properties?.message_type?.enum
      if (Array.isArray(enumOf)) {
        const has = (v: string) => enumOf.includes(v)
        if (has("in_app") && !has("inapp")) enumOf.splice(enumOf.indexOf("in_app") + 1, 0, "inapp")
        else if (has("inapp") && !has("in_app")) enumOf.splice(enumOf.indexOf("inapp") + 1, 0, "in_app")
        if (has("inapp")) patched++
      }
      for (const value of Object.values(node)) walk(value)
    }
    walk(component(doc, "create_message_request"))
    if (patched === 0) throw new Error("patches: no in-app message_type in create_message_request")
  }
}

/**
 * `GET /download/content/data/{job_identifier}` (the content data export):
 * its description says "You will have to specify the header Accept:
 * `application/octet-stream` when hitting this endpoint", in both specs, but
 * only the reporting-data download declares that header as a parameter.
 * Declare it here too, so the generator sends it (`Operation.headers`).
 */
const octetStreamAccept: Patch = {
  spec: "all",
  why:
    "the content data download requires `Accept: application/octet-stream` (its description) but does not declare it",
  apply: (doc) => {
    const op = doc.paths?.["/download/content/data/{job_identifier}"]?.get
    if (!op) throw new Error("patches: no GET /download/content/data/{job_identifier}")
    if (!String(op.description).includes("Accept: `application/octet-stream`")) {
      throw new Error("patches: the content data download no longer asks for the octet-stream Accept header")
    }
    op.parameters = [
      ...(op.parameters ?? []),
      {
        name: "Accept",
        in: "header",
        required: true,
        description: "Required header for downloading the export file (the operation's description)",
        schema: { type: "string", enum: ["application/octet-stream"] }
      }
    ]
  }
}

const messagePatches: ReadonlyArray<Patch> = [
  inAppSpelling,
  {
    // 2.16 has the same WhatsApp example (`admin_whatsapp_message_created`) and schema; 2.15 has no such example
    spec: ["preview", "2.16"],
    why:
      "Preview POST /messages: recipients are `{type, id}` in the spec; its own WhatsApp example sends `to: {phone, name}` (a phone number, as a number)",
    apply: (doc) => {
      const schema = component(doc, "create_message_request")
      // After the sibling-properties fold, every alternative shares one base member holding the properties.
      const base = (schema.anyOf ?? schema.oneOf)[0].allOf[0]
      const to = base.properties.to
      to.oneOf = [
        ...to.oneOf,
        {
          type: "object",
          description: "A WhatsApp recipient, by phone number.",
          properties: {
            phone: { oneOf: [{ type: "string" }, { type: "integer" }] },
            name: { type: "string" }
          },
          required: ["phone"]
        }
      ]
    }
  }
]

const ticketPatches: ReadonlyArray<Patch> = [
  {
    // 2.14, 2.15 and the Preview have no example with this shape: R3's lenient decode covers 2.14 pinned to an
    // older version; a 2.16 descriptor is decoded strict with 2.16's schemas, so 2.16's own example decides
    spec: ["2.16"],
    why:
      "ticket.ticket_state is a `ticket_state` object in the schema; 2.16's own `POST /tickets/{ticket_id}/change_type` example answers `ticket_state: \"submitted\"` (the shape of the versions before 2.14, R3's evidence): accept both",
    apply: (doc) => {
      const ticket = component(doc, "ticket")
      const state = property(ticket, "ticket_state")
      if (state.$ref !== "#/components/schemas/ticket_state") throw new Error("patches: ticket.ticket_state moved")
      ticket.properties.ticket_state = {
        oneOf: [state, { type: "string", description: "The state's category, as versions before 2.14 send it." }]
      }
    }
  },
  {
    // an overlay's deletion: 2.15 and 2.16 (no overlay) keep `ticket_attributes`
    spec: "2.14",
    why:
      "create_ticket_request: `overrides-2.14.yml` deletes `ticket_attributes` (for the SDK generator's sake), but it is how a ticket gets its title and attributes (the spec's examples send it): restore it",
    apply: (doc) => {
      const schema = component(doc, "create_ticket_request")
      schema.properties.ticket_attributes ??= { $ref: "#/components/schemas/ticket_request_custom_attributes" }
    }
  }
]

const searchPatches: ReadonlyArray<Patch> = [
  {
    // an overlay's cut: 2.15 and 2.16 (no overlay) list all ten
    spec: "preview",
    why:
      "single_filter_search_request.operator: `overrides-preview.yml` cuts the enum to `= != IN NIN < >`; the Preview description itself lists all ten (`~ !~ ^ $` too), as do the Accepted Operators tables of its search operations and 2.14",
    apply: (doc) => {
      const operator = property(component(doc, "single_filter_search_request"), "operator")
      const all = ["=", "!=", "IN", "NIN", "<", ">", "~", "!~", "^", "$"]
      if (!Array.isArray(operator.enum)) throw new Error("patches: single_filter_search_request.operator has no enum")
      for (const op of all) if (!operator.enum.includes(op)) operator.enum.push(op)
    }
  },
  {
    spec: "all",
    why:
      "multiple_filter_search_request.value is either all groups or all filters in the spec; Intercom accepts a filter beside a nested group (`{AND: [filter, {OR: [...]}]}`)",
    apply: (doc) => {
      const value = property(component(doc, "multiple_filter_search_request"), "value")
      const description = value.description
      for (const key of Object.keys(value)) delete value[key]
      Object.assign(value, {
        ...(description ? { description } : {}),
        type: "array",
        items: {
          oneOf: [
            { $ref: "#/components/schemas/single_filter_search_request" },
            { $ref: "#/components/schemas/multiple_filter_search_request" }
          ]
        }
      })
    }
  }
]

export const patches: ReadonlyArray<Patch> = [
  ...responsePatches,
  ...ticketPatches,
  ...messagePatches,
  octetStreamAccept,
  ...searchPatches,
  resolveFernTypeNames,
  ...anyJsonValuePatches,
  ...requestPatches
]

export const applyPatches = (spec: SpecName, doc: Node): Node => {
  for (const patch of patches) {
    const applies = patch.spec === "all"
      ? true
      : patch.spec === "both"
      ? spec === "2.14" || spec === "preview"
      : patch.spec === "2.14+"
      ? spec !== "preview"
      : typeof patch.spec === "string"
      ? patch.spec === spec
      : patch.spec.includes(spec)
    if (applies) patch.apply(doc)
  }
  return doc
}
