/**
 * The patch layer: corrections to Intercom's OpenAPI descriptions, applied
 * after the official overlays and before generation. Every patch says what is
 * wrong in the spec and how we know (usually: the spec's own examples, or
 * payloads the API is known to send). Keep this the only place where the spec
 * is corrected.
 */
import type { Node, SpecName } from "./spec.js"

export interface Patch {
  readonly spec: SpecName | "both"
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

export const patches: ReadonlyArray<Patch> = [resolveFernTypeNames]

export const applyPatches = (spec: SpecName, doc: Node): Node => {
  for (const patch of patches) {
    if (patch.spec === "both" || patch.spec === spec) patch.apply(doc)
  }
  return doc
}
