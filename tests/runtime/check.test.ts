/**
 * The interpreter's fast check (`internal/check.ts`) must accept exactly what
 * `ParseResult.is` accepts, on every generated schema: valid values drawn from
 * each schema, the same values broken in many small ways, and the spec's own
 * 2xx examples.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as FastCheck from "effect/FastCheck"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { operations } from "../../packages/client/src/generated/operations.js"
import * as StableSchemas from "../../packages/client/src/generated/stable/Schemas.js"
import * as UnstableSchemas from "../../packages/client/src/generated/unstable/Schemas.js"
import * as Check from "../../packages/client/src/internal/check.js"
import { entries, responseExamples } from "../support/SpecFixtures.js"

const schemas: Array<readonly [string, Schema.Schema<any, any>]> = [
  ...Object.entries(StableSchemas).map(([name, s]) => [`stable.${name}`, s] as const),
  ...Object.entries(UnstableSchemas).map(([name, s]) => [`unstable.${name}`, s] as const),
  ...operations.flatMap((op) => [
    [`${op.name} input`, op.input] as const,
    ...(op.success !== undefined ? [[`${op.name} success`, op.success] as const] : [])
  ])
].filter(([, s]) => Schema.isSchema(s))

const wrongValues: ReadonlyArray<unknown> = [null, undefined, 42, "x", true, [], {}, [1], [{}]]

/** `value` broken in small ways: each key (two levels deep) deleted or replaced by a value of another kind. */
const mutations = (value: unknown, depth = 0): Array<unknown> => {
  const out: Array<unknown> = wrongValues.filter((w) => w !== value)
  if (typeof value !== "object" || value === null || depth > 1) return out
  if (Array.isArray(value)) {
    if (value.length > 0) {
      for (const m of mutations(value[0], depth + 1)) out.push([m, ...value.slice(1)])
    }
    return out
  }
  for (const key of Object.keys(value).slice(0, 12)) {
    const { [key]: removed, ...rest } = value as Record<string, unknown>
    out.push(rest)
    for (const m of mutations(removed, depth + 1)) out.push({ ...rest, [key]: m })
  }
  out.push({ ...(value as object), unknown_field: { nested: [1, "two"] } })
  return out
}

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

  it("accepts every 2xx example of the spec, as Schema does", () => {
    let checked = 0
    for (const entry of entries) {
      const op = entry.operation
      if (op?.success === undefined || op.response !== "json") continue
      const fast = Check.compile(op.success.ast)
      const is = ParseResult.is(op.success)
      for (const { status, examples } of responseExamples(entry)) {
        if (status < 200 || status > 299) continue
        for (const example of examples) {
          assert.strictEqual(fast(example.value), is(example.value), `${entry.name} ${status} ${example.name}`)
          assert.isTrue(fast(example.value), `${entry.name} ${status} ${example.name}`)
          checked++
        }
      }
    }
    assert.isAbove(checked, 250)
  })
})
