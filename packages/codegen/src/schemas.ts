/**
 * JSON Schema (OpenAPI 3.0) to Effect Schema: one converter, two flavours.
 *
 * - `tolerant` (responses): every property is optional and accepts `null`,
 *   except a required `id`; enums accept values added later (typed as the
 *   known literals or any string); unknown fields are preserved at run time by
 *   the decoder's `onExcessProperty: "preserve"`.
 * - `strict` (requests): required properties are required, enums are closed,
 *   so bad input fails before anything is sent.
 *
 * Wire and type are the same shape (no transformations), so every schema is a
 * `Schema.Schema<A>` with `A` the emitted interface.
 */
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
    const members = dedupe(alternatives.map((m: Node) => convert(ctx, m)))
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
      return { code: "Schema.Number", type: "number", nullable: false, objectLike: false }
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
  const base = numeric || s.type === "integer" || s.type === "number"
    ? "Schema.Number"
    : s.type === "boolean"
    ? "Schema.Boolean"
    : "Schema.String"
  const baseType = base === "Schema.Number" ? "number" : base === "Schema.Boolean" ? "boolean" : "string"
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
    let value = convert(ctx, prop)
    const k = propertyKey(key)
    const doc = docText(description(prop))
    const docLine = doc === "" ? "" : `/** ${doc.replace(/\n+/g, " ")} */\n  `
    if (ctx.flavour === "strict") {
      if (isIdKey(key) && (value.code === "Schema.String" || value.code === "Schema.Number")) {
        // Ids are numeric strings: input may give them as strings or numbers (the spec's own
        // request examples send `admin_id: 991267583` where it declares a string), sent as given.
        value = {
          code: "Schema.Union(Schema.String, Schema.Number)",
          type: "string | number",
          nullable: false,
          objectLike: false
        }
      }
      if (required.has(key)) {
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
