/**
 * Fast `Schema.is` and fast decoding for the schemas the generator emits:
 * compiled once from the AST, allocation-free while they check.
 *
 * `ParseResult.is` builds an `Either` and an output object for every struct
 * it visits; on a ~3 KB contact that costs about as much as `JSON.parse`.
 *
 * - `compile(ast)` is the predicate of `Schema.is` (the type side). It handles
 *   the AST nodes generated schemas are made of (structs, records, arrays,
 *   unions, literals, keywords, suspends, refinements such as `Schema.Finite`,
 *   the type side of a transformation) and hands any other node to
 *   `ParseResult.is`, so it accepts exactly what Schema accepts. Inputs are
 *   checked with it before they are encoded.
 * - `decoder(ast)` is the decode side: an `is` on the encoded side (whether
 *   `ParseResult.decodeUnknownEither` succeeds) and, only for the subtrees
 *   that contain a coercion of `tolerant.ts` (an id or a counter in another
 *   JSON type), a `fix` that normalises the value in place along the path
 *   Schema's decoding takes (for a union: the first member, in Schema's
 *   candidate order, that decodes). The value is JSON the client parsed
 *   itself, so mutating it is safe. A schema with any other transformation has
 *   no decoder (Schema decodes it).
 * - `hasNonFinite(u)` finds NaN or ±Infinity anywhere in an input.
 *
 * Most leaves of a response are strings, numbers, booleans or null, alone or
 * in a union (`Schema.NullOr(Schema.String)`): their predicates are kind tests
 * (`exactKinds`), which a struct's loop and a union check inline as a bit
 * mask instead of calling a closure per property.
 *
 * `tests/runtime/check.test.ts` compares `compile` and `decoder` with Schema
 * on every generated schema: verdicts, and the decoded values.
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as Tolerant from "./tolerant.js"

type Predicate = (u: unknown) => boolean

const cache = new WeakMap<SchemaAST.AST, Predicate>()

const always: Predicate = () => true
const isString: Predicate = (u) => typeof u === "string"
const isNumber: Predicate = (u) => typeof u === "number"
const isBoolean: Predicate = (u) => typeof u === "boolean"
const isUndefined: Predicate = (u) => u === undefined
const isNull: Predicate = (u) => u === null
const isNotNullable: Predicate = (u) => u !== null && u !== undefined
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The options Schema's `is` runs a refinement's filter with. */
const isOptions: SchemaAST.ParseOptions = { exact: true }
/** The options a response is decoded with (a filter reads only `errors` and `exact`). */
const decodeOptions: SchemaAST.ParseOptions = { onExcessProperty: "preserve" }

/** A refinement's own predicate (`Schema.Finite`'s `Number.isFinite`), given that its `from` accepts `u`. */
const filterOf = (ast: SchemaAST.Refinement, options: SchemaAST.ParseOptions): Predicate => (u) =>
  Option.isNone(ast.filter(u, options, ast))

const fastDecodeOf = (ast: SchemaAST.AST): Tolerant.FastDecode | undefined =>
  ast._tag === "Transformation" ? (ast.annotations[Tolerant.FastDecode] as Tolerant.FastDecode | undefined) : undefined

/** @internal The predicate of `ast`: true exactly when `ParseResult.is` is. */
export const compile = (ast: SchemaAST.AST): Predicate => {
  let predicate = cache.get(ast)
  if (predicate === undefined) {
    predicate = make(ast)
    cache.set(ast, predicate)
  }
  return predicate
}

const fallback = (ast: SchemaAST.AST): Predicate => ParseResult.is(Schema.make(ast), { exact: true })

const make = (ast: SchemaAST.AST): Predicate => {
  switch (ast._tag) {
    case "StringKeyword":
      return isString
    case "NumberKeyword":
      return isNumber
    case "BooleanKeyword":
      return isBoolean
    case "UndefinedKeyword":
      return isUndefined
    case "UnknownKeyword":
    case "AnyKeyword":
      return always
    case "Literal": {
      const literal = ast.literal
      return literal === null ? isNull : (u) => u === literal
    }
    case "Suspend": {
      // Built on first use: a suspend may be (part of) a cycle.
      let inner: Predicate | undefined
      return (u) => (inner ??= compile(ast.f()))(u)
    }
    case "Refinement": {
      const from = compile(ast.from)
      const filter = filterOf(ast, isOptions)
      return (u) => from(u) && filter(u)
    }
    case "Transformation":
      // `Schema.is` checks the type side.
      return compile(SchemaAST.typeAST(ast.to))
    case "Union":
      return anyOf(ast.types.map(compile))
    case "TupleType": {
      // `Schema.Array(item)`: no fixed elements, one rest element
      if (ast.elements.length !== 0 || ast.rest.length !== 1) return fallback(ast)
      const item = compile(ast.rest[0].type)
      return (u) => {
        if (!Array.isArray(u)) return false
        for (let i = 0; i < u.length; i++) {
          if (!item(u[i])) return false
        }
        return true
      }
    }
    case "TypeLiteral":
      return typeLiteral(ast)
    default:
      return fallback(ast)
  }
}

const typeLiteral = (ast: SchemaAST.TypeLiteral): Predicate => {
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return isNotNullable
  if (ast.indexSignatures.some((signature) => signature.parameter._tag !== "StringKeyword")) return fallback(ast)
  if (ast.propertySignatures.some((signature) => typeof signature.name !== "string")) return fallback(ast)
  return structPredicate(
    ast.propertySignatures.map((signature) => signature.name as string),
    ast.propertySignatures.map((signature) => signature.isOptional),
    ast.propertySignatures.map((signature) => compile(signature.type)),
    ast.indexSignatures.map((signature) => compile(signature.type))
  )
}

/**
 * A struct's predicate from its properties' (and index signatures')
 * predicates: the same loop for the type side and for a decoder's encoded side.
 */
const structPredicate = (
  names: ReadonlyArray<string>,
  optional: ReadonlyArray<boolean>,
  types: ReadonlyArray<Predicate>,
  values: ReadonlyArray<Predicate>
): Predicate => {
  const count = names.length
  // A property whose predicate is a kind test is checked here, without a call (most of a response's leaves).
  const kinds = types.map((type) => exactKinds.get(type) ?? 0)
  return (u) => {
    if (!isRecord(u)) return false
    for (let i = 0; i < count; i++) {
      const name = names[i]
      if (!Object.prototype.hasOwnProperty.call(u, name)) {
        if (optional[i]) continue
        return false
      }
      const k = kinds[i]
      if (k !== 0 ? (kindOf(u[name]) & k) === 0 : !types[i](u[name])) return false
    }
    if (values.length > 0) {
      const keys = Object.keys(u)
      for (let v = 0; v < values.length; v++) {
        const value = values[v]
        for (let k = 0; k < keys.length; k++) {
          if (!value(u[keys[k]])) return false
        }
      }
    }
    return true
  }
}

// -----------------------------------------------------------------------------
// The decode side
// -----------------------------------------------------------------------------

/** @internal */
export interface Decoder {
  /** Whether `ParseResult.decodeUnknownEither(schema)(u)` succeeds: allocation-free. */
  readonly is: Predicate
  /**
   * The decoded value of a `u` that `is` accepts, normalised in place (the
   * same object or array, or a new scalar). `undefined` when decoding never
   * changes a value (no coercion below this node): the decoded value is `u`.
   */
  readonly fix: ((u: unknown) => unknown) | undefined
}

const decoderCache = new WeakMap<SchemaAST.AST, Decoder>()
const supportedCache = new WeakMap<SchemaAST.AST, boolean>()
const changesCache = new WeakMap<SchemaAST.AST, boolean>()

/**
 * The fast decoder of `ast`, or `undefined` when it contains a node this
 * module does not decode itself (a transformation other than the coercions,
 * a declaration, a refinement over a coercion): Schema decodes those.
 *
 * @internal
 */
export const decoder = (ast: SchemaAST.AST): Decoder | undefined => (supported(ast) ? decoderOf(ast) : undefined)

/** The children of a node, for the graph walks below (a suspend's target included). */
const children = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.AST> => {
  switch (ast._tag) {
    case "Suspend":
      return [ast.f()]
    case "Refinement":
      return [ast.from]
    case "Union":
      return ast.types
    case "TupleType":
      return [...ast.elements.map((e) => e.type), ...ast.rest.map((r) => r.type)]
    case "TypeLiteral":
      return [...ast.propertySignatures.map((p) => p.type), ...ast.indexSignatures.map((i) => i.type)]
    default:
      return []
  }
}

/**
 * Whether some node reachable from `ast` satisfies `test`: a walk of the whole
 * (possibly cyclic) graph, each answer cached only once complete.
 */
const reaches = (
  ast: SchemaAST.AST,
  test: (ast: SchemaAST.AST) => boolean,
  cached: WeakMap<SchemaAST.AST, boolean>
): boolean => {
  const known = cached.get(ast)
  if (known !== undefined) return known
  const seen = new Set<SchemaAST.AST>()
  const stack = [ast]
  let found = false
  while (stack.length > 0 && !found) {
    const node = stack.pop()!
    if (seen.has(node)) continue
    seen.add(node)
    const c = cached.get(node)
    if (c === false) continue
    if (c === true || test(node)) {
      found = true
      break
    }
    // A coercion is a leaf: its `from` and `to` are the coercion's business.
    if (fastDecodeOf(node) === undefined) { for (const child of children(node)) stack.push(child) }
  }
  cached.set(ast, found)
  return found
}

/** Nodes decoded here only while nothing below them changes (else Schema decodes the whole schema). */
const ownShape = (ast: SchemaAST.AST): boolean => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
    case "Literal":
    case "Suspend":
    case "Union":
      return true
    case "TupleType":
      return ast.elements.length === 0 && ast.rest.length === 1
    case "TypeLiteral":
      return ast.indexSignatures.every((signature) => signature.parameter._tag === "StringKeyword") &&
        ast.propertySignatures.every((signature) => typeof signature.name === "string")
    default:
      return false
  }
}

const unsupported = (ast: SchemaAST.AST): boolean => {
  switch (ast._tag) {
    case "Declaration":
      return true
    case "Transformation":
      return fastDecodeOf(ast) === undefined
    case "Refinement":
      // The filter runs on the decoded value: over a coercion, Schema does it.
      return changes(ast.from)
    case "TypeLiteral":
      return ast.propertySignatures.some((ps) => !ps.isOptional && acceptsUndefined(ps.type)) ||
        (!ownShape(ast) && changes(ast))
    default:
      return !ownShape(ast) && changes(ast)
  }
}

const supported = (ast: SchemaAST.AST): boolean => !reaches(ast, unsupported, supportedCache)

/**
 * Whether a missing required key decodes: Schema (without `exact`) decodes it
 * as `undefined` when the property's type accepts `undefined`, and its output
 * then has the key. No generated schema has such a property; one that did
 * would be decoded by Schema.
 */
const acceptsUndefined = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST> = new Set()): boolean => {
  if (seen.has(ast)) return false
  seen.add(ast)
  const coercion = fastDecodeOf(ast)
  if (coercion !== undefined) return coercion.is(undefined)
  switch (ast._tag) {
    case "UndefinedKeyword":
    case "VoidKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
      return true
    case "Union":
      return ast.types.some((t) => acceptsUndefined(t, seen))
    case "Suspend":
      return acceptsUndefined(ast.f(), seen)
    case "Refinement":
      return acceptsUndefined(ast.from, seen) && filterOf(ast, decodeOptions)(undefined)
    default:
      return false
  }
}

/** Whether decoding may change a value under `ast`: a coercion is reachable. */
const changes = (ast: SchemaAST.AST): boolean => reaches(ast, (node) => fastDecodeOf(node) !== undefined, changesCache)

const decoderOf = (ast: SchemaAST.AST): Decoder => {
  let d = decoderCache.get(ast)
  if (d === undefined) {
    d = makeDecoder(ast)
    decoderCache.set(ast, d)
  }
  return d
}

/** A node this module does not walk, under which nothing changes: Schema's decode says whether it decodes. */
const checkOnly = (ast: SchemaAST.AST): Decoder => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast), decodeOptions)
  return { is: (u) => Either.isRight(decode(u)), fix: undefined }
}

const makeDecoder = (ast: SchemaAST.AST): Decoder => {
  const coercion = fastDecodeOf(ast)
  if (coercion !== undefined) return { is: coercion.is, fix: coercion.decode }
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
    case "Literal":
      return { is: compile(ast), fix: undefined }
    case "Refinement": {
      // `supported` made sure its `from` never changes a value
      const from = decoderOf(ast.from).is
      const filter = filterOf(ast, decodeOptions)
      return { is: (u) => from(u) && filter(u), fix: undefined }
    }
    case "Suspend": {
      // resolved on first use: a suspend may be (part of) a cycle
      let is: Predicate | undefined
      let fix: ((u: unknown) => unknown) | undefined
      return {
        is: (u) => (is ??= decoderOf(ast.f()).is)(u),
        fix: changes(ast) ? (u) => (fix ??= decoderOf(ast.f()).fix!)(u) : undefined
      }
    }
    case "Union":
      return union(ast)
    case "TupleType": {
      // `supported` made sure that a tuple decoded by Schema changes nothing
      if (ast.elements.length !== 0 || ast.rest.length !== 1) return checkOnly(ast)
      const item = decoderOf(ast.rest[0].type)
      const is = item.is
      const fix = item.fix
      return {
        is: (u) => {
          if (!Array.isArray(u)) return false
          for (let i = 0; i < u.length; i++) {
            if (!is(u[i])) return false
          }
          return true
        },
        fix: fix === undefined ? undefined : (u) => {
          const array = u as Array<unknown>
          for (let i = 0; i < array.length; i++) array[i] = fix(array[i])
          return array
        }
      }
    }
    case "TypeLiteral":
      return typeLiteralDecoder(ast)
    default:
      return checkOnly(ast)
  }
}

/**
 * The order in which Schema's union decoding tries the members that can
 * succeed: members with a required literal property (a tag) first, by tag
 * key in the order Schema's search tree holds them and within a key by
 * bucket, then the others in declaration order (`ParseResult.getSearchTree`:
 * a member that decodes always has its bucket selected, so among the members
 * that decode this order is static).
 */
const candidateOrder = (members: ReadonlyArray<SchemaAST.AST>): Array<number> => {
  const keys: Record<PropertyKey, { buckets: Record<string, Array<number>> }> = {}
  const otherwise: Array<number> = []
  for (let i = 0; i < members.length; i++) {
    const tags = literalsOf(members[i])
    if (tags.length === 0) {
      otherwise.push(i)
      continue
    }
    for (let j = 0; j < tags.length; j++) {
      const [key, literal] = tags[j]
      const hash = String(literal.literal)
      keys[key] = keys[key] || { buckets: {} }
      const buckets = keys[key].buckets
      if (Object.prototype.hasOwnProperty.call(buckets, hash)) {
        if (j < tags.length - 1) continue
        buckets[hash].push(i)
      } else {
        buckets[hash] = [i]
        break
      }
    }
  }
  const order: Array<number> = []
  for (const key of Reflect.ownKeys(keys)) {
    // Members that decode are all in the one bucket of their key that the value selects.
    for (const bucket of Object.values(keys[key].buckets)) for (const i of bucket) order.push(i)
  }
  return [...order, ...otherwise]
}

/** `ParseResult.getLiterals` on the decode side: the required properties whose encoded type is a literal. */
const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<readonly [PropertyKey, SchemaAST.Literal]> => {
  switch (ast._tag) {
    case "Declaration": {
      const surrogate = SchemaAST.getSurrogateAnnotation(ast)
      return Option.isSome(surrogate) ? literalsOf(surrogate.value) : []
    }
    case "TypeLiteral": {
      const out: Array<readonly [PropertyKey, SchemaAST.Literal]> = []
      for (const ps of ast.propertySignatures) {
        const type = SchemaAST.encodedAST(ps.type)
        if (SchemaAST.isLiteral(type) && !ps.isOptional) out.push([ps.name, type])
      }
      return out
    }
    case "TupleType": {
      const out: Array<readonly [PropertyKey, SchemaAST.Literal]> = []
      ast.elements.forEach((element, i) => {
        const type = SchemaAST.encodedAST(element.type)
        if (SchemaAST.isLiteral(type) && !element.isOptional) out.push([i, type])
      })
      return out
    }
    case "Refinement":
      return literalsOf(ast.from)
    case "Suspend":
      return literalsOf(ast.f())
    case "Transformation":
      return literalsOf(ast.from)
    default:
      return []
  }
}

/** The JSON kinds of a value, as bits. */
const NULL = 1
const BOOLEAN = 2
const NUMBER = 4
const STRING = 8
const ARRAY = 16
const OBJECT = 32
const OTHER = 64
const ANY = 127

const kindOf = (u: unknown): number =>
  u === null
    ? NULL
    : typeof u === "boolean"
    ? BOOLEAN
    : typeof u === "number"
    ? NUMBER
    : typeof u === "string"
    ? STRING
    : Array.isArray(u)
    ? ARRAY
    : typeof u === "object"
    ? OBJECT
    : OTHER

/**
 * The predicates that are exactly a test of `kindOf`: `isString` is
 * `kindOf(u) === STRING` (each value has one kind), so a union of them is a
 * mask. Loops check these inline.
 */
const exactKinds = new WeakMap<Predicate, number>([
  [isNull, NULL],
  [isBoolean, BOOLEAN],
  [isNumber, NUMBER],
  [isString, STRING]
])

/**
 * A union's predicate: its kind tests as one mask, then the other members
 * (the predicates are pure, so the order they run in does not matter).
 */
const anyOf = (members: ReadonlyArray<Predicate>): Predicate => {
  let kinds = 0
  const rest: Array<Predicate> = []
  for (const member of members) {
    const k = exactKinds.get(member)
    if (k === undefined) rest.push(member)
    else kinds |= k
  }
  if (rest.length === 0) {
    const predicate: Predicate = (u) => (kindOf(u) & kinds) !== 0
    exactKinds.set(predicate, kinds)
    return predicate
  }
  if (rest.length === 1) {
    const only = rest[0]
    return kinds === 0 ? only : (u) => (kindOf(u) & kinds) !== 0 || only(u)
  }
  return (u) => {
    if ((kindOf(u) & kinds) !== 0) return true
    for (let i = 0; i < rest.length; i++) {
      if (rest[i](u)) return true
    }
    return false
  }
}

/** The kinds of value a node can accept (more is safe, never fewer). */
const kindsOf = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST> = new Set()): number => {
  if (fastDecodeOf(ast) !== undefined) return NUMBER | STRING
  if (seen.has(ast)) return 0 // the rest of the cycle says what it accepts
  seen.add(ast)
  switch (ast._tag) {
    case "Literal":
      return ast.literal === null ? NULL : kindOf(ast.literal)
    case "StringKeyword":
      return STRING
    case "NumberKeyword":
      return NUMBER
    case "BooleanKeyword":
      return BOOLEAN
    case "TupleType":
      return ARRAY
    case "TypeLiteral":
      // `{}` accepts anything but null and undefined
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0 ? ANY & ~NULL : OBJECT
    case "Refinement":
      return kindsOf(ast.from, seen)
    case "Suspend":
      return kindsOf(ast.f(), seen)
    case "Union":
      return ast.types.reduce((k, t) => k | kindsOf(t, seen), 0)
    default:
      return ANY
  }
}

const union = (ast: SchemaAST.Union): Decoder => {
  const members = ast.types.map(decoderOf)
  const is = anyOf(members.map((member) => member.is))
  if (!members.some((m) => m.fix !== undefined)) return { is, fix: undefined }
  const order = candidateOrder(ast.types)
  const ordered = order.map((i) => members[i])
  // Per kind of value, the members that can take it, in Schema's order: where only one can (`null` or an
  // object for `NullOr(Struct)`), the value `is` accepted is that member's, and is not checked again.
  let byKind: Array<ReadonlyArray<Decoder>> | undefined
  const candidates = (u: unknown): ReadonlyArray<Decoder> => {
    if (byKind === undefined) {
      // built on first use: a member may be a suspend of a cycle
      const kinds = order.map((i) => kindsOf(ast.types[i]))
      byKind = []
      for (let bit = 1; bit <= OTHER; bit <<= 1) byKind[bit] = ordered.filter((_, j) => (kinds[j] & bit) !== 0)
    }
    return byKind[kindOf(u)]
  }
  return {
    is,
    fix: (u) => {
      const possible = candidates(u)
      if (possible.length === 1) {
        const member = possible[0]
        return member.fix === undefined ? u : member.fix(u)
      }
      for (let i = 0; i < possible.length; i++) {
        const member = possible[i]
        if (member.is(u)) return member.fix === undefined ? u : member.fix(u)
      }
      return u
    }
  }
}

const typeLiteralDecoder = (ast: SchemaAST.TypeLiteral): Decoder => {
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) {
    return { is: isNotNullable, fix: undefined }
  }
  if (
    ast.indexSignatures.some((signature) => signature.parameter._tag !== "StringKeyword") ||
    ast.propertySignatures.some((signature) => typeof signature.name !== "string")
  ) {
    return checkOnly(ast)
  }
  const names = ast.propertySignatures.map((signature) => signature.name as string)
  const declared = new Set(names)
  const optional = ast.propertySignatures.map((signature) => signature.isOptional)
  const types = ast.propertySignatures.map((signature) => decoderOf(signature.type))
  const is = types.map((t) => t.is)
  const fixes = types.map((t) => t.fix)
  const values = ast.indexSignatures.map((signature) => decoderOf(signature.type))
  const valueIs = values.map((v) => v.is)
  const valueFixes = values.map((v) => v.fix)
  const check = structPredicate(names, optional, is, valueIs)
  const fixed = [...names.keys()].filter((i) => fixes[i] !== undefined)
  const fixedValues = [...values.keys()].filter((v) => valueFixes[v] !== undefined)
  if (fixed.length === 0 && fixedValues.length === 0) return { is: check, fix: undefined }
  return {
    is: check,
    fix: (u) => {
      const record = u as Record<string, unknown>
      for (let j = 0; j < fixed.length; j++) {
        const i = fixed[j]
        const name = names[i]
        if (Object.prototype.hasOwnProperty.call(record, name)) record[name] = fixes[i]!(record[name])
      }
      if (fixedValues.length > 0) {
        // Schema keeps a declared key's value from its property signature, the others from the index signature.
        const keys = Object.keys(record)
        for (let j = 0; j < fixedValues.length; j++) {
          const fix = valueFixes[fixedValues[j]]!
          for (let k = 0; k < keys.length; k++) {
            const key = keys[k]
            if (!declared.has(key)) record[key] = fix(record[key])
          }
        }
      }
      return record
    }
  }
}

// -----------------------------------------------------------------------------
// Inputs: no NaN or ±Infinity anywhere
// -----------------------------------------------------------------------------

/** Deeper than any request: a cycle (which `JSON.stringify` refuses later) stops the walk. */
const MAX_DEPTH = 64

/**
 * Whether an input holds NaN or ±Infinity anywhere, declared or not (an
 * undeclared field beside the alternative a union matched, a value of an
 * untyped field): `JSON.stringify` would send `null`, a query string `NaN`.
 * Allocation-free.
 *
 * @internal
 */
export const hasNonFinite = (u: unknown, depth = 0): boolean => {
  if (typeof u === "number") return !Number.isFinite(u)
  if (typeof u !== "object" || u === null || depth > MAX_DEPTH) return false
  if (Array.isArray(u)) {
    for (let i = 0; i < u.length; i++) {
      if (hasNonFinite(u[i], depth + 1)) return true
    }
    return false
  }
  for (const key in u) {
    if (Object.prototype.hasOwnProperty.call(u, key) && hasNonFinite((u as Record<string, unknown>)[key], depth + 1)) {
      return true
    }
  }
  return false
}

/**
 * The path of the first NaN or ±Infinity in `u` (`hasNonFinite` said there is one).
 *
 * @internal
 */
export const nonFinitePath = (u: unknown, depth = 0): Array<PropertyKey> | undefined => {
  if (typeof u === "number") return Number.isFinite(u) ? undefined : []
  if (typeof u !== "object" || u === null || depth > MAX_DEPTH) return undefined
  const keys: Array<PropertyKey> = Array.isArray(u) ? u.map((_, i) => i) : Object.keys(u)
  for (const key of keys) {
    const path = nonFinitePath((u as any)[key], depth + 1)
    if (path !== undefined) return [key, ...path]
  }
  return undefined
}
