/**
 * Constants the client fills in: a required request property whose schema
 * allows one value (`sync_behavior: "api"`, `locale: "en"`) is optional in
 * the input type, and the client sends the value when the input leaves it
 * out. The official SDKs do the same (intercom-client 7 sends
 * `{ ...request, sync_behavior: "api" }`).
 *
 * Not inside a union, at any depth: there a one-value property tells the
 * alternatives apart (`message_type: "close"`, `type: "admin"`), and the same
 * path may hold another constant in another alternative (`from.type` is
 * `"admin"` in an admin message and a contact's role in a contact's), so
 * filling it would pick an alternative for the user.
 *
 * `schemas.ts` makes such properties optional (`Context.fillConstants`);
 * `fills` lists where the request builder sets them. The two walk the same
 * structure with the same predicate, so a property is optional exactly where
 * it is filled.
 */
import { mergeAllOf, singleValue } from "./schemas.js"
import { type Node, resolveRef } from "./spec.js"

const componentName = (ref: unknown): string | undefined =>
  typeof ref === "string" && ref.startsWith("#/components/schemas/")
    ? ref.slice("#/components/schemas/".length)
    : undefined

/** Every component reachable from an alternative of a `oneOf` / `anyOf`. */
export const componentsInUnions = (doc: Node): ReadonlySet<string> => {
  const found = new Set<string>()
  const reach = (node: Node): void => {
    if (!node || typeof node !== "object") return
    if (Array.isArray(node)) return node.forEach(reach)
    const name = componentName(node.$ref)
    if (name !== undefined) {
      if (found.has(name)) return
      found.add(name)
      return reach(doc.components?.schemas?.[name])
    }
    for (const value of Object.values(node)) reach(value)
  }
  const scan = (node: Node, seen: Set<Node>): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) return node.forEach((n) => scan(n, seen))
    for (const alternatives of [node.oneOf, node.anyOf]) {
      if (Array.isArray(alternatives)) reach(alternatives)
    }
    for (const value of Object.values(node)) scan(value, seen)
  }
  const seen = new Set<Node>()
  scan(doc.components?.schemas, seen)
  scan(doc.paths, seen)
  return found
}

/** A path into the body (`"[]"`: every item of an array) and the value to set there when absent. */
export type Fill = readonly [path: ReadonlyArray<string>, value: unknown]

/** Where the constants of a request body go: the body's own and those of the objects it holds, outside unions. */
export const fills = (doc: Node, body: Node, inUnions: ReadonlySet<string>): Array<Fill> => {
  const out: Array<Fill> = []
  const walk = (node: Node, path: ReadonlyArray<string>, stack: ReadonlyArray<string>): void => {
    if (!node || typeof node !== "object") return
    const name = componentName(node.$ref)
    if (name !== undefined) {
      if (inUnions.has(name) || stack.includes(name)) return
      return walk(doc.components?.schemas?.[name], path, [...stack, name])
    }
    if (node.oneOf !== undefined || node.anyOf !== undefined) return
    if (Array.isArray(node.allOf)) {
      // as `schemas.ts` converts it: merged, unless a member is a union
      if (
        node.allOf.some((m: Node) => resolveRef(doc, m)?.oneOf !== undefined || resolveRef(doc, m)?.anyOf !== undefined)
      ) {
        return
      }
      return walk(node.allOf.length === 1 ? node.allOf[0] : mergeAllOf(doc, node.allOf), path, stack)
    }
    if (node.type === "array") return walk(node.items, [...path, "[]"], stack)
    const required = new Set<string>(node.required ?? [])
    for (const [key, property] of Object.entries<Node>(node.properties ?? {})) {
      const single = required.has(key) ? singleValue(doc, property) : undefined
      if (single !== undefined) out.push([[...path, key], single.value])
      else walk(property, [...path, key], stack)
    }
  }
  walk(body, [], [])
  return out
}
