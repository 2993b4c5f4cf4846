/**
 * Loading the Intercom API descriptions: the OpenAPI documents, their
 * overlays (the official SDKs' `overrides-*.yml`), our patch layer, and the
 * method table (`methods.tsv`) that names every SDK method.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import YAML from "yaml"
import { applyPatches } from "./patches.js"

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
// The OpenAPI documents are walked structurally; `any` keeps that walk readable.

export type Node = any

/**
 * The stable API versions after 2.14 that the client covers, each a
 * description `intercom-<version>.yaml` in the spec folder (no overlay, no SDK
 * names: `versions.ts` names their operations). Adding 2.17 is its file and one
 * line here.
 */
export const versions = ["2.15", "2.16"] as const

/** A version of `versions`. */
export type Version = (typeof versions)[number]

export type SpecName = "2.14" | "preview" | Version

export interface MethodRow {
  /** The SDK name, snake_case, as in the Python SDK: `unstable.help_center.list_all_collections`. */
  readonly sdkMethod: string
  readonly httpMethod: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  readonly path: string
  readonly spec: SpecName
  readonly operationId: string
  readonly pagination: "none" | "cursor" | "page" | "search" | "scroll"
  readonly paginatedItems: string
  readonly requestBody: "none" | "json"
  readonly response: "json" | "empty" | "binary" | "text" | "redirect"
}

export interface LoadedSpec {
  readonly name: SpecName
  readonly doc: Node
}

export interface Specs {
  readonly specDir: string
  readonly stable: LoadedSpec
  readonly preview: LoadedSpec
  /** The descriptions of `versions`, in that order. */
  readonly versions: ReadonlyArray<LoadedSpec>
  readonly methods: ReadonlyArray<MethodRow>
}

/** `../shared/spec` beside the repository root. */
export const defaultSpecDir = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/spec")

/**
 * Overlay semantics of the `overrides-*.yml` files: objects merge key by key,
 * `null` deletes the key, anything else replaces.
 */
export const overlay = (base: Node, over: Node): Node => {
  // An array replaces whatever was there; `null` properties inside it still mean "absent".
  if (Array.isArray(over)) {
    return over.map((item) => (item !== null && typeof item === "object" ? overlay(undefined, item) : item))
  }
  if (over === null || typeof over !== "object") return over
  if (base === null || typeof base !== "object" || Array.isArray(base)) base = {}
  const out: Record<string, Node> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key]
    else out[key] = overlay(out[key], value)
  }
  return out
}

const readYaml = (file: string): Node => YAML.parse(fs.readFileSync(file, "utf8"), { maxAliasCount: -1 })

/** The HTTP methods of an OpenAPI path item. */
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const

/**
 * OpenAPI lets a path item declare `parameters` for all its operations: copy
 * them into each operation (an operation's own parameter of the same name and
 * location wins), so an operation is self-contained.
 */
const inlinePathParameters = (doc: Node): Node => {
  for (const item of Object.values<Node>(doc.paths ?? {})) {
    const shared: Array<Node> = item?.parameters ?? []
    if (shared.length === 0) continue
    for (const method of HTTP_METHODS) {
      const op = item[method]
      if (!op) continue
      const own: Array<Node> = op.parameters ?? []
      const key = (p: Node) => `${p.in}:${p.name}:${p.$ref ?? ""}`
      const ownKeys = new Set(own.map(key))
      op.parameters = [...shared.filter((p) => !ownKeys.has(key(p))), ...own]
    }
    delete item.parameters
  }
  return doc
}

/**
 * A schema with `properties` beside `allOf` / `oneOf` / `anyOf` means "these
 * properties, and": rewrite it so the composition carries them (`allOf` gets
 * them as one more member; each `oneOf` / `anyOf` alternative is intersected
 * with them), so the converter never has to look beside a composition.
 */
const foldSiblingProperties = (node: Node): void => {
  if (!node || typeof node !== "object") return
  if (Array.isArray(node)) return node.forEach(foldSiblingProperties)
  for (const [key, value] of Object.entries(node)) {
    if (key !== "example" && key !== "examples") foldSiblingProperties(value)
  }
  const alternatives: Array<Node> | undefined = node.oneOf ?? node.anyOf
  if (!node.properties || (!node.allOf && !alternatives)) return
  const base: Node = { type: "object", properties: node.properties }
  if (Array.isArray(node.required)) base.required = node.required
  if (node.additionalProperties !== undefined) base.additionalProperties = node.additionalProperties
  delete node.properties
  delete node.required
  if (node.allOf) {
    node.allOf = [...node.allOf, base]
  } else {
    const key = node.oneOf ? "oneOf" : "anyOf"
    node[key] = alternatives!.map((alternative) => ({ allOf: [base, alternative] }))
  }
}

export const normalize = (doc: Node): Node => {
  inlinePathParameters(doc)
  foldSiblingProperties(doc.components?.schemas)
  foldSiblingProperties(doc.paths)
  return doc
}

/** A method and path with the names of the path parameters left out: `/contacts/{id}` is `/contacts/{contact_id}`. */
export const routeKey = (httpMethod: string, path: string): string =>
  `${httpMethod.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "{}")}`

const queryParameters = (op: Node): ReadonlyArray<Node> =>
  (op?.parameters ?? []).filter((p: Node) => p !== null && typeof p === "object" && p.in === "query")

/**
 * The query parameters an operation sends: its query parameters' names, and the keys of an exploded object
 * parameter (2.15's `filter` on `GET /events`: `user_id`, `intercom_user_id`, `email`), as `generate.ts` flattens it.
 */
const queryNames = (doc: Node, op: Node): ReadonlySet<string> => {
  const names = new Set<string>()
  for (const p of queryParameters(op)) {
    names.add(p.name)
    const schema = resolveRef(doc, p.schema)
    for (const alternative of [schema, ...(schema?.oneOf ?? schema?.anyOf ?? [])]) {
      for (const key of Object.keys(resolveRef(doc, alternative)?.properties ?? {})) names.add(key)
    }
  }
  return names
}

/**
 * The query parameters the official SDK's 2.14 overlay adds to an operation that Intercom's 2.14 description lacks
 * (`GET /contacts`: `page`, `per_page`, `starting_after`; `GET /events`: `user_id`, `email`, ...), by route.
 */
const overlayQueryParameters = (base: Node, overlaid: Node): ReadonlyMap<string, ReadonlyArray<Node>> => {
  const added = new Map<string, ReadonlyArray<Node>>()
  for (const [route, item] of Object.entries<Node>(overlaid.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method]
      if (op === undefined) continue
      const declared = queryNames(base, base.paths?.[route]?.[method])
      const extra = queryParameters(op).filter((p) => !declared.has(p.name))
      if (extra.length > 0) added.set(routeKey(method, route), structuredClone(extra))
    }
  }
  return added
}

/**
 * R7, the SDK's query parameters in the later versions. An operation of 2.15 or 2.16 on a route whose 2.14
 * operation the official SDK's overlay completed gets the query parameters the overlay added where its own
 * description still lacks them. Evidence: the 2.14 description omits them and the SDK sends them (`per_page` and
 * `starting_after` on `GET /contacts`, which Intercom pages by); the 2.15 and 2.16 descriptions omit the same ones on
 * the same seven routes (`GET /contacts`, `/articles`, `/events`, ...), while their methods keep the SDK's name and
 * pagination scheme (`versions.ts`). Without them a 2.16 program could not set a listing's page size.
 */
const withSdkQueryParameters = (doc: Node, added: ReadonlyMap<string, ReadonlyArray<Node>>): Node => {
  for (const [route, item] of Object.entries<Node>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method]
      const extra = op === undefined ? undefined : added.get(routeKey(method, route))
      if (extra === undefined) continue
      const declared = queryNames(doc, op)
      const missing = extra.filter((p) => !declared.has(p.name))
      if (missing.length > 0) op.parameters = [...(op.parameters ?? []), ...structuredClone(missing)]
    }
  }
  return doc
}

const readOverlaid = (specDir: string, name: "2.14" | "preview") => {
  const base = readYaml(path.join(specDir, name === "2.14" ? "intercom-2.14.yaml" : "intercom-preview.yaml"))
  const over = readYaml(path.join(specDir, name === "2.14" ? "overrides-2.14.yml" : "overrides-preview.yml"))
  return { base, overlaid: overlay(base, over) }
}

/** 2.14 or the Preview: Intercom's description with the official SDK's overlay, normalised and patched. */
const loadOverlaid = (name: "2.14" | "preview", overlaid: Node): LoadedSpec => ({
  name,
  doc: applyPatches(name, normalize(overlaid))
})

/**
 * A later version: Intercom's description (the official SDKs' overlays are for 2.14 and the Preview), with the query
 * parameters of the 2.14 overlay it still lacks (R7).
 */
const loadLater = (specDir: string, name: Version, sdkQuery: ReadonlyMap<string, ReadonlyArray<Node>>): LoadedSpec => ({
  name,
  doc: applyPatches(
    name,
    withSdkQueryParameters(normalize(readYaml(path.join(specDir, `intercom-${name}.yaml`))), sdkQuery)
  )
})

export const readMethods = (specDir: string): ReadonlyArray<MethodRow> => {
  const lines = fs.readFileSync(path.join(specDir, "methods.tsv"), "utf8").split("\n").filter((l) => l.trim() !== "")
  return lines.slice(1).map((line) => {
    const [sdkMethod, httpMethod, p, spec, operationId, pagination, paginatedItems, requestBody, response] = line.split(
      "\t"
    )
    return {
      sdkMethod,
      httpMethod,
      path: p,
      spec,
      operationId,
      pagination,
      paginatedItems,
      requestBody,
      response
    } as MethodRow
  })
}

export const loadSpecs = (specDir: string = defaultSpecDir()): Specs => {
  const stable = readOverlaid(specDir, "2.14")
  // Read before `normalize` and the patches change the 2.14 description in place.
  const sdkQuery = overlayQueryParameters(stable.base, stable.overlaid)
  return {
    specDir,
    stable: loadOverlaid("2.14", stable.overlaid),
    preview: loadOverlaid("preview", readOverlaid(specDir, "preview").overlaid),
    versions: versions.map((version) => loadLater(specDir, version, sdkQuery)),
    methods: readMethods(specDir)
  }
}

/** Follow a local `$ref` (`#/components/...`). */
export const resolveRef = (doc: Node, node: Node): Node => {
  let current = node
  for (let i = 0; i < 20 && current && typeof current.$ref === "string"; i++) {
    const parts = current.$ref.replace(/^#\//, "").split("/")
    current = parts.reduce((acc: Node, key: string) => acc?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc)
  }
  return current
}

/** The operation object of a method row, after overlays and patches. */
export const findOperation = (specs: Specs, row: MethodRow): Node => {
  const doc = docOf(specs, row.spec)
  return doc.paths?.[row.path]?.[row.httpMethod.toLowerCase()]
}

/** The description of a spec name, after overlays and patches. */
export const docOf = (specs: Specs, name: SpecName): Node => {
  if (name === "2.14") return specs.stable.doc
  if (name === "preview") return specs.preview.doc
  const found = specs.versions.find((v) => v.name === name)
  if (found === undefined) throw new Error(`no description of version ${name}`)
  return found.doc
}
