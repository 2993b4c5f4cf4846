/**
 * JSON Schema (OpenAPI 3.0) to Effect Schema: one converter, two flavours.
 *
 * - `tolerant` (responses): every property is optional and accepts `null`,
 *   except a resource's `id` (rule R4 in `generate.ts`); enums accept values
 *   added later (typed as the known literals or any string); unknown fields
 *   are preserved at run time by the decoder's `onExcessProperty: "preserve"`;
 *   ids and counters sent in another JSON type than declared decode to the
 *   declared one (rules R1 and R2 below, the coercions of
 *   `packages/client/src/internal/tolerant.ts`).
 * - `strict` (requests): required properties are required, enums are closed,
 *   numbers are finite (rule R5), so bad input fails before anything is sent;
 *   a string whose values the spec gives only in words is typed as those
 *   values or any string (rule R6, `described.ts`).
 *
 * Apart from the two coercions, wire and type are the same shape, and a
 * coercion decodes to the declared type, so every schema is a
 * `Schema.Schema<A>` with `A` the emitted interface.
 */
import { knownValues, openLiterals } from "./described.js"
import { docText, propertyKey } from "./naming.js"
import { type Node, resolveRef } from "./spec.js"

export type Flavour = "strict" | "tolerant"

export interface Emitted {
  /** Effect Schema expression. */
  readonly code: string
  /** TypeScript type expression. */
  readonly type: string
  /** Whether `null` is already part of it. */
  readonly nullable: boolean
  /** Whether it is a plain object (struct) type, so an interface can be emitted. */
  readonly objectLike: boolean
}

export interface Context {
  readonly doc: Node
  readonly flavour: Flavour
  /**
   * Whether a required property that allows one value is optional here (the
   * client fills it in, `constants.ts`): in request bodies, outside unions.
   */
  readonly fillConstants?: boolean | undefined
  /**
   * Whose properties these are: a component's name, or `METHOD /path` for an
   * operation's inline body (the names of R6's evidence, `described.ts`).
   */
  readonly owner?: string | undefined
  /** Reference to a component schema: returns the expressions and records imports. */
  readonly ref: (component: string, flavour: Flavour) => { readonly code: string; readonly type: string }
}

const nullOr = (e: Emitted): Emitted =>
  e.nullable
    ? e
    : { code: `Schema.NullOr(${e.code})`, type: `${wrapType(e.type)} | null`, nullable: true, objectLike: false }

const wrapType = (t: string): string => (/^[\w.<>[\]]+$/.test(t) || t.startsWith("{") ? t : `(${t})`)

const componentName = (ref: string): string | undefined =>
  ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined

const literal = (v: unknown): string => JSON.stringify(v)

/** Merge the members of an `allOf` into one object schema. */
export const mergeAllOf = (doc: Node, members: ReadonlyArray<Node>): Node => {
  const properties: Record<string, Node> = {}
  const required = new Set<string>()
  let additionalProperties: Node = undefined
  let description: string | undefined
  for (const m of members) {
    const r = resolveRef(doc, m)
    const s = r?.allOf ? mergeAllOf(doc, r.allOf) : r
    if (!s || typeof s !== "object") continue
    Object.assign(properties, s.properties ?? {})
    for (const k of s.required ?? []) required.add(k)
    if (s.additionalProperties !== undefined) additionalProperties = s.additionalProperties
    description ??= s.description
  }
  return {
    type: "object",
    properties,
    required: [...required],
    ...(additionalProperties !== undefined ? { additionalProperties } : {}),
    ...(description !== undefined ? { description } : {})
  }
}

/** The one value a property allows, if it allows one (`enum: [x]` or `const`). */
export const singleValue = (doc: Node, property: Node): { readonly value: unknown } | undefined => {
  const r = resolveRef(doc, property)
  if (!r || typeof r !== "object") return undefined
  if (r.const !== undefined) return { value: r.const }
  if (Array.isArray(r.enum) && r.enum.length === 1 && r.enum[0] !== null && r.nullable !== true) {
    return { value: r.enum[0] }
  }
  return undefined
}

const isNullable = (s: Node): boolean => s?.nullable === true || (Array.isArray(s?.enum) && s.enum.includes(null))

/** A schema that is never `null` (a response body): a reference to a nullable component is the component. */
export const convertNonNull = (ctx: Context, schema: Node): Emitted => {
  const name = typeof schema?.$ref === "string" ? componentName(schema.$ref) : undefined
  if (name !== undefined) {
    const r = ctx.ref(name, ctx.flavour)
    return { code: r.code, type: r.type, nullable: false, objectLike: false }
  }
  return convertComponent(ctx, schema)
}

/** A component's own schema: its `nullable` is left to the places that refer to it. */
export const convertComponent = (ctx: Context, schema: Node): Emitted =>
  convertCore(
    ctx,
    isNullable(schema) ? { ...schema, nullable: false, enum: schema.enum?.filter((v: unknown) => v !== null) } : schema
  )

export const convert = (ctx: Context, schema: Node): Emitted => {
  const e = convertCore(ctx, schema)
  return isNullable(schema) ? nullOr(e) : e
}

const convertCore = (ctx: Context, s: Node): Emitted => {
  if (s === undefined || s === null || s === true || (typeof s === "object" && Object.keys(s).length === 0)) {
    return { code: "Schema.Unknown", type: "unknown", nullable: false, objectLike: false }
  }
  if (typeof s.$ref === "string") {
    const name = componentName(s.$ref)
    if (name === undefined) return convertCore(ctx, resolveRef(ctx.doc, s))
    const r = ctx.ref(name, ctx.flavour)
    const e: Emitted = { code: r.code, type: r.type, nullable: false, objectLike: false }
    // Component schemas are emitted without their own `nullable`; it applies where they are referred to.
    return isNullable(ctx.doc.components?.schemas?.[name]) ? nullOr(e) : e
  }
  if (Array.isArray(s.allOf)) {
    if (s.allOf.length === 1) return convert(ctx, s.allOf[0])
    // allOf [A, oneOf [X, Y]] is oneOf [allOf [A, X], allOf [A, Y]]
    const members: Array<Node> = s.allOf
    const index = members.findIndex((m) => {
      const r = resolveRef(ctx.doc, m)
      return Array.isArray(r?.oneOf ?? r?.anyOf)
    })
    if (index >= 0) {
      const r = resolveRef(ctx.doc, members[index])
      const others = members.filter((_, i) => i !== index)
      return convertCore(ctx, { oneOf: (r.oneOf ?? r.anyOf).map((alt: Node) => ({ allOf: [...others, alt] })) })
    }
    return convertObject(ctx, mergeAllOf(ctx.doc, s.allOf))
  }
  const alternatives = s.oneOf ?? s.anyOf
  if (Array.isArray(alternatives)) {
    const inUnion: Context = ctx.fillConstants === true ? { ...ctx, fillConstants: false } : ctx
    const members = dedupe(alternatives.map((m: Node) => convert(inUnion, m)))
    if (members.length === 1) return members[0]
    return {
      code: `Schema.Union(${members.map((m) => m.code).join(", ")})`,
      type: members.map((m) => wrapType(m.type)).join(" | "),
      nullable: members.some((m) => m.nullable),
      objectLike: false
    }
  }
  if (Array.isArray(s.enum)) return convertEnum(ctx, s)
  switch (s.type) {
    case "string":
      return { code: "Schema.String", type: "string", nullable: false, objectLike: false }
    case "integer":
    case "number":
      // R5: a request never carries NaN or ±Infinity (`JSON.stringify` would send `null`): the strict flavour
      // rejects them with the input's JSON path before anything is sent. A parsed response cannot hold them.
      return {
        code: ctx.flavour === "strict" ? "Schema.Finite" : "Schema.Number",
        type: "number",
        nullable: false,
        objectLike: false
      }
    case "boolean":
      return { code: "Schema.Boolean", type: "boolean", nullable: false, objectLike: false }
    case "array": {
      const item = convert(ctx, s.items)
      return {
        code: `Schema.Array(${item.code})`,
        type: `ReadonlyArray<${item.type}>`,
        nullable: false,
        objectLike: false
      }
    }
    case "object":
    case undefined:
      if (s.properties || s.additionalProperties !== undefined || s.type === "object") return convertObject(ctx, s)
      return { code: "Schema.Unknown", type: "unknown", nullable: false, objectLike: false }
    default:
      return { code: "Schema.Unknown", type: "unknown", nullable: false, objectLike: false }
  }
}

const dedupe = (members: ReadonlyArray<Emitted>): Array<Emitted> => {
  const seen = new Set<string>()
  return members.filter((m) => (seen.has(m.code) ? false : (seen.add(m.code), true)))
}

const convertEnum = (ctx: Context, s: Node): Emitted => {
  const values: Array<unknown> = s.enum.filter((v: unknown) => v !== null)
  const numeric = values.every((v) => typeof v === "number")
  const isNumeric = numeric || s.type === "integer" || s.type === "number"
  const base = isNumeric
    ? ctx.flavour === "strict" ? "Schema.Finite" : "Schema.Number"
    : s.type === "boolean"
    ? "Schema.Boolean"
    : "Schema.String"
  const baseType = isNumeric ? "number" : base === "Schema.Boolean" ? "boolean" : "string"
  if (values.length === 0) return { code: base, type: baseType, nullable: false, objectLike: false }
  if (ctx.flavour === "strict") {
    return {
      code: `Schema.Literal(${values.map(literal).join(", ")})`,
      type: values.map(literal).join(" | "),
      nullable: false,
      objectLike: false
    }
  }
  // Tolerant: values added after the spec was written still decode; the type
  // keeps the known literals for autocompletion.
  return {
    code: base,
    type: baseType === "string" ? `${values.map(literal).join(" | ")} | (string & {})` : baseType,
    nullable: false,
    objectLike: false
  }
}

const convertObject = (ctx: Context, s: Node): Emitted => {
  const properties: Record<string, Node> = s.properties ?? {}
  const required = new Set<string>(s.required ?? [])
  const keys = Object.keys(properties)
  const extra = s.additionalProperties
  if (keys.length === 0) {
    const value = extra && typeof extra === "object" && Object.keys(extra).length > 0
      ? convert(ctx, extra)
      : { code: "Schema.Unknown", type: "unknown" }
    return {
      code: `Schema.Record({ key: Schema.String, value: ${value.code} })`,
      type: `{ readonly [key: string]: ${value.type} }`,
      nullable: false,
      objectLike: false
    }
  }
  const fields: Array<string> = []
  const members: Array<string> = []
  for (const key of keys) {
    const prop = properties[key]
    let value = (ctx.flavour === "tolerant" ? coerced(key, prop) : undefined) ?? convert(ctx, prop)
    const k = propertyKey(key)
    const doc = docText(description(prop))
    const docLine = doc === "" ? "" : `/** ${doc.replace(/\n+/g, " ")} */\n  `
    if (ctx.flavour === "strict") {
      const known = knownValues(ctx.owner, key, prop)
      if (known !== undefined) {
        // R6 (`described.ts`): the values the spec gives in words, or any string; still `Schema.String`.
        const type = openLiterals(known)
        value = { ...value, type: value.nullable ? `(${type}) | null` : type }
      } else if (isIdKey(key) && (value.code === "Schema.String" || value.code === "Schema.Finite")) {
        // Ids are numeric strings: input may give them as strings or numbers (the spec's own
        // request examples send `admin_id: 991267583` where it declares a string), sent as given;
        // a number must be finite (R5).
        value = {
          code: "Schema.Union(Schema.String, Schema.Finite)",
          type: "string | number",
          nullable: false,
          objectLike: false
        }
      }
      const constant = required.has(key) && ctx.fillConstants === true ? singleValue(ctx.doc, prop) : undefined
      if (constant !== undefined) {
        const note = `Filled in by the client when left out: the only value is \`${literal(constant.value)}\`.`
        fields.push(`${k}: Schema.optional(${value.code})`)
        const text = doc.replace(/\n+/g, " ")
        members.push(
          `/** ${
            text === "" ? note : `${text}${/[.!?]$/.test(text) ? "" : "."} ${note}`
          } */\n  readonly ${k}?: ${value.type} | undefined`
        )
      } else if (required.has(key)) {
        fields.push(`${k}: ${value.code}`)
        members.push(`${docLine}readonly ${k}: ${value.type}`)
      } else {
        fields.push(`${k}: Schema.optional(${value.code})`)
        members.push(`${docLine}readonly ${k}?: ${value.type} | undefined`)
      }
    } else if (required.has(key) && key === "id") {
      fields.push(`${k}: ${value.code}`)
      members.push(`${docLine}readonly ${k}: ${value.type}`)
    } else {
      const nv = nullOr(value)
      fields.push(`${k}: Schema.optionalWith(${nv.code}, { exact: true })`)
      members.push(`${docLine}readonly ${k}?: ${nv.type}`)
    }
  }
  const open = extra === true || (extra && typeof extra === "object")
  if (open) members.push("readonly [key: string]: unknown")
  const code = open
    ? `Schema.Struct({ ${fields.join(", ")} }, Schema.Record({ key: Schema.String, value: Schema.Unknown }))`
    : `Schema.Struct({ ${fields.join(", ")} })`
  return { code, type: `{\n  ${members.join("\n  ")}\n}`, nullable: false, objectLike: true }
}

const isIdKey = (key: string): boolean => key === "id" || key.endsWith("_id")

/** The coercion of a scalar the spec declares a string or a number (not an enum, not a composition). */
const coercionOf = (s: Node): Emitted | undefined => {
  if (!s || typeof s !== "object" || s.$ref !== undefined || Array.isArray(s.enum)) return undefined
  if (s.oneOf !== undefined || s.anyOf !== undefined || s.allOf !== undefined) return undefined
  const core: Emitted | undefined = s.type === "string"
    ? { code: "Tolerant.IdString", type: "string", nullable: false, objectLike: false }
    : s.type === "integer" || s.type === "number"
    ? { code: "Tolerant.NumberFromNumeric", type: "number", nullable: false, objectLike: false }
    : undefined
  return core === undefined ? undefined : isNullable(s) ? nullOr(core) : core
}

/**
 * The pagination counters of rule R2: the page numbers and totals of `pages`
 * (and the `total_count` of every list).
 */
const COUNTERS: ReadonlySet<string> = new Set(["page", "per_page", "total_pages", "total_count"])

/**
 * The tolerant flavour's coercions: a property the rules below say Intercom
 * may send in another JSON type than declared, decoded to the declared type.
 * The TypeScript type is the spec's.
 *
 * R1, ids: a property named `id` or `*_id`, or an item of an array named
 * `*_ids`, declared a string or an integer/number, comes back as either. A
 * string-declared id sent as a finite number decodes to its string, an
 * integer-declared id sent as a numeric string to its number. Evidence:
 * - recorded responses (API 2.9–2.15): a conversation closed by a teammate
 *   has `statistics.last_closed_by_id: 10553731` (a number) beside the admin's
 *   `id: "10553731"`; a conversation assigned to a team has a numeric
 *   `team_assignee_id`;
 * - the versions disagree with each other: 2.14 declares
 *   `conversation.team_assignee_id`, `ticket.admin_assignee_id` and
 *   `ticket.team_assignee_id` strings, 2.15 / 2.16 integers (and their examples
 *   send `team_assignee_id: 5017691`, `admin_assignee_id: 0`); 2.14 declares
 *   `contact.owner_id` an integer, 2.16 a string;
 * - the spec's own examples: `admins.away` answers
 *   `away_status_reason_id: "12345"` (declared an integer), `conversations.find`
 *   a conversation part with `id: 1` (declared a string), `GET /messages/status`
 *   `ruleset_id: 12345` (declared a string). These were three patches of the
 *   patch layer; the rule replaces them.
 *
 * R2, pagination counters: `page`, `per_page`, `total_pages` and
 * `total_count` declared an integer/number accept a numeric string and decode
 * to the number. Evidence: `GET /conversations?per_page=100` answers
 * `pages.per_page: "100"` (a recorded response): the API echoes the query
 * parameter as it was sent.
 *
 * Numeric strings are the JSON number grammar (`"100"`, not `" 100"`, `"0x64"`
 * or `"1e999"`); numbers are finite.
 *
 * Not rules, for want of evidence: a check of every 2xx example of both specs
 * (and of 2.15 and 2.16) and of every response of the fake against the spec
 * with strict types finds ids in the other JSON type (the cases above) and,
 * besides, only what the flavour tolerates anyway (`null` where the spec says
 * nothing of it, required fields left out, enum values it does not list). No
 * timestamp as an ISO string, no boolean as `"true"`, no other number as a
 * string, no float in an integer: accepting those would let wrong data
 * through unseen.
 */
const coerced = (key: string, prop: Node): Emitted | undefined => {
  if (isIdKey(key) || COUNTERS.has(key)) {
    const e = coercionOf(prop)
    // R2 is for numbers only: a string counter stays a string.
    if (e !== undefined && (isIdKey(key) || e.type.startsWith("number"))) return e
    return undefined
  }
  if (key.endsWith("_ids") && prop?.type === "array" && !Array.isArray(prop.enum)) {
    const item = coercionOf(prop.items)
    if (item === undefined) return undefined
    const array: Emitted = {
      code: `Schema.Array(${item.code})`,
      type: `ReadonlyArray<${item.type}>`,
      nullable: false,
      objectLike: false
    }
    return isNullable(prop) ? nullOr(array) : array
  }
  return undefined
}

const description = (prop: Node): string | undefined =>
  typeof prop?.description === "string" ? prop.description : undefined

/** The component names a schema refers to (not following them). */
export const refsOf = (s: Node, out: Set<string> = new Set()): Set<string> => {
  if (!s || typeof s !== "object") return out
  if (Array.isArray(s)) {
    for (const x of s) refsOf(x, out)
    return out
  }
  if (typeof s.$ref === "string") {
    const name = componentName(s.$ref)
    if (name !== undefined) out.add(name)
  }
  for (const [k, v] of Object.entries(s)) if (k !== "example" && k !== "examples") refsOf(v, out)
  return out
}
