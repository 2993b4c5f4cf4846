/**
 * The APIs a request to the fake can ask for besides 2.14, by its
 * `Intercom-Version` header: the Preview (`Unstable`, `preview.ts`) and the
 * later versions (`2.15`, `2.16`, `versions.ts`). Each has the client's
 * descriptors of its operations; a request asking for one is served by that
 * API's operation on the endpoint (validated with its input schema, logged
 * under its name), a request with any other version (2.14, older ones) by the
 * 2.14 route.
 */
import type * as Operation from "@effect-intercom/client/Operation"
import { operations as v2_15 } from "@effect-intercom/client/v2.15/operations"
import { operations as v2_16 } from "@effect-intercom/client/v2.16/operations"
import * as Preview from "./preview.js"

type AnyOperation = Operation.Operation<any, any, any>

/** The key of an API: `unstable`, or a later version (`2.16`). */
export type Key = "unstable" | "2.15" | "2.16"

/** The client's operations of each API other than 2.14. */
export const operations: { readonly [K in Key]: ReadonlyArray<AnyOperation> } = {
  unstable: Preview.operations,
  "2.15": v2_15,
  "2.16": v2_16
}

/** The later versions the fake answers in their own shapes. */
export const versions: ReadonlyArray<Exclude<Key, "unstable">> = ["2.15", "2.16"]

/** The API a request asks for with its `Intercom-Version` header, unless it is 2.14 (or any other version). */
export const requested = (headers: Readonly<Record<string, string | undefined>>): Key | undefined => {
  const header = headers["intercom-version"]?.trim()
  if (header === undefined) return undefined
  if (header.toLowerCase() === "unstable") return "unstable"
  return (versions as ReadonlyArray<string>).includes(header) ? header as Key : undefined
}

/** How a 404 names an API. */
const label = (api: Key): string =>
  api === "unstable" ? "the Preview API (Intercom-Version: Unstable)" : `API ${api} (Intercom-Version: ${api})`

/** `/contacts/{id}` → a pattern matching `/contacts/abc`. */
const patternOf = (template: string): RegExp =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}/?$`)

const patterns = new Map<Key, ReadonlyArray<readonly [AnyOperation, RegExp]>>()

/** The number of `{param}`s of a template. */
const paramCount = (template: string): number => (template.match(/\{[^}]+\}/g) ?? []).length

/** The operation of an API a request is for (by method and path), when the client has one. */
export const match = (api: Key, method: string, pathname: string): AnyOperation | undefined => {
  let list = patterns.get(api)
  if (list === undefined) {
    list = operations[api].map((operation) => [operation, patternOf(operation.path)] as const)
    patterns.set(api, list)
  }
  let found: AnyOperation | undefined
  for (const [operation, pattern] of list) {
    if (operation.method !== method || !pattern.test(pathname)) continue
    // a literal segment beats a parameter (`/contacts/search` is not `/contacts/{id}`)
    if (found === undefined || paramCount(operation.path) < paramCount(found.path)) found = operation
  }
  return found
}

/** The message of the 404 for a request no route answers. */
export const noRouteMessage = (method: string, pathname: string, api: Key | undefined): string => {
  const base = `Resource Not Found: the fake Intercom has no route for ${method} ${pathname}`
  if (api === undefined) return base
  const operation = match(api, method, pathname)
  return operation === undefined
    ? `${base} in ${label(api)}`
    : `${base} in ${label(api)}: it does not implement ${operation.name}`
}
