/**
 * The methods of the later API versions (`spec.ts`'s `versions`: 2.15, 2.16),
 * which no official SDK names: one `MethodRow` per operation of the version's
 * description, named as follows.
 *
 * - An operation whose HTTP method and path exist among the official SDK's
 *   2.14 methods (path parameters compared by position: `/contacts/{id}` is
 *   `/contacts/{contact_id}`) keeps the SDK's name, so a 2.16 program calls
 *   `contacts.find` as a 2.14 one does, and the SDK's pagination scheme and
 *   response kind (`methods.tsv`). Its path and parameters are the version's, with the query parameters the
 *   SDK's 2.14 overlay adds that the version's description still lacks (rule R7, `spec.ts`).
 * - Any other operation is new: its namespace comes from the spec's first tag
 *   and its method from the `operationId`, both camelCase. The tag is mapped
 *   as the SDK maps it where the 2.14 SDK methods of that tag all sit under one
 *   top-level namespace (`Help Center` → `helpCenters`, `Data Events` →
 *   `events`); else it is the tag in camelCase (`Fin Agent` → `finAgent`,
 *   `Office Hours` → `officeHours`). Without an `operationId`, the method is
 *   the HTTP method and the path's literal segments.
 * - Collisions (a new name equal to one already taken in its namespace, or to
 *   the `…Stream` / `…Pages` name of one) take the suffix `2`, `3`, ..., the
 *   operations visited in the description's order (paths, then methods): the
 *   result depends only on the description.
 *
 * 2.14 is frozen, so a name, once given, stays as long as the operation
 * exists in the version that has it.
 */
import { camel } from "./naming.js"
import { docOf, HTTP_METHODS, type MethodRow, type Node, routeKey, type Specs, type Version } from "./spec.js"

const snake = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .join("_")
    .toLowerCase()

export interface VersionMethod {
  readonly row: MethodRow
  /** The official SDK's name (true), or a name of ours (false). */
  readonly sdk: boolean
}

const jsonBody = (op: Node): boolean => Object.keys(op.requestBody?.content ?? {}).some((type) => type.includes("json"))

/**
 * The response kind of an operation the SDK does not have: `json` when a
 * 2xx answers JSON, `text` for `text/plain`, `binary` for a download, a 3xx
 * `redirect`, else `empty`.
 */
const responseKind = (op: Node): MethodRow["response"] => {
  const ok = Object.entries<Node>(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status))
  const types = ok.flatMap(([, r]) => Object.keys(r?.content ?? {}))
  if (types.some((t) => t.includes("json"))) return "json"
  if (types.includes("text/plain")) return "text"
  if (types.length > 0) return "binary"
  if (Object.keys(op.responses ?? {}).some((status) => /^3\d\d$/.test(status))) return "redirect"
  return "empty"
}

/** The 2.14 SDK namespace of each tag whose 2.14 methods share one top-level namespace. */
const tagNamespaces = (specs: Specs): Map<string, string> => {
  const seen = new Map<string, Set<string>>()
  for (const row of specs.methods) {
    if (row.spec !== "2.14") continue
    const tag: unknown = specs.stable.doc.paths?.[row.path]?.[row.httpMethod.toLowerCase()]?.tags?.[0]
    if (typeof tag !== "string") continue
    seen.set(tag, (seen.get(tag) ?? new Set()).add(row.sdkMethod.split(".")[0]))
  }
  const out = new Map<string, string>()
  for (const [tag, namespaces] of seen) if (namespaces.size === 1) out.set(tag, [...namespaces][0])
  return out
}

/** Every operation of a later version, named (see the module's comment). */
export const versionMethods = (specs: Specs, version: Version): Array<VersionMethod> => {
  const doc = docOf(specs, version)
  const sdkRows = new Map<string, MethodRow>()
  for (const row of specs.methods) if (row.spec === "2.14") sdkRows.set(routeKey(row.httpMethod, row.path), row)
  const namespaces = tagNamespaces(specs)
  const taken = new Set<string>()
  const take = (name: string) => {
    taken.add(name)
    taken.add(`${name}_stream`)
    taken.add(`${name}_pages`)
  }
  const found: Array<{ path: string; method: (typeof HTTP_METHODS)[number]; op: Node; sdk: MethodRow | undefined }> = []
  for (const [path, item] of Object.entries<Node>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method]
      if (!op) continue
      const sdk = sdkRows.get(routeKey(method, path))
      if (sdk !== undefined) take(sdk.sdkMethod)
      found.push({ path, method, op, sdk })
    }
  }
  return found.map(({ method, op, path, sdk }): VersionMethod => {
    const base = {
      httpMethod: method.toUpperCase() as MethodRow["httpMethod"],
      path,
      spec: version,
      operationId: op.operationId ?? ""
    }
    if (sdk !== undefined) {
      return {
        sdk: true,
        row: {
          ...base,
          sdkMethod: sdk.sdkMethod,
          pagination: sdk.pagination,
          paginatedItems: sdk.paginatedItems,
          requestBody: jsonBody(op) ? "json" : sdk.requestBody,
          response: sdk.response
        }
      }
    }
    const tag: string = op.tags?.[0] ?? "misc"
    const namespace = namespaces.get(tag) ?? snake(tag)
    const wanted = snake(
      op.operationId ?? `${method}_${path.split("/").filter((s) => s !== "" && !s.startsWith("{")).join("_")}`
    )
    let name = `${namespace}.${wanted}`
    for (let i = 2; taken.has(name); i++) name = `${namespace}.${wanted}${i}`
    take(name)
    return {
      sdk: false,
      row: {
        ...base,
        sdkMethod: name,
        pagination: "none",
        paginatedItems: "",
        requestBody: jsonBody(op) ? "json" : "none",
        response: responseKind(op)
      }
    }
  })
}

/** The camelCase name of a row (`fin_agent.start_fin_conversation` → `finAgent.startFinConversation`). */
export const camelName = (row: MethodRow): string => row.sdkMethod.split(".").map(camel).join(".")

/**
 * The README's table of the methods no official SDK has, by version: the
 * text between `<!-- versions:start -->` and `<!-- versions:end -->`.
 */
export const readmeTable = (specs: Specs): string => {
  const lines = [
    "| version | method | HTTP | path |",
    "| --- | --- | --- | --- |"
  ]
  for (const version of specs.versions) {
    for (const { row, sdk } of versionMethods(specs, version.name as Version)) {
      if (!sdk) lines.push(`| ${version.name} | \`${camelName(row)}\` | ${row.httpMethod} | \`${row.path}\` |`)
    }
  }
  return lines.join("\n")
}

export const README_START = "<!-- versions:start -->"
export const README_END = "<!-- versions:end -->"

/** The README with its versions block replaced by `table` (it must have the markers). */
export const withReadmeTable = (readme: string, table: string): string => {
  const start = readme.indexOf(README_START)
  const end = readme.indexOf(README_END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} ... ${README_END} block`)
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`
}
