/**
 * The interpreter's fast check (`internal/check.ts`) must accept exactly what
 * `ParseResult.is` accepts, and its fast decoder must decode exactly what
 * `ParseResult.decodeUnknownEither` decodes, to the same value, on every
 * generated schema: valid values drawn from each schema (type side and
 * encoded side), the same values broken in many small ways (ids and counters
 * in the other JSON type, numeric and non-numeric strings, NaN and ±Infinity
 * among them), and the spec's own 2xx examples.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { operations } from "../../packages/client/src/generated/operations.js"
import * as StableSchemas from "../../packages/client/src/generated/stable/Schemas.js"
import * as UnstableSchemas from "../../packages/client/src/generated/unstable/Schemas.js"
import * as V2_15Schemas from "../../packages/client/src/generated/v2_15/Schemas.js"
import * as V2_16Schemas from "../../packages/client/src/generated/v2_16/Schemas.js"
import * as Check from "../../packages/client/src/internal/check.js"
import { entries, responseExamples, versionOperations } from "../support/SpecFixtures.js"

const stableSchemas = new Set<unknown>(Object.values(StableSchemas))

/** A later version's own schemas (those it shares with 2.14 are 2.14's, checked once). */
const ownSchemas = (version: string, barrel: Record<string, unknown>) =>
  Object.entries(barrel)
    .filter(([, s]) => !stableSchemas.has(s))
    .map(([name, s]) => [`${version}.${name}`, s as Schema.Schema<any, any>] as const)

const sdkNames = new Set(operations.map((op) => op.name))
const newOperations = (version: "2.15" | "2.16") => versionOperations[version].filter((op) => !sdkNames.has(op.name))

const schemas: Array<readonly [string, Schema.Schema<any, any>]> = [
  ...Object.entries(StableSchemas).map(([name, s]) => [`stable.${name}`, s] as const),
  ...Object.entries(UnstableSchemas).map(([name, s]) => [`unstable.${name}`, s] as const),
  ...ownSchemas("2.15", V2_15Schemas),
  ...ownSchemas("2.16", V2_16Schemas),
  // the later versions' new operations (the others' components are among their own schemas above)
  ...[...operations, ...newOperations("2.15"), ...newOperations("2.16")].flatMap((op) => [
    [`${op.version === undefined ? "" : `${op.version} `}${op.name} input`, op.input] as const,
    ...(op.success !== undefined
      ? [[`${op.version === undefined ? "" : `${op.version} `}${op.name} success`, op.success] as const]
      : [])
  ])
].filter(([, s]) => Schema.isSchema(s))

const wrongValues: ReadonlyArray<unknown> = [null, undefined, 42, "x", true, [], {}, [1], [{}]]

/** What the decode side must also get right: numeric strings (valid and not), numbers that are not finite. */
const decodeValues: ReadonlyArray<unknown> = [
  ...wrongValues,
  "10553731",
  "-1.5e3",
  "007",
  " 7",
  "1e999",
  "",
  1.5,
  NaN,
  Infinity,
  -Infinity
]

/** `value` broken in small ways: each key (two levels deep) deleted or replaced by a value of another kind. */
const mutations = (value: unknown, wrong: ReadonlyArray<unknown> = wrongValues, depth = 0): Array<unknown> => {
  const out: Array<unknown> = wrong.filter((w) => w !== value)
  if (typeof value !== "object" || value === null || depth > 1) return out
  if (Array.isArray(value)) {
    if (value.length > 0) {
      for (const m of mutations(value[0], wrong, depth + 1)) out.push([m, ...value.slice(1)])
    }
    return out
  }
  for (const key of Object.keys(value).slice(0, 12)) {
    const { [key]: removed, ...rest } = value as Record<string, unknown>
    out.push(rest)
    for (const m of mutations(removed, wrong, depth + 1)) out.push({ ...rest, [key]: m })
  }
  out.push({ ...(value as object), unknown_field: { nested: [1, "two"] } })
  return out
}

const isIdLike = (key: string): boolean =>
  key === "id" || key.endsWith("_id") || key.endsWith("_ids") ||
  ["page", "per_page", "total_pages", "total_count"].includes(key)

/** The other JSON type of an id or a counter, and values no rule accepts there. */
const flips = (v: unknown): Array<unknown> =>
  typeof v === "number"
    ? [String(v), NaN, "not a number"]
    : typeof v === "string"
    ? [/^\d+$/.test(v) ? Number(v) : 10553731, "", NaN, Infinity]
    : []

/**
 * `value` with one id or counter, at any depth, in another JSON type (or not a
 * number at all): one mutation per id-like position (at most 40).
 */
const idMutations = (value: unknown): Array<unknown> => {
  const out: Array<unknown> = []
  const visit = (v: unknown, rebuild: (x: unknown) => unknown): void => {
    if (out.length >= 40 || typeof v !== "object" || v === null) return
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, (x) => rebuild(v.map((y, j) => (j === i ? x : y)))))
      return
    }
    for (const [key, child] of Object.entries(v)) {
      const set = (x: unknown) => rebuild({ ...v, [key]: x })
      if (isIdLike(key)) {
        for (const f of flips(child)) out.push(set(f))
        if (Array.isArray(child)) {
          child.forEach((item, i) => {
            for (const f of flips(item)) out.push(set(child.map((y, j) => (j === i ? f : y))))
          })
        }
      }
      visit(child, set)
    }
  }
  visit(value, (x) => x)
  return out
}

/**
 * The fast decoder of `schema` and Schema's decode agree on `value`: same
 * verdict, and the same decoded value (the decoder normalises a copy in place).
 */
const agreeOnDecode = (
  name: string,
  decoder: Check.Decoder,
  decode: (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>,
  value: unknown
): boolean => {
  const expected = decode(value)
  const copy = structuredClone(value)
  const ok = decoder.is(copy)
  if (ok !== Either.isRight(expected)) {
    assert.fail(`${name}: fast decoder says ${ok}, Schema says ${Either.isRight(expected)}, for ${show(value)}`)
  }
  if (Either.isRight(expected)) {
    const out = decoder.fix === undefined ? copy : decoder.fix(copy)
    assert.deepStrictEqual(out, expected.right, `${name}: decoded ${show(value)}`)
  }
  return ok
}

const show = (value: unknown): string =>
  JSON.stringify(value, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v))

describe("fast check", () => {
  it(`agrees with ParseResult.is on ${schemas.length} generated schemas, valid and broken values`, () => {
    let compared = 0
    let rejected = 0
    for (const [name, schema] of schemas) {
      const fast = Check.compile(schema.ast)
      const is = ParseResult.is(schema)
      const samples = FastCheck.sample(Arbitrary.make(schema), { numRuns: 4, seed: 7 })
      for (const sample of samples) {
        assert.isTrue(is(sample), `${name}: a value drawn from the schema`)
        assert.isTrue(fast(sample), `${name}: fast check rejects a value drawn from the schema`)
        for (const broken of mutations(sample)) {
          const expected = is(broken)
          if (fast(broken) !== expected) {
            assert.fail(`${name}: fast check says ${!expected}, Schema says ${expected}, for ${JSON.stringify(broken)}`)
          }
          compared++
          if (!expected) rejected++
        }
      }
    }
    // Broken values must include many that Schema rejects, or the comparison proves little.
    assert.isAbove(compared, 50_000)
    assert.isAbove(rejected, compared / 3)
  }, 120_000)

  it("agrees with ParseResult.is on every 2xx example of the spec", () => {
    let checked = 0
    for (const entry of entries) {
      const op = entry.operation
      if (op?.success === undefined || op.response !== "json") continue
      const fast = Check.compile(op.success.ast)
      const is = ParseResult.is(op.success)
      for (const { status, examples } of responseExamples(entry)) {
        if (status < 200 || status > 299) continue
        for (const example of examples) {
          // The type side: an example with an id or a counter in the other JSON type is not of the type (it decodes to it).
          assert.strictEqual(fast(example.value), is(example.value), `${entry.name} ${status} ${example.name}`)
          checked++
        }
      }
    }
    assert.isAbove(checked, 250)
  })
})

describe("fast decode", () => {
  it(
    `agrees with ParseResult.decodeUnknownEither on ${schemas.length} generated schemas, valid, broken and coerced values`,
    async () => {
      let compared = 0
      let rejected = 0
      let changed = 0
      let encodedDecoded = 0
      let encodedRejected = 0
      for (const [name, schema] of schemas) {
        // Schema's decode of a broken value is slow: let the worker's event loop breathe between schemas
        // (vitest's RPC with the main process times out when it is blocked for a minute).
        await new Promise((resolve) => setImmediate(resolve))
        const decoder = Check.decoder(schema.ast)
        if (decoder === undefined) assert.fail(`${name}: no fast decoder`)
        const decode = ParseResult.decodeUnknownEither(schema, { onExcessProperty: "preserve" })
        const typed = FastCheck.sample(Arbitrary.make(schema), { numRuns: 3, seed: 7 })
        // the encoded side: ids as strings or numbers, counters as numbers or numeric strings (`"1e999"` among them)
        const encoded = FastCheck.sample(Arbitrary.make(Schema.encodedSchema(schema)), { numRuns: 3, seed: 11 })
        for (const sample of [...typed, ...encoded]) {
          const ok = agreeOnDecode(name, decoder, decode, sample)
          if (typed.includes(sample)) assert.isTrue(ok, `${name}: a value drawn from the schema`)
          else if (ok) encodedDecoded++
          else encodedRejected++
          for (const broken of [...mutations(sample, decodeValues), ...idMutations(sample)]) {
            const before = JSON.stringify(broken)
            if (!agreeOnDecode(name, decoder, decode, broken)) rejected++
            else if (decoder.fix !== undefined && JSON.stringify(decoder.fix(structuredClone(broken))) !== before) {
              changed++
            }
            compared++
          }
        }
      }
      assert.isAbove(compared, 100_000)
      assert.isAbove(rejected, compared / 3)
      // Many of the accepted values are normalised (an id or a counter in the other JSON type).
      assert.isAbove(changed, 5_000)
      // Most values drawn from the encoded side decode (the others hold a numeric string out of range).
      assert.isAbove(encodedDecoded, encodedRejected * 4)
      console.log(
        `fast decode: ${compared} broken values compared (${rejected} rejected, ${changed} normalised), ${encodedDecoded} of ${
          encodedDecoded + encodedRejected
        } encoded-side samples decoded`
      )
    },
    300_000
  )

  it("decodes every 2xx example of the spec as Schema does", () => {
    let checked = 0
    for (const entry of entries) {
      const op = entry.operation
      if (op?.success === undefined || op.response !== "json") continue
      const decoder = Check.decoder(op.success.ast)
      if (decoder === undefined) assert.fail(`${entry.name}: no fast decoder`)
      const decode = ParseResult.decodeUnknownEither(op.success, { onExcessProperty: "preserve" })
      for (const { status, examples } of responseExamples(entry)) {
        if (status < 200 || status > 299) continue
        for (const example of examples) {
          const label = `${entry.name} ${status} ${example.name}`
          assert.isTrue(agreeOnDecode(label, decoder, decode, example.value), label)
          for (const broken of idMutations(example.value)) agreeOnDecode(label, decoder, decode, broken)
          checked++
        }
      }
    }
    assert.isAbove(checked, 250)
  })
})
