/**
 * The spec, as the generator sees it (overlays and patches applied), and the
 * generated operations, joined for table-driven tests.
 */
import { camel } from "@effect-intercom/codegen/naming"
import { docOf, findOperation, loadSpecs, type MethodRow, type Node, resolveRef } from "@effect-intercom/codegen/spec"
import { versionMethods } from "@effect-intercom/codegen/versions"
import * as Arbitrary from "effect/Arbitrary"
import * as FastCheck from "effect/FastCheck"
import { operations } from "../../packages/client/src/generated/operations.js"
import { operations as operations2_15 } from "../../packages/client/src/generated/v2_15/operations.js"
import { operations as operations2_16 } from "../../packages/client/src/generated/v2_16/operations.js"
import type * as Operation from "../../packages/client/src/Operation.js"

export const specs = loadSpecs()

export type AnyOperation = Operation.Operation<any, any, any>

export const sdkName = (row: MethodRow): string => row.sdkMethod.split(".").map(camel).join(".")

const byName = new Map(operations.map((op) => [op.name, op]))

export interface Entry {
  readonly row: MethodRow
  readonly name: string
  readonly operation: AnyOperation | undefined
  readonly spec: Node
  readonly doc: Node
}

/** Rows joined with their descriptors (by name) and their operations in the description. */
const join = (
  rows: ReadonlyArray<MethodRow>,
  descriptors: ReadonlyMap<string, AnyOperation>
): ReadonlyArray<Entry> =>
  rows.map((row) => ({
    row,
    name: sdkName(row),
    operation: descriptors.get(sdkName(row)),
    spec: findOperation(specs, row),
    doc: docOf(specs, row.spec)
  }))

export const entries: ReadonlyArray<Entry> = join(specs.methods, byName)

/** The later versions' operation indexes (`src/generated/v2_15/operations.ts`, ...). */
export const versionOperations: Readonly<Record<"2.15" | "2.16", ReadonlyArray<AnyOperation>>> = {
  "2.15": operations2_15,
  "2.16": operations2_16
}

/** Every operation of a later version's description, with its row (`versions.ts`'s names) and descriptor. */
export const versionEntries = (version: "2.15" | "2.16"): ReadonlyArray<Entry & { readonly sdk: boolean }> => {
  const methods = versionMethods(specs, version)
  const joined = join(
    methods.map((m) => m.row),
    new Map(versionOperations[version].map((op) => [op.name, op]))
  )
  return joined.map((entry, i) => ({ ...entry, sdk: methods[i].sdk }))
}

export interface Example {
  readonly name: string
  readonly value: unknown
}

const examplesOf = (doc: Node, content: Node): Array<Example> => {
  const media = content?.["application/json"] ?? content?.["text/plain"]
  if (!media) return []
  const out: Array<Example> = []
  for (const [name, ex] of Object.entries<Node>(media.examples ?? {})) {
    const resolved = resolveRef(doc, ex)
    if (resolved && "value" in resolved) out.push({ name, value: resolved.value })
  }
  if (out.length === 0 && media.example !== undefined) out.push({ name: "example", value: media.example })
  return out
}

export const responseExamples = (entry: Entry): Array<{ status: number; examples: Array<Example> }> =>
  Object.entries<Node>(entry.spec.responses ?? {})
    .filter(([status]) => /^\d{3}$/.test(status))
    .map(([status, r]) => ({
      status: Number(status),
      examples: examplesOf(entry.doc, resolveRef(entry.doc, r)?.content)
    }))
    .filter((x) => x.examples.length > 0)

export const requestExamples = (entry: Entry): Array<Example> =>
  examplesOf(entry.doc, resolveRef(entry.doc, entry.spec.requestBody)?.content)

/** A valid input for an operation, drawn from its own input schema (deterministic). */
export const sampleInput = (operation: AnyOperation): Record<string, unknown> => {
  const [value] = FastCheck.sample(Arbitrary.make(operation.input), { numRuns: 1, seed: 42 })
  const input: Record<string, unknown> = { ...(value as object) }
  for (const p of operation.pathParams) input[p] = `${p}_1`
  return input
}

/** The concrete path of a template with `sampleInput`'s path values. */
export const samplePath = (operation: AnyOperation): string =>
  operation.path.replace(/\{([^}]+)\}/g, (_, p: string) => `${p}_1`)

/** One value the decoder normalised: an id or a counter sent in another JSON type than declared. */
export interface Coercion {
  readonly path: string
  /** The property it sits under (for an item of an `*_ids` array, the array's). */
  readonly key: string
  readonly sent: string | number
  readonly decoded: string | number
}

/** The keys of the decode rules R1 (ids) and R2 (pagination counters). */
export const isCoercedKey = (key: string): boolean =>
  key === "id" || key.endsWith("_id") || key.endsWith("_ids") ||
  ["page", "per_page", "total_pages", "total_count"].includes(key)

/**
 * How `decoded` differs from the `sent` JSON: the leaves normalised from a
 * number to its string or from a numeric string to its number (`coercions`),
 * and any other difference (`others`, which decoding must never produce).
 */
export const differences = (
  sent: unknown,
  decoded: unknown
): { readonly coercions: Array<Coercion>; readonly others: Array<string> } => {
  const coercions: Array<Coercion> = []
  const others: Array<string> = []
  const walk = (a: unknown, b: unknown, path: string, key: string): void => {
    if (Object.is(a, b)) return
    if (typeof a === "number" && typeof b === "string" && String(a) === b) {
      coercions.push({ path, key, sent: a, decoded: b })
      return
    }
    if (typeof a === "string" && typeof b === "number" && Number(a) === b) {
      coercions.push({ path, key, sent: a, decoded: b })
      return
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, key))
      return
    }
    if (
      typeof a === "object" && a !== null && !Array.isArray(a) &&
      typeof b === "object" && b !== null && !Array.isArray(b)
    ) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)])
      for (const k of keys) {
        if (!(k in a) || !(k in b)) others.push(`${path}.${k}: ${k in a ? "dropped" : "added"}`)
        else walk((a as any)[k], (b as any)[k], `${path}.${k}`, k)
      }
      return
    }
    others.push(`${path}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`)
  }
  walk(sent, decoded, "$", "")
  return { coercions, others }
}
