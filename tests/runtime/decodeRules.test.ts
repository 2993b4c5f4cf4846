/**
 * The generator's decode rules (`packages/codegen/src/schemas.ts`,
 * `patches.ts`, `generate.ts`), at the HTTP boundary: real operations, a mock
 * `HttpClient`, the client's own decoding.
 *
 * - the recorded payloads the client used to reject;
 * - R1 (ids) and R2 (pagination counters): every 2xx example of both specs
 *   with every id (counter) turned into the other JSON type decodes to what
 *   the example decodes to; every response schema the rule touches decodes a
 *   value drawn from it with its ids (counters) turned;
 * - R3 (other versions' shapes): every ticket of every 2xx example with its
 *   `ticket_state` as a pre-2.14 string comes back as sent, reported, at a
 *   pinned older version, and fails the strict decode at 2.14;
 * - R4 (resource ids): every component with a required id has one in every
 *   example, and an instance without it fails the decode at its path;
 * - R5 (finite inputs): NaN and ±Infinity wherever an input takes a number
 *   fail with `InvalidInputError` at its path, and nothing is sent.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as FastCheck from "effect/FastCheck"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as Conversations from "../../packages/client/src/generated/stable/Conversations.js"
import * as StableSchemas from "../../packages/client/src/generated/stable/Schemas.js"
import * as Tickets from "../../packages/client/src/generated/stable/Tickets.js"
import * as Visitors from "../../packages/client/src/generated/stable/Visitors.js"
import * as UnstableSchemas from "../../packages/client/src/generated/unstable/Schemas.js"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import type * as IntercomError from "../../packages/client/src/IntercomError.js"
import * as Check from "../../packages/client/src/internal/check.js"
import { formatJsonPath } from "../../packages/client/src/internal/issues.js"
import * as Tolerant from "../../packages/client/src/internal/tolerant.js"
import * as MockHttp from "../support/MockHttp.js"
import { runOnce } from "../support/Run.js"
import { type AnyOperation, entries, responseExamples, sampleInput } from "../support/SpecFixtures.js"

// -----------------------------------------------------------------------------
// Walking a schema's AST along a value
// -----------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>

interface Visit {
  readonly ast: SchemaAST.AST
  readonly value: unknown
  readonly path: Path
  /** The property the value sits under (for an array item, the array's). */
  readonly key: string
  /** The nearest component (its identifier) or inline response schema holding the value. */
  readonly owner: string
  /** Whether the value sits in one member of a union of objects (a choice among alternatives). */
  readonly branched: boolean
}

const decodesMemo = new WeakMap<SchemaAST.AST, (u: unknown) => boolean>()

/** Whether Schema decodes `value` with `ast` (how the walk picks a union's member). */
const decodes = (ast: SchemaAST.AST, value: unknown): boolean => {
  let d = decodesMemo.get(ast)
  if (d === undefined) {
    const decode = ParseResult.decodeUnknownEither(Schema.make(ast), { onExcessProperty: "preserve" })
    d = (u) => Either.isRight(decode(u))
    decodesMemo.set(ast, d)
  }
  return d(value)
}

/** Whether Schema's `is` accepts `value` (the input side). */
const isMemo = new WeakMap<SchemaAST.AST, (u: unknown) => boolean>()
const isOf = (ast: SchemaAST.AST, value: unknown): boolean => {
  let p = isMemo.get(ast)
  if (p === undefined) {
    p = ParseResult.is(Schema.make(ast))
    isMemo.set(ast, p)
  }
  return p(value)
}

const identifierOf = (ast: SchemaAST.AST): string | undefined =>
  Option.getOrUndefined(SchemaAST.getIdentifierAnnotation(ast))

/** A named schema's own node (below its suspends). */
const resolved = (ast: SchemaAST.AST): SchemaAST.AST => (ast._tag === "Suspend" ? resolved(ast.f()) : ast)

/** The identifier of a named schema (a suspend of an annotated struct). */
const rootIdentifier = (ast: SchemaAST.AST): string | undefined =>
  ast._tag === "Suspend" ? rootIdentifier(ast.f()) : identifierOf(ast)

const isCoercion = (ast: SchemaAST.AST): boolean =>
  ast === Tolerant.IdString.ast || ast === Tolerant.NumberFromNumeric.ast

/**
 * Every node the value passes through: structs by their keys, arrays by
 * index, for a union the first member that decodes it (`matches`), suspends
 * followed, coercions as leaves.
 */
const walk = (
  ast: SchemaAST.AST,
  value: unknown,
  visit: (v: Visit) => void,
  owner: string,
  matches: (ast: SchemaAST.AST, value: unknown) => boolean = decodes,
  path: Path = [],
  key = "",
  branched = false
): void => {
  const here = ast._tag === "TypeLiteral" ? identifierOf(ast) ?? owner : owner
  visit({ ast, value, path, key, owner: here, branched })
  if (isCoercion(ast)) return
  const go = (next: SchemaAST.AST, v: unknown, p: Path, k: string, b = branched) =>
    walk(next, v, visit, here, matches, p, k, b)
  switch (ast._tag) {
    case "Suspend":
      return go(ast.f(), value, path, key)
    case "Refinement":
      return go(ast.from, value, path, key)
    case "Union": {
      const member = ast.types.find((m) => matches(m, value))
      const objects = ast.types.filter((m) => resolved(m)._tag === "TypeLiteral").length
      if (member !== undefined) go(member, value, path, key, branched || objects > 1)
      return
    }
    case "TupleType":
      if (Array.isArray(value) && ast.rest.length === 1) {
        value.forEach((item, i) => go(ast.rest[0].type, item, [...path, i], key))
      }
      return
    case "TypeLiteral": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return
      const declared = new Set<PropertyKey>()
      for (const ps of ast.propertySignatures) {
        declared.add(ps.name)
        if (Object.prototype.hasOwnProperty.call(value, ps.name)) {
          const name = String(ps.name)
          go(ps.type, (value as any)[name], [...path, name], name)
        }
      }
      for (const is of ast.indexSignatures) {
        for (const k of Object.keys(value)) {
          if (!declared.has(k)) go(is.type, (value as any)[k], [...path, k], k)
        }
      }
      return
    }
  }
}

const getAt = (value: unknown, path: Path): unknown => path.reduce((v: any, k) => v?.[k], value)

const setAt = (value: unknown, path: Path, x: unknown): void => {
  const parent = getAt(value, path.slice(0, -1)) as any
  parent[path[path.length - 1]] = x
}

const clone = <A>(a: A): A => structuredClone(a)

const isIdKey = (key: string): boolean => key === "id" || key.endsWith("_id") || key.endsWith("_ids")
const COUNTERS = new Set(["page", "per_page", "total_pages", "total_count"])

type Rule = "R1" | "R2"

const ruleOf = (v: Visit): Rule | undefined =>
  !isCoercion(v.ast) ? undefined : isIdKey(v.key) ? "R1" : COUNTERS.has(v.key) ? "R2" : undefined

/**
 * The deviation of a rule applied at a coercion: the value in the other JSON
 * type (a non-numeric string id becomes a number of its own), and what it
 * must decode to.
 */
const deviate = (v: Visit): { readonly sent: unknown; readonly decoded: unknown } | undefined => {
  if (v.ast === Tolerant.IdString.ast) {
    if (typeof v.value === "number") return undefined // the example sends a number already
    const s = v.value as string
    const sent = /^(0|[1-9]\d{0,14})$/.test(s) ? Number(s) : 10553731
    return { sent, decoded: String(sent) }
  }
  if (typeof v.value === "string") return undefined // the example sends a numeric string already
  // (a drawn -0 is sent as "0", which is 0)
  return { sent: String(v.value), decoded: Number(String(v.value)) }
}

// -----------------------------------------------------------------------------
// The spec's examples
// -----------------------------------------------------------------------------

interface JsonExample {
  readonly label: string
  readonly operation: AnyOperation
  readonly value: unknown
}

const jsonExamples: ReadonlyArray<JsonExample> = entries.flatMap((entry) => {
  const op = entry.operation
  if (op?.success === undefined || op.response !== "json") return []
  return responseExamples(entry)
    .filter(({ status }) => status >= 200 && status < 300)
    .flatMap(({ examples, status }) =>
      examples.map((example) => ({
        label: `${entry.row.sdkMethod} ${status} "${example.name}"`,
        operation: op,
        value: example.value
      }))
    )
})

const ownerOf = (op: AnyOperation): string => `${op.name} (inline response)`

/** The decoded value of a response body, through the operation, the mock `HttpClient` and the client's decoding. */
const decodeThrough = (op: AnyOperation, body: unknown) =>
  Effect.map(runOnce(op, sampleInput(op), () => MockHttp.json(200, body)), ({ exit, requests }) => {
    assert.strictEqual(requests.length, 1)
    return exit
  })

/** The JSON paths of the lenient decode's warnings. */
const recordWarnings = () => {
  const paths: Array<string> = []
  const logger = Logger.make(({ annotations, logLevel }) => {
    if (logLevel._tag !== "Warning") return
    for (const [key, value] of annotations) if (key === "intercom.json_path") paths.push(String(value))
  })
  return { paths, layer: Logger.replace(Logger.defaultLogger, logger) }
}

const valueOf = <A, E>(label: string, exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) assert.fail(`${label}: ${Cause.pretty(exit.cause)}`)
  return exit.value
}

interface Deviated {
  readonly example: JsonExample
  readonly body: unknown
  /** Where the decoded value differs from the example's own decoding, and what it must be there. */
  readonly expected: ReadonlyArray<readonly [Path, unknown]>
  readonly owners: ReadonlySet<string>
}

/** Every example with every coercion of `rule` deviated (the examples that have none left out). */
const deviatedExamples = (rule: Rule): ReadonlyArray<Deviated> =>
  jsonExamples.flatMap((example) => {
    const body = clone(example.value)
    const expected: Array<readonly [Path, unknown]> = []
    const owners = new Set<string>()
    walk(example.operation.success!.ast, example.value, (v) => {
      if (ruleOf(v) !== rule) return
      const d = deviate(v)
      if (d === undefined) return
      setAt(body, v.path, d.sent)
      expected.push([v.path, d.decoded])
      owners.add(v.owner)
    }, ownerOf(example.operation))
    return expected.length === 0 ? [] : [{ example, body, expected, owners }]
  })

const r1Examples = deviatedExamples("R1")
const r2Examples = deviatedExamples("R2")
const sum = (xs: ReadonlyArray<Deviated>) => xs.reduce((n, x) => n + x.expected.length, 0)
const ownersOf = (xs: ReadonlyArray<Deviated>) => new Set(xs.flatMap((x) => [...x.owners])).size

const checkDeviated = (deviated: ReadonlyArray<Deviated>) =>
  Effect.gen(function*() {
    for (const { body, example, expected } of deviated) {
      const baseline = valueOf(example.label, yield* decodeThrough(example.operation, clone(example.value)))
      const decoded = valueOf(`${example.label} (deviated)`, yield* decodeThrough(example.operation, body))
      const want = clone(baseline)
      for (const [path, value] of expected) setAt(want, path, value)
      assert.deepStrictEqual(decoded, want, example.label)
    }
  })

// -----------------------------------------------------------------------------
// The response schemas (components and inline) a rule touches
// -----------------------------------------------------------------------------

interface ResponseSchema {
  readonly name: string
  readonly schema: Schema.Schema<any, any>
  readonly api: "stable" | "unstable"
}

const componentSchemas = (api: "stable" | "unstable", barrel: Record<string, unknown>): Array<ResponseSchema> =>
  Object.entries(barrel)
    .filter(([, s]) => Schema.isSchema(s))
    .map(([name, s]) => ({ name: `${api}.${name}`, schema: s as Schema.Schema<any, any>, api }))

const components = [
  ...componentSchemas("stable", StableSchemas),
  ...componentSchemas("unstable", UnstableSchemas)
]
const componentAsts = new Set(components.map((c) => c.schema.ast))
const operations = [...new Set(entries.flatMap((e) => (e.operation ? [e.operation] : [])))]
const inlineResponses: Array<ResponseSchema> = operations.flatMap((op) =>
  op.success !== undefined && op.response === "json" && !componentAsts.has(op.success.ast)
    ? [{ name: ownerOf(op), schema: op.success, api: op.api }]
    : []
)

/** The rules whose coercions a schema holds itself (not in the components it refers to). */
const ownRules = (schema: Schema.Schema<any, any>): Set<Rule> => {
  const rules = new Set<Rule>()
  const seen = new Set<SchemaAST.AST>()
  const go = (ast: SchemaAST.AST, key: string, root: boolean): void => {
    if (seen.has(ast)) return
    seen.add(ast)
    if (isCoercion(ast)) {
      if (isIdKey(key)) rules.add("R1")
      else if (COUNTERS.has(key)) rules.add("R2")
      return
    }
    switch (ast._tag) {
      case "Suspend":
        // a suspend below the root is a reference to another named schema
        if (root) go(ast.f(), key, false)
        return
      case "Refinement":
        return go(ast.from, key, false)
      case "Union":
        return ast.types.forEach((t) => go(t, key, false))
      case "TupleType":
        return ast.rest.forEach((r) => go(r.type, key, false))
      case "TypeLiteral":
        ast.propertySignatures.forEach((ps) => go(ps.type, String(ps.name), false))
        ast.indexSignatures.forEach((is) => go(is.type, key, false))
        return
    }
  }
  go(schema.ast, "", true)
  return rules
}

const touched = (rule: Rule) => [...components, ...inlineResponses].filter((s) => ownRules(s.schema).has(rule))
const count = (xs: ReadonlyArray<ResponseSchema>, api: "stable" | "unstable") => {
  const mine = xs.filter((s) => s.api === api)
  const inline = mine.filter((s) => inlineResponses.includes(s)).length
  return `${mine.length} ${api === "stable" ? "stable" : "Preview"} (${
    mine.length - inline
  } components, ${inline} inline)`
}

/**
 * For each schema a rule touches: values drawn from it, with every coercion
 * of the rule deviated, decode to the drawn values; at least one of its own
 * coercions is exercised.
 */
const checkTouched = (rule: Rule, schemas: ReadonlyArray<ResponseSchema>) => {
  let exercised = 0
  for (const { name, schema } of schemas) {
    const decoder = Check.decoder(schema.ast)!
    const decode = ParseResult.decodeUnknownEither(schema, { onExcessProperty: "preserve" })
    const owner = rootIdentifier(schema.ast) ?? name
    let own = 0
    const arbitrary = Arbitrary.make(schema)
    // 12 values, and more until one holds an own coercion (optional fields are drawn at random)
    const draws = function*() {
      yield* FastCheck.sample(arbitrary, { numRuns: 12, seed: 3 })
      for (let seed = 4; seed < 200 && own === 0; seed++) yield* FastCheck.sample(arbitrary, { numRuns: 4, seed })
    }
    for (const drawn of draws()) {
      const body = clone(drawn)
      const want = clone(drawn)
      walk(schema.ast, drawn, (v) => {
        if (ruleOf(v) !== rule) return
        const d = deviate(v)
        if (d === undefined) return
        setAt(body, v.path, d.sent)
        setAt(want, v.path, d.decoded)
        if (v.owner === owner || v.owner === name) own++
      }, name)
      // the client's fast path, and Schema's decode, give the drawn value back (a non-numeric id drawn is
      // sent as a number of its own, and comes back as that number's string)
      assert.isTrue(decoder.is(body), `${name}: ${JSON.stringify(body)}`)
      assert.deepStrictEqual(decoder.fix === undefined ? body : decoder.fix(clone(body)), want, name)
      const full = decode(body)
      assert.isTrue(Either.isRight(full), name)
      if (Either.isRight(full)) assert.deepStrictEqual(full.right, want, name)
    }
    if (own === 0) assert.fail(`${name}: no value drawn from it holds one of its own ${rule} coercions`)
    exercised++
  }
  return exercised
}

// -----------------------------------------------------------------------------
// Tests
// -----------------------------------------------------------------------------

/** The conversation of the spec's `conversations.find` example, with the recorded deviations. */
const conversationFound = (): any =>
  clone(jsonExamples.find((e) => e.label === `conversations.find 200 "conversation found"`)!.value)

describe("decode rules: the recorded payloads", () => {
  it.effect("a conversation closed by a teammate: statistics.last_closed_by_id 10553731 is the admin's \"10553731\"", () =>
    Effect.gen(function*() {
      const body = conversationFound()
      body.admin_assignee_id = 10553731
      body.teammates = { type: "admin.list", admins: [{ type: "admin", id: "10553731" }] }
      body.statistics = { type: "conversation_statistics", last_closed_at: 1663597260, last_closed_by_id: 10553731 }
      const conversation = valueOf("conversations.find", yield* decodeThrough(Conversations.findOperation, body)) as any
      assert.strictEqual(conversation.statistics.last_closed_by_id, "10553731")
      assert.strictEqual(conversation.statistics.last_closed_by_id, conversation.teammates.admins[0].id)
      assert.strictEqual(conversation.admin_assignee_id, 10553731)
    }))

  it.effect("a conversation assigned to a team: a numeric team_assignee_id decodes to its string", () =>
    Effect.gen(function*() {
      const body = conversationFound()
      body.team_assignee_id = 5017691
      const conversation = valueOf("conversations.find", yield* decodeThrough(Conversations.findOperation, body)) as any
      assert.strictEqual(conversation.team_assignee_id, "5017691")
    }))

  it.effect("GET /conversations?per_page=100: pages.per_page \"100\" decodes to 100", () =>
    Effect.gen(function*() {
      const { exit, requests } = yield* runOnce(Conversations.listOperation, { per_page: 100 }, () =>
        MockHttp.json(200, {
          type: "conversation.list",
          conversations: [conversationFound()],
          total_count: "1",
          pages: { type: "pages", page: 1, per_page: "100", total_pages: 1 }
        }))
      assert.strictEqual(requests[0].url.searchParams.get("per_page"), "100")
      const list = valueOf("conversations.list", exit)
      assert.strictEqual(list.pages?.per_page, 100)
      assert.strictEqual(list.total_count, 1)
      assert.strictEqual(list.conversations?.length, 1)
    }))

  it.effect(
    "a ticket read at an older pinned version: ticket_state \"submitted\" comes back as sent, reported at its path",
    () =>
      Effect.gen(function*() {
        const example = jsonExamples.find((e) => e.operation === Tickets.getOperation)!
        const body: any = clone(example.value)
        body.ticket_state = "submitted"
        const logs = recordWarnings()
        const ticket = valueOf(
          "tickets.get at 2.11",
          yield* decodeThrough(Tickets.getOperation, body).pipe(
            IntercomClient.withVersion("2.11"),
            Effect.provide(logs.layer)
          )
        )
        assert.strictEqual(ticket.ticket_state as unknown, "submitted")
        assert.strictEqual(ticket.id, body.id)
        assert.deepStrictEqual(logs.paths, ["$.ticket_state"])
        // At 2.14, which never sends it, the string is a mismatch the strict policy names.
        const exit = yield* decodeThrough(Tickets.getOperation, body)
        assert.isTrue(Exit.isFailure(exit))
        const error = Cause.squash((exit as Exit.Failure<unknown, unknown>).cause) as IntercomError.ResponseDecodeError
        assert.strictEqual(error._tag, "ResponseDecodeError")
        assert.deepStrictEqual(error.mismatches.map((m) => m.jsonPath), ["$.ticket_state"])
      })
  )
})

describe("decode rules R1 and R2: the spec's examples", () => {
  it.effect(
    `R1: ${r1Examples.length} 2xx examples (${ownersOf(r1Examples)} response schemas) with their ${
      sum(r1Examples)
    } ids in the other JSON type decode to the ids of the examples`,
    () =>
      Effect.gen(function*() {
        assert.isAbove(r1Examples.length, 250)
        yield* checkDeviated(r1Examples)
      }),
    60_000
  )

  it.effect(
    `R2: ${r2Examples.length} 2xx examples (${ownersOf(r2Examples)} response schemas) with their ${
      sum(r2Examples)
    } pagination counters as numeric strings decode to the numbers`,
    () =>
      Effect.gen(function*() {
        assert.isAbove(r2Examples.length, 50)
        yield* checkDeviated(r2Examples)
      }),
    60_000
  )
})

const r1Schemas = touched("R1")
const r2Schemas = touched("R2")

describe("decode rules R1 and R2: every response schema they touch", () => {
  it(
    `R1 touches ${count(r1Schemas, "stable")} and ${
      count(r1Schemas, "unstable")
    } response schemas: each decodes values drawn from it with their ids in the other JSON type`,
    () => {
      assert.strictEqual(checkTouched("R1", r1Schemas), r1Schemas.length)
    },
    120_000
  )

  it(
    `R2 touches ${count(r2Schemas, "stable")} and ${
      count(r2Schemas, "unstable")
    } response schemas: each decodes values drawn from it with their counters as numeric strings`,
    () => {
      assert.strictEqual(checkTouched("R2", r2Schemas), r2Schemas.length)
    },
    120_000
  )
})

// -----------------------------------------------------------------------------
// R3: a ticket's state as a version before 2.14 sends it: lenient at the pinned version
// -----------------------------------------------------------------------------

// Preview requests always send `Unstable`, which their schemas describe: only stable operations can be pinned.
const r3Examples = jsonExamples.filter((example) => example.operation.api === "stable").flatMap((example) => {
  const body = clone(example.value)
  const sites: Array<Path> = []
  walk(example.operation.success!.ast, example.value, (v) => {
    const state = v.value as any
    if (v.key !== "ticket_state" || typeof state?.category !== "string") return
    setAt(body, v.path, state.category)
    sites.push(v.path)
  }, ownerOf(example.operation))
  return sites.length === 0 ? [] : [{ example, body, sites }]
})

describe("decode rule R3: other versions' shapes", () => {
  it.effect(
    `R3: ${r3Examples.length} 2xx examples with ${
      r3Examples.reduce((n, x) => n + x.sites.length, 0)
    } tickets whose ticket_state is the pre-2.14 string: as sent and reported at a pinned version, named by strict at 2.14`,
    () =>
      Effect.gen(function*() {
        assert.isAbove(r3Examples.length, 4)
        for (const { body, example, sites } of r3Examples) {
          const logs = recordWarnings()
          const decoded = valueOf(
            `${example.label} (older state, at 2.11)`,
            yield* decodeThrough(example.operation, clone(body)).pipe(
              IntercomClient.withVersion("2.11"),
              Effect.provide(logs.layer)
            )
          )
          assert.deepStrictEqual(decoded, body, example.label)
          const want = [...new Set(sites.map((path) => formatJsonPath(path).replace(/\[\d+\]/g, "[]")))]
          assert.deepStrictEqual(logs.paths.map((p) => p.replace(/\[\d+\]/g, "[]")), want, example.label)
          const strict = yield* decodeThrough(example.operation, clone(body))
          assert.isTrue(Exit.isFailure(strict), example.label)
        }
      })
  )
})

// -----------------------------------------------------------------------------
// R4: a resource's id is never missing
// -----------------------------------------------------------------------------

/** The identifier of a struct whose `id` is required, or undefined. */
const requiredIdOf = (ast: SchemaAST.AST): string | undefined => {
  if (ast._tag !== "TypeLiteral") return undefined
  const id = ast.propertySignatures.find((ps) => ps.name === "id")
  return id !== undefined && !id.isOptional ? identifierOf(ast) : undefined
}

const componentsWithRequiredId = (api: "stable" | "unstable") =>
  components.filter((c) => c.api === api && requiredIdOf(resolved(c.schema.ast)) !== undefined)

/** The instances of components with a required id in the 2xx examples: per component (api and identifier). */
const r4Instances = new Map<string, Array<{ readonly example: JsonExample; readonly path: Path }>>()
for (const example of jsonExamples) {
  walk(example.operation.success!.ast, example.value, (v) => {
    const name = requiredIdOf(v.ast)
    if (name === undefined) return
    const key = `${example.operation.api}.${name}`
    r4Instances.set(key, [...(r4Instances.get(key) ?? []), { example, path: v.path }])
  }, ownerOf(example.operation))
}

describe("decode rule R4: resource ids", () => {
  const stable = componentsWithRequiredId("stable")
  const preview = componentsWithRequiredId("unstable")
  it(`R4: ${stable.length} stable and ${preview.length} Preview components have a required id, typed non-null`, () => {
    // the resources the brief names, among them
    for (const name of ["Contact", "Conversation", "Ticket", "Company", "Admin", "Article", "Note", "Tag", "Team"]) {
      assert.isDefined(stable.find((c) => c.name === `stable.${name}`), name)
      assert.isDefined(preview.find((c) => c.name === `unstable.${name}`), name)
    }
    assert.isAbove(stable.length, 40)
    assert.isAbove(preview.length, 40)
  })

  const shown = [...r4Instances.entries()]
  it.effect(
    `R4: ${shown.length} of those components appear in the 2xx examples (${
      shown.reduce((n, [, xs]) => n + xs.length, 0)
    } instances, every one with an id); each, without its id, fails the decode at that id`,
    () =>
      Effect.gen(function*() {
        for (const [name, instances] of shown) {
          for (const { example, path } of instances) {
            const id = (getAt(example.value, path) as any).id
            assert.isTrue(id !== undefined && id !== null, `${name} at ${formatJsonPath(path)} in ${example.label}`)
          }
          const [{ example, path }] = instances
          const body: any = clone(example.value)
          delete (getAt(body, path) as any).id
          const exit = yield* decodeThrough(example.operation, body)
          const label = `${name} at ${formatJsonPath(path)} in ${example.label}`
          if (Exit.isSuccess(exit)) assert.fail(`${label}: decoded without its id`)
          const error = Option.getOrUndefined(Cause.failureOption(exit.cause)) as any
          assert.strictEqual(error?._tag, "ResponseDecodeError", label)
          assert.include(
            error.mismatches.map((m: any) => m.jsonPath),
            formatJsonPath([...path, "id"]),
            label
          )
        }
      }),
    60_000
  )
})

// -----------------------------------------------------------------------------
// R5: no NaN or ±Infinity in a request
// -----------------------------------------------------------------------------

const FINITE = Schema.Finite.ast
const NOT_FINITE: ReadonlyArray<number> = [NaN, Infinity, -Infinity]

/** Where an input takes a number: `Schema.Finite`, alone or in a union (an id given as a string or a number). */
const takesNumber = (ast: SchemaAST.AST): boolean =>
  ast === FINITE || (ast._tag === "Union" && ast.types.includes(FINITE))

interface NumberSite {
  readonly operation: AnyOperation
  readonly input: unknown
  readonly path: Path
  /** The input's field (or nested field), for counting the positions. */
  readonly position: string
  /** In one of several alternatives: the error names the path the alternatives agree on (`Issues.firstIssue`). */
  readonly branched: boolean
}

/** The number positions of every operation's input, in values drawn from it (several draws, so optional fields show). */
const numberSites: ReadonlyArray<NumberSite> = operations.flatMap((operation) => {
  const seen = new Map<string, NumberSite>()
  for (const input of FastCheck.sample(Arbitrary.make(operation.input), { numRuns: 6, seed: 5 })) {
    walk(
      operation.input.ast,
      input,
      (v) => {
        if (!takesNumber(v.ast)) return
        const position = `${operation.name} ${v.owner}.${v.path.filter((k) => typeof k === "string").join(".")}`
        if (!seen.has(position)) seen.set(position, { operation, input, path: v.path, position, branched: v.branched })
      },
      `${operation.name} input`,
      isOf
    )
  }
  return [...seen.values()]
})

const rejectsBeforeSending = (operation: AnyOperation, input: unknown, path: Path | undefined, label: string) =>
  Effect.gen(function*() {
    const { exit, requests } = yield* runOnce(operation, input as any, () => MockHttp.json(200, {}))
    const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) as any : undefined
    assert.strictEqual(error?._tag, "InvalidInputError", label)
    if (path !== undefined) assert.strictEqual(error.jsonPath, formatJsonPath(path), label)
    else assert.match(error.jsonPath, /^\$/, label)
    assert.strictEqual(requests.length, 0, label)
  })

describe("decode rule R5: finite numbers in requests", () => {
  it.effect("an id given as NaN, per_page NaN, a body field Infinity, a nested one -Infinity: InvalidInputError, nothing sent", () =>
    Effect.gen(function*() {
      yield* rejectsBeforeSending(
        Conversations.findOperation,
        { conversation_id: NaN },
        ["conversation_id"],
        "conversations.find"
      )
      yield* rejectsBeforeSending(
        Conversations.listOperation,
        { per_page: NaN },
        ["per_page"],
        "conversations.list"
      )
      yield* rejectsBeforeSending(
        Tickets.updateOperation,
        { ticket_id: "1", admin_id: Infinity },
        ["admin_id"],
        "tickets.update"
      )
      yield* rejectsBeforeSending(
        Conversations.searchOperation,
        { query: { field: "id", operator: "=", value: "1" }, pagination: { per_page: -Infinity } },
        ["pagination", "per_page"],
        "conversations.search"
      )
    }))

  it.effect("NaN where no number is declared (beside the alternative a union matched, an undeclared query key): InvalidInputError at it, nothing sent", () =>
    Effect.gen(function*() {
      // `user` is an id, a user_id or an email: `{email, user_id: NaN}` is the email alternative and a stray field
      yield* rejectsBeforeSending(
        Visitors.mergeToContactOperation,
        { type: "user", user: { email: "a@example.com", user_id: NaN }, visitor: { user_id: "v1" } },
        ["user", "user_id"],
        "visitors.mergeToContact"
      )
      // an undeclared key of a body-less method goes to the query string, where NaN would be "NaN"
      yield* rejectsBeforeSending(
        Conversations.listOperation,
        { per_page: 5, starting_after: "x", since: Infinity },
        ["since"],
        "conversations.list"
      )
    }))

  const ops = new Set(numberSites.map((s) => s.operation)).size
  const branched = numberSites.filter((s) => s.branched).length
  it.effect(
    `NaN, Infinity and -Infinity at each of ${numberSites.length} number positions of ${ops} operations' inputs: InvalidInputError (at the position, for the ${
      numberSites.length - branched
    } outside a union of alternatives), nothing sent`,
    () =>
      Effect.gen(function*() {
        assert.isAbove(ops, 150)
        for (const site of numberSites) {
          for (const bad of NOT_FINITE) {
            const input = clone(site.input)
            setAt(input, site.path, bad)
            yield* rejectsBeforeSending(
              site.operation,
              input,
              site.branched ? undefined : site.path,
              `${site.position} = ${bad}`
            )
          }
        }
      }),
    120_000
  )
})
