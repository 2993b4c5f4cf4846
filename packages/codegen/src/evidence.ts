/**
 * Evidence from the spec's own examples: every 2xx response example, walked
 * along its response schema, attributed to the component schemas it passes
 * through. Rule R4 (`generate.ts`) reads it: a component every example
 * instance of which carries a non-null `id` gets a required `id`.
 *
 * Where a `oneOf` / `anyOf` could hold the value, it counts as an instance
 * of the alternatives it fits best: those of the right JSON type, whose `type`
 * enum (if any) has the value's `type`, and which declare the most of the
 * value's keys; every one of them on a tie (all of them when none declares
 * any). So `{customers: [...]}` is not a `conversation` (which declares no
 * `customers`), and a value that may be either of two components is charged
 * to both: an `id` missing where a component might be keeps its `id`
 * optional.
 */
import { mergeAllOf } from "./schemas.js"
import { type Node, resolveRef } from "./spec.js"

export interface Instances {
  /** Example values that are (or may be) instances of the component. */
  readonly count: number
  /** Of them, those without an `id` or with `id: null`, as `operation status example: path`. */
  readonly withoutId: ReadonlyArray<string>
}

const componentName = (ref: string): string | undefined =>
  ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** The examples of a media type object: its named `examples` (resolved), else its `example`. */
export const mediaExamples = (doc: Node, media: Node): Array<{ name: string; value: unknown }> => {
  const out: Array<{ name: string; value: unknown }> = []
  const named = Object.entries<Node>(media?.examples ?? {})
  for (const [name, ex] of named) {
    const resolved = resolveRef(doc, ex)
    if (resolved && "value" in resolved) out.push({ name, value: resolved.value })
  }
  if (named.length === 0 && media?.example !== undefined) out.push({ name: "example", value: media.example })
  return out
}

/** The 2xx JSON examples of an operation, with a label each. */
const responseExamples = (doc: Node, op: Node): Array<{ label: string; schema: Node; value: unknown }> => {
  const out: Array<{ label: string; schema: Node; value: unknown }> = []
  for (const [status, r] of Object.entries<Node>(op.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue
    const media = resolveRef(doc, r)?.content?.["application/json"]
    if (!media?.schema) continue
    const label = `${op.operationId ?? "?"} ${status}`
    for (const { name, value } of mediaExamples(doc, media)) {
      out.push({ label: `${label} ${name}`, schema: media.schema, value })
    }
  }
  return out
}

/** The object view of a schema (allOf merged), or `undefined` when it is not an object schema. */
const objectView = (doc: Node, s: Node): Node | undefined => {
  const r = resolveRef(doc, s)
  if (!r || typeof r !== "object") return undefined
  if (Array.isArray(r.allOf)) return mergeAllOf(doc, r.allOf)
  if (r.properties || r.type === "object" || r.additionalProperties !== undefined) return r
  return undefined
}

/** Whether `value` may be an instance of the alternative `alt`. */
const plausible = (doc: Node, alt: Node, value: unknown): boolean => {
  const r = resolveRef(doc, alt)
  if (!r || typeof r !== "object") return true
  if (Array.isArray(r.oneOf ?? r.anyOf)) return true
  if (Array.isArray(value)) return r.type === "array"
  if (!isObject(value)) return r.type !== "object" && r.type !== "array" && !r.properties && !r.allOf
  const view = objectView(doc, r)
  if (view === undefined) return false
  const type = resolveRef(doc, view.properties?.type)
  if (Array.isArray(type?.enum) && typeof value.type === "string") return type.enum.includes(value.type)
  return true
}

/** How many of an object value's keys an alternative declares (`-1` for an alternative that is no object). */
const declared = (doc: Node, alt: Node, value: Record<string, unknown>): number => {
  const r = resolveRef(doc, alt)
  if (Array.isArray(r?.oneOf ?? r?.anyOf)) {
    return Math.max(0, ...(r.oneOf ?? r.anyOf).map((a: Node) => declared(doc, a, value)))
  }
  const view = objectView(doc, alt)
  if (view === undefined) return -1
  return Object.keys(value).filter((k) => view.properties?.[k] !== undefined).length
}

/** The alternatives of a `oneOf` / `anyOf` that `value` fits best. */
const bestFits = (doc: Node, alternatives: ReadonlyArray<Node>, value: unknown): ReadonlyArray<Node> => {
  const candidates = alternatives.filter((alt) => plausible(doc, alt, value))
  if (!isObject(value) || candidates.length < 2) return candidates
  const scores = candidates.map((alt) => declared(doc, alt, value))
  const best = Math.max(...scores)
  return best <= 0 ? candidates : candidates.filter((_, i) => scores[i] === best)
}

/** Instances of each component in the 2xx response examples of `doc`. */
export const exampleInstances = (doc: Node): Map<string, Instances> => {
  const counts = new Map<string, { count: number; withoutId: Array<string> }>()
  const record = (name: string, value: unknown, where: string) => {
    if (!isObject(value)) return
    let c = counts.get(name)
    if (c === undefined) counts.set(name, c = { count: 0, withoutId: [] })
    c.count++
    if (value.id === undefined || value.id === null) c.withoutId.push(where)
  }
  // (schema node, value) pairs already walked: a ref cycle on the same value stops
  const seen = new WeakMap<object, Set<Node>>()
  const walk = (s: Node, value: unknown, where: string, depth: number): void => {
    if (value === undefined || depth > 64 || !s || typeof s !== "object") return
    if (typeof value === "object" && value !== null) {
      let schemas = seen.get(value)
      if (schemas === undefined) seen.set(value, schemas = new Set())
      if (schemas.has(s)) return
      schemas.add(s)
    }
    if (typeof s.$ref === "string") {
      const name = componentName(s.$ref)
      if (name !== undefined) record(name, value, where)
      walk(resolveRef(doc, s), value, where, depth + 1)
      return
    }
    if (Array.isArray(s.allOf)) {
      for (const m of s.allOf) walk(m, value, where, depth + 1)
    }
    const alternatives: Array<Node> | undefined = s.oneOf ?? s.anyOf
    if (Array.isArray(alternatives)) {
      for (const alt of bestFits(doc, alternatives, value)) walk(alt, value, where, depth + 1)
    }
    if (Array.isArray(value)) {
      if (s.items) value.forEach((item, i) => walk(s.items, item, `${where}[${i}]`, depth + 1))
      return
    }
    if (!isObject(value)) return
    const properties: Record<string, Node> = s.properties ?? {}
    for (const [key, child] of Object.entries(value)) {
      const prop = properties[key] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined)
      if (prop !== undefined) walk(prop, child, `${where}.${key}`, depth + 1)
    }
  }
  for (const item of Object.values<Node>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Node>(item ?? {})) {
      if (!["get", "post", "put", "patch", "delete"].includes(method) || !op) continue
      for (const example of responseExamples(doc, op)) walk(example.schema, example.value, `${example.label}: $`, 0)
    }
  }
  return counts
}
