/**
 * Schema parse issues as the client reports them: the first issue of an
 * input (a JSON path and a message), and every mismatch of a response body
 * (path, expected, actual), with the noise of union members left out.
 */
import * as Either from "effect/Either"
import { globalValue } from "effect/GlobalValue"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import type * as IntercomError from "../IntercomError.js"

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** @internal */
export const formatJsonPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = "$"
  for (let i = 0; i < path.length; i++) {
    const key = path[i]
    if (typeof key === "number") out += `[${key}]`
    else if (typeof key === "string" && identifier.test(key)) out += `.${key}`
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}

const literalMismatch = /^Expected "[^"]*"(?: \| "[^"]*")*, actual /

const expectedActual = /^Expected ([\s\S]*), actual ([\s\S]*)$/

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Where an input issue is: its path (from the input's root) and what is wrong there. */
interface Located {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
  /** The problem at `path` alone (for a union: its closest alternative's), for an enclosing union's message. */
  readonly problem: string
}

/** How `firstIssue` formats a path: as the caller named the field (under `body` for a wrapped input). */
interface Render {
  readonly rename: (path: ReadonlyArray<PropertyKey>) => ReadonlyArray<PropertyKey>
  readonly direction: "encode" | "decode"
}

/**
 * The first issue to report.
 *
 * - A value that matches no alternative of a union of objects (`contacts.create`'s
 *   `{ email }`, `{ external_id }` and `{ role }`; the replies, messages and
 *   search queries) is said to: the message names the alternatives
 *   (`unionIssue`), the closest one, and that one's first problem, whose
 *   path is the issue's `jsonPath`. A problem every alternative has (a
 *   missing path parameter beside the body) is reported plainly.
 * - Elsewhere (no union of objects on the way) the message is Schema's
 *   (`is missing`, `Expected string, actual 12`); a value that matches no
 *   member of a union of scalars fails once per member, and the members
 *   whose literal did not match are the wrong ones, so it reports what the
 *   others agree on: the most frequent path among the issues that are not
 *   literal mismatches.
 *
 * `rename` gives the path as the caller wrote it (`request.ts`: under `body`
 * for the official SDK's shape), for `jsonPath` and for the paths the message
 * names; `direction` is how the issue arose (an input: `encode`).
 *
 * @internal
 */
export const firstIssue = (
  issue: ParseResult.ParseIssue,
  options?: {
    readonly rename?: ((path: ReadonlyArray<PropertyKey>) => ReadonlyArray<PropertyKey>) | undefined
    readonly direction?: "encode" | "decode" | undefined
  }
): { readonly jsonPath: string; readonly path: ReadonlyArray<PropertyKey>; readonly message: string } => {
  const render: Render = { rename: options?.rename ?? identity, direction: options?.direction ?? "encode" }
  const found = locate(issue, [], render, 0)
  return { jsonPath: formatJsonPath(render.rename(found.path)), path: found.path, message: found.message }
}

const identity = <A>(a: A): A => a

const maxMessage = 600
const maxName = 60
const maxNames = 6
const maxDepth = 8

const pathOf = (path: ParseResult.Path): ReadonlyArray<PropertyKey> =>
  Array.isArray(path) ? path : [path as PropertyKey]

/** Follow the issue down to its first problem, stopping at a union of objects that failed. */
const locate = (
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<PropertyKey>,
  render: Render,
  depth: number
): Located => {
  switch (issue._tag) {
    case "Pointer":
      return locate(issue.issue, [...path, ...pathOf(issue.path)], render, depth)
    case "Composite": {
      const issues = Array.isArray(issue.issues) ? issue.issues : [issue.issues as ParseResult.ParseIssue]
      const union = asUnion(issue.ast)
      if (union !== undefined) {
        const members = alternatives(union)
        if (depth < maxDepth && isUnionOfObjects(members)) {
          const explained = unionIssue(members, issue.actual, path, render, depth)
          if (explained !== undefined) return explained
        }
        // `X | null`, `X | undefined`: the issue is X's
        if (members.length === 1) {
          const own = issues.find((i) => !(i._tag === "Type" && isNullish(i.ast)))
          if (own !== undefined) return locate(own, path, render, depth)
        }
        return scalar(issue, path)
      }
      // a struct's or an array's issues, in the order of its properties or elements: the first
      return locate(issues[0], path, render, depth)
    }
    case "Type": {
      const union = asUnion(issue.ast)
      if (union !== undefined && depth < maxDepth) {
        const members = alternatives(union)
        if (isUnionOfObjects(members)) {
          const explained = unionIssue(members, issue.actual, path, render, depth)
          if (explained !== undefined) return explained
        }
      }
      return scalar(issue, path)
    }
    default:
      return scalar(issue, path)
  }
}

/**
 * Schema's message for an issue that involves no union of objects, at the
 * most frequent path among the issues that are not literal mismatches; the
 * members of a union of scalars that fail there are merged
 * (`Expected string | null, actual 12`), and the value is shortened.
 */
const scalar = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>): Located => {
  const all = ParseResult.ArrayFormatter.formatIssueSync(issue)
  const relevant = all.filter((i) => !literalMismatch.test(i.message))
  const pool = relevant.length > 0 ? relevant : all
  const byPath = new Map<string, { readonly issue: ParseResult.ArrayFormatterIssue; count: number }>()
  let first = pool[0]
  let best = 0
  for (const i of pool) {
    const key = JSON.stringify(i.path)
    const entry = byPath.get(key) ?? { issue: i, count: 0 }
    entry.count++
    byPath.set(key, entry)
    if (entry.count > best) {
      best = entry.count
      first = entry.issue
    }
  }
  if (first === undefined) {
    const message = shortenActual(ParseResult.TreeFormatter.formatIssueSync(issue))
    return { path, message, problem: message }
  }
  const key = JSON.stringify(first.path)
  const message = merged(all.filter((i) => JSON.stringify(i.path) === key)) ?? shortenActual(first.message)
  return { path: [...path, ...first.path], message, problem: message }
}

/** The problem at one path among formatted issues (merged, as `scalar` does). */
const atPath = (all: ReadonlyArray<ParseResult.ArrayFormatterIssue>, path: ReadonlyArray<PropertyKey>): Located => {
  const key = JSON.stringify(path)
  const group = all.filter((i) => JSON.stringify(i.path) === key)
  const message = merged(group) ?? shortenActual(group[0].message)
  return { path, message, problem: message }
}

/** `Expected A | B, actual x` for the issues at one path when each is `Expected …, actual x`. */
const merged = (group: ReadonlyArray<ParseResult.ArrayFormatterIssue>): string | undefined => {
  if (group.length < 2) return undefined
  const expected: Array<string> = []
  let actual: string | undefined
  for (const i of group) {
    const match = expectedActual.exec(i.message)
    if (match === null || (actual !== undefined && match[2] !== actual)) return undefined
    actual = match[2]
    // `undefined` is an optional property's: leaving it out is not the point here
    for (const part of match[1].split(" | ")) if (part !== "undefined" && !expected.includes(part)) expected.push(part)
  }
  if (expected.length === 0) return undefined
  return `Expected ${shorten(expected.join(" | "), 160)}, actual ${shorten(actual!, 60)}`
}

/** `Expected …, actual <value>` with a long value cut short: an input is never echoed whole. */
const shortenActual = (message: string): string => {
  const match = expectedActual.exec(message)
  return match === null
    ? shorten(message, 240)
    : `Expected ${shorten(match[1], 160)}, actual ${shorten(match[2], 60)}`
}

// -----------------------------------------------------------------------------
// Unions of objects
// -----------------------------------------------------------------------------

const unwrap = (ast: SchemaAST.AST): SchemaAST.AST => {
  for (let i = 0; i < 32; i++) {
    switch (ast._tag) {
      case "Suspend":
        ast = ast.f()
        continue
      case "Refinement":
        ast = ast.from
        continue
      case "Transformation":
        ast = ast.to
        continue
      default:
        return ast
    }
  }
  return ast
}

const asUnion = (ast: SchemaAST.AST): SchemaAST.Union | undefined => {
  const u = unwrap(ast)
  return u._tag === "Union" ? u : undefined
}

const isNullish = (ast: SchemaAST.AST): boolean => {
  const u = unwrap(ast)
  return (u._tag === "Literal" && u.literal === null) || u._tag === "UndefinedKeyword"
}

/** The alternatives of a union, nested unions flattened, `null` and `undefined` left out. */
const alternatives = (union: SchemaAST.Union): Array<SchemaAST.AST> => {
  const out: Array<SchemaAST.AST> = []
  const add = (ast: SchemaAST.AST, depth: number) => {
    const u = unwrap(ast)
    if (u._tag === "Union" && depth < 4 && !annotatedName(ast)) {
      for (const t of u.types) add(t, depth + 1)
    } else if (!isNullish(u)) out.push(ast)
  }
  for (const t of union.types) add(t, 0)
  return out
}

const isObject = (ast: SchemaAST.AST): ast is SchemaAST.TypeLiteral => {
  const u = unwrap(ast)
  return u._tag === "TypeLiteral" && u.propertySignatures.length > 0
}

const isUnionOfObjects = (members: ReadonlyArray<SchemaAST.AST>): boolean =>
  members.length >= 2 && members.some(isObject)

/** The literal values a property allows, if it allows only literals (`type: "admin"`). */
const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.LiteralValue> | undefined => {
  const u = unwrap(ast)
  if (u._tag === "Literal") return [u.literal]
  if (u._tag !== "Union") return undefined
  const out: Array<SchemaAST.LiteralValue> = []
  for (const t of u.types) {
    const v = unwrap(t)
    if (v._tag === "UndefinedKeyword") continue
    // `Schema.optional(Schema.Literal("a", "b"))` is `("a" | "b") | undefined`
    const values = v._tag === "Literal" ? [v.literal] : v._tag === "Union" ? literalsOf(v) : undefined
    if (values === undefined) return undefined
    for (const value of values) out.push(value)
  }
  return out.length > 0 ? out : undefined
}

interface Shape {
  readonly keys: ReadonlySet<string>
  readonly open: boolean
  readonly required: ReadonlyArray<string>
  /** The properties that allow only literals, and those literals. */
  readonly literals: ReadonlyMap<string, ReadonlyArray<SchemaAST.LiteralValue>>
}

const shapeOf = (ast: SchemaAST.AST): Shape => {
  const u = unwrap(ast)
  const literals = new Map<string, ReadonlyArray<SchemaAST.LiteralValue>>()
  if (u._tag !== "TypeLiteral") return { keys: new Set(), open: false, required: [], literals }
  const required: Array<string> = []
  for (const p of u.propertySignatures) {
    if (typeof p.name !== "string") continue
    const values = literalsOf(p.type)
    if (values !== undefined) literals.set(p.name, values)
    if (!p.isOptional) required.push(p.name)
  }
  return {
    keys: new Set(u.propertySignatures.map((p) => String(p.name))),
    open: u.indexSignatures.length > 0,
    required,
    literals
  }
}

const annotatedName = (ast: SchemaAST.AST): string | undefined => {
  for (let a: SchemaAST.AST | undefined = ast, i = 0; a !== undefined && i < 8; i++) {
    const title = Option.getOrUndefined(SchemaAST.getTitleAnnotation(a))
    if (title !== undefined) return title
    const id = Option.getOrUndefined(SchemaAST.getIdentifierAnnotation(a))
    // the request flavour of a component also used in responses is `<Name>Input`
    if (id !== undefined) return id.replace(/Input$/, "")
    a = a._tag === "Suspend" ? a.f() : a._tag === "Refinement" ? a.from : undefined
  }
  return undefined
}

const disjoint = (a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown> | undefined): boolean =>
  b === undefined || !a.some((v) => b.includes(v))

const literalText = (values: ReadonlyArray<SchemaAST.LiteralValue>): string =>
  values.length <= 3
    ? values.map((v) => JSON.stringify(v)).join(" | ")
    : `${values.slice(0, 2).map((v) => JSON.stringify(v)).join(" | ")} | …`

/**
 * A readable name for each alternative: its title or identifier annotation
 * (`SingleFilterSearchRequest`), else the literals that tell it from the others
 * (`{ message_type: "close" }`), with the required keys that tell it from
 * those with the same literals (`{ type: "user", email }`), else its kind.
 */
const namesOf = (members: ReadonlyArray<SchemaAST.AST>, shapes: ReadonlyArray<Shape>): Array<string> =>
  members.map((member, i) => {
    const annotated = annotatedName(member)
    if (annotated !== undefined) return shorten(annotated, maxName)
    const shape = shapes[i]
    if (!isObject(member)) return shorten(kindOf(member), maxName)
    // the fewest literals that tell it from the others, most telling first
    let alike = shapes.filter((_, j) => j !== i)
    const parts: Array<string> = []
    const unused = new Map(shape.literals)
    while (alike.length > 0 && unused.size > 0) {
      let best: string | undefined
      let told = 0
      for (const [key, values] of unused) {
        const n = alike.filter((o) => disjoint(values, o.literals.get(key))).length
        if (n > told) {
          best = key
          told = n
        }
      }
      if (best === undefined) break
      const values = unused.get(best)!
      unused.delete(best)
      parts.push(`${best}: ${literalText(values)}`)
      alike = alike.filter((o) => !disjoint(values, o.literals.get(best)))
    }
    // then the fewest keys it requires that those with the same literals do not
    const keys = shape.required.filter((k) => !shape.literals.has(k))
    while (alike.length > 0) {
      let best: string | undefined
      let told = 0
      for (const key of keys) {
        const n = alike.filter((o) => !o.required.includes(key)).length
        if (n > told) {
          best = key
          told = n
        }
      }
      if (best === undefined) break
      parts.push(best)
      alike = alike.filter((o) => o.required.includes(best))
    }
    // nothing tells it apart: the keys it requires
    const named = parts.length === 0 ? keys : parts
    return named.length === 0 ? `alternative ${i + 1}` : braced(named)
  })

/** `{ a, b }`, with the parts that do not fit in `maxName` left out (`{ a, … }`). */
const braced = (parts: ReadonlyArray<string>): string => {
  let out = `{ ${shorten(parts[0], maxName - 4)}`
  for (let i = 1; i < parts.length; i++) {
    if (out.length + parts[i].length + 6 > maxName) return `${out}, … }`
    out += `, ${parts[i]}`
  }
  return `${out} }`
}

const kindOf = (ast: SchemaAST.AST): string => {
  const u = unwrap(ast)
  switch (u._tag) {
    case "TupleType":
      return "an array"
    case "TypeLiteral":
      return "an object"
    case "StringKeyword":
    case "TemplateLiteral":
      return "a string"
    case "NumberKeyword":
      return "a number"
    case "BooleanKeyword":
      return "a boolean"
    default:
      return String(u)
  }
}

interface Candidate {
  readonly index: number
  readonly mismatched: number
  readonly matched: number
  /** Mismatched literals the value is near (`"snooze"` for `"snoozed"`). */
  readonly near: number
  readonly cost: number
  readonly depth: number
  readonly first: Located
  readonly all: ReadonlyArray<ParseResult.ArrayFormatterIssue>
  readonly rootType: boolean
}

const parsers = globalValue(
  Symbol.for("@effect-intercom/client/internal/issues/parsers"),
  () => ({ encode: new WeakMap<SchemaAST.AST, Parse>(), decode: new WeakMap<SchemaAST.AST, Parse>() })
)

type Parse = (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>

const parserOf = (ast: SchemaAST.AST, direction: "encode" | "decode"): Parse => {
  const cache = parsers[direction]
  let parse = cache.get(ast)
  if (parse === undefined) {
    const schema = Schema.make(ast)
    parse = direction === "encode"
      ? ParseResult.encodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })
      : ParseResult.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })
    cache.set(ast, parse)
  }
  return parse
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The issue of a value that matches no alternative of a union of objects:
 * each alternative is checked on its own, and the closest is the one whose
 * literals the value matches (none mismatched, then the most matched), then
 * the one with the fewest problems (its issues and the value's keys it does
 * not know), then the one that got deepest, then the first declared.
 */
const unionIssue = (
  members: ReadonlyArray<SchemaAST.AST>,
  actual: unknown,
  path: ReadonlyArray<PropertyKey>,
  render: Render,
  depth: number
): Located | undefined => {
  const shapes = members.map(shapeOf)
  const given = isRecord(actual) ? Object.keys(actual) : []
  // the literal keys whose values differ between the alternatives (`type`, not a `model` they all share)
  const telling = new Set<string>()
  for (const shape of shapes) {
    for (const [key, values] of shape.literals) {
      const same = shapes.every((o) => {
        const other = o.literals.get(key)
        return other !== undefined && other.length === values.length && other.every((v) => values.includes(v))
      })
      if (!same) telling.add(key)
    }
  }
  const candidates: Array<Candidate> = []
  for (let index = 0; index < members.length; index++) {
    const result = parserOf(members[index], render.direction)(actual)
    // an alternative accepts it (another option set than the caller's): nothing to explain here
    if (Either.isRight(result)) return undefined
    const shape = shapes[index]
    let mismatched = 0
    let matched = 0
    let near = 0
    if (isRecord(actual)) {
      for (const [key, values] of shape.literals) {
        if (!Object.hasOwn(actual, key)) continue
        const value = actual[key]
        if (values.includes(value as SchemaAST.LiteralValue)) matched++
        else {
          mismatched++
          if (typeof value === "string" && values.some((v) => typeof v === "string" && isNear(value, v))) near++
        }
      }
    }
    const all = ParseResult.ArrayFormatter.formatIssueSync(result.left)
    const unknown = shape.open ? 0 : given.filter((k) => !shape.keys.has(k)).length
    // its literals first (left out or wrong, they decide which alternative is meant), then in the order of its keys
    const atLiteral = all.filter((i) => i.path.length === 1 && telling.has(String(i.path[0])))
    const first = atLiteral.length > 0 ? atPath(all, atLiteral[0].path) : locate(result.left, [], render, depth + 1)
    candidates.push({
      index,
      mismatched,
      matched,
      near,
      // the paths at fault (a literal union fails once per literal) and the keys it does not know
      cost: new Set(all.map((i) => JSON.stringify(i.path))).size + unknown,
      depth: first.path.length,
      first,
      all,
      rootType: all.length === 1 && all[0].path.length === 0 && all[0]._tag === "Type"
    })
  }
  const at = (p: ReadonlyArray<PropertyKey>) => formatJsonPath(render.rename([...path, ...p]))
  const where = path.length === 0 && render.rename([]).length === 0 ? "the input" : at([])
  const names = namesOf(members, shapes)
  const listed = names.length > maxNames
    ? `${names.slice(0, maxNames).join(", ")}, … (${names.length - maxNames} more)`
    : names.join(", ")
  if (candidates.every((c) => c.rootType)) {
    // not an object at all (or not the kind any alternative is)
    const message = shorten(
      `Expected one of ${members.length} alternatives (${listed}), actual ${shorten(formatValue(actual), 60)}`,
      maxMessage
    )
    return { path, message, problem: message }
  }
  const sorted = [...candidates].sort((a, b) =>
    a.mismatched - b.mismatched || b.matched - a.matched || b.near - a.near || a.cost - b.cost ||
    b.depth - a.depth || a.index - b.index
  )
  const closest = sorted[0]
  // A problem every alternative has (a path parameter left out beside the body) is not the union's,
  // unless the value also gave a literal of the closest alternative wrongly.
  const first = closest.first
  const key = JSON.stringify(first.path)
  const shared = closest.mismatched === 0 &&
    candidates.every((c) => c.all.some((i) => JSON.stringify(i.path) === key))
  if (shared) return { path: [...path, ...first.path], message: first.message, problem: first.problem }
  return {
    path: [...path, ...first.path],
    message: shorten(
      `${where} matches none of ${members.length} alternatives (${listed}); closest: ${names[closest.index]}, at ${
        at(first.path)
      }: ${first.problem}`,
      maxMessage
    ),
    problem: first.problem
  }
}

/** Whether a string is a near miss of a literal: one is the other's prefix, or they differ by one edit. */
const isNear = (value: string, literal: string): boolean => {
  if (value.length === 0) return false
  const a = value.toLowerCase()
  const b = literal.toLowerCase()
  if (a.startsWith(b) || b.startsWith(a)) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const tail = (x: string, n: number) => x.slice(i + n)
  return tail(a, 1) === tail(b, 1) || tail(a, 1) === tail(b, 0) || tail(a, 0) === tail(b, 1)
}

const formatValue = (u: unknown): string => {
  if (typeof u === "string") return JSON.stringify(u)
  if (Array.isArray(u)) return "an array"
  if (typeof u === "object" && u !== null) return "an object"
  return String(u)
}

const isPrefix = (prefix: ReadonlyArray<PropertyKey>, path: ReadonlyArray<PropertyKey>): boolean => {
  if (prefix.length >= path.length) return false
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] !== path[i]) return false
  }
  return true
}

/**
 * Every mismatch of a value against a schema, one per JSON path, at most
 * `limit` of them, and how many there were.
 *
 * A value that matches no member of a union fails once per member, so:
 * issues at one path are merged (`Expected string | null, actual 1`); literal
 * mismatches (the members whose discriminator did not match) are dropped when
 * other issues remain; and an issue at a path is dropped when another one lies
 * deeper below it (a member that got further explains the failure better).
 *
 * @internal
 */
export const mismatches = (
  issue: ParseResult.ParseIssue,
  limit: number
): { readonly mismatches: Array<IntercomError.Mismatch>; readonly count: number } => {
  const all = ParseResult.ArrayFormatter.formatIssueSync(issue)
  const relevant = all.filter((i) => !literalMismatch.test(i.message))
  const pool = relevant.length > 0 ? relevant : all
  const groups = new Map<string, Array<ParseResult.ArrayFormatterIssue>>()
  for (const i of pool) {
    const key = JSON.stringify(i.path)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [i])
    else group.push(i)
  }
  const paths = [...groups.values()].map((group) => group[0].path)
  const out: Array<IntercomError.Mismatch> = []
  let count = 0
  for (const group of groups.values()) {
    const path = group[0].path
    if (paths.some((other) => isPrefix(path, other))) continue
    count++
    if (out.length >= limit) continue
    const expected: Array<string> = []
    let actual: string | undefined
    let parsed = true
    for (const i of group) {
      const match = expectedActual.exec(i.message)
      if (match === null) {
        parsed = false
        continue
      }
      for (const part of match[1].split(" | ")) if (!expected.includes(part)) expected.push(part)
      actual ??= match[2]
    }
    const jsonPath = formatJsonPath(path)
    if (parsed && actual !== undefined) {
      const e = shorten(expected.join(" | "), 200)
      const a = shorten(actual, 120)
      out.push({ jsonPath, expected: e, actual: a, message: `Expected ${e}, actual ${a}` })
    } else {
      const message = shorten(group[0].message, 320)
      out.push({
        jsonPath,
        expected: group[0]._tag === "Missing" ? "a value" : shorten(group[0].message, 200),
        actual: group[0]._tag === "Missing" ? "missing" : "",
        message
      })
    }
  }
  return { mismatches: out, count }
}
