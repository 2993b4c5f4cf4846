/**
 * What is computed once per descriptor: the input encoder, the success
 * decoder, the path template's segments, the `Accept` header. Cached in a
 * `WeakMap` keyed by the descriptor.
 */
import * as Either from "effect/Either"
import { globalValue } from "effect/GlobalValue"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import type { Operation } from "../Operation.js"
import * as Check from "./check.js"
import * as Tolerant from "./tolerant.js"

/** @internal */
export interface Compiled {
  readonly encode: (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>
  readonly decode: ((u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>) | undefined
  /** What to encode when the input is `undefined`. */
  readonly undefinedInput: unknown
  /** Literal, parameter name, literal, parameter name, …, literal. */
  readonly segments: ReadonlyArray<string>
  /** Path and query parameter names: never part of a `fields` body. */
  readonly notBody: ReadonlySet<string>
  readonly accept: string
  /** Whether a `fields` body is sent even when it has no keys. */
  readonly alwaysBody: boolean
  /** Whether the input declares a `body` field (or takes any key): else an object `body` is a wrapper. */
  readonly declaresBody: boolean
}

const compiledCache = globalValue(
  Symbol.for("@effect-intercom/client/internal/interpreter/compiledCache"),
  () => new WeakMap<Operation<any, any, any>, Compiled>()
)

const acceptFor = (response: Operation<any, any, any>["response"]): string => {
  switch (response) {
    case "text":
      return "text/plain"
    case "binary":
      return "*/*"
    default:
      return "application/json"
  }
}

const splitPath = (path: string): Array<string> => {
  const segments: Array<string> = []
  const re = /\{([^}]+)\}/g
  let last = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(path)) !== null) {
    segments.push(path.slice(last, match.index), match[1])
    last = match.index + match[0].length
  }
  segments.push(path.slice(last))
  return segments
}

/**
 * Whether encoding with a schema can only check, never change, a value: no
 * transformations and no declarations anywhere in it, except the coercions of
 * `tolerant.ts` (a value of their type encodes to itself). Every generated
 * schema is such a schema.
 */
const isCheckOnly = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST> = new Set()): boolean => {
  if (seen.has(ast)) return true
  seen.add(ast)
  switch (ast._tag) {
    case "Transformation":
      return ast.annotations[Tolerant.FastDecode] !== undefined
    case "Declaration":
      return false
    case "Refinement":
      return isCheckOnly(ast.from, seen)
    case "Suspend":
      return isCheckOnly(ast.f(), seen)
    case "Union":
      return ast.types.every((t) => isCheckOnly(t, seen))
    case "TupleType":
      return ast.elements.every((e) => isCheckOnly(e.type, seen)) && ast.rest.every((r) => isCheckOnly(r.type, seen))
    case "TypeLiteral":
      return ast.propertySignatures.every((p) => isCheckOnly(p.type, seen)) &&
        ast.indexSignatures.every((i) => isCheckOnly(i.type, seen))
    default:
      return true
  }
}

/**
 * Decoding must keep the fields a schema does not know; Schema's
 * `onExcessProperty: "preserve"` does, but costs about 8x a plain check on a
 * page of contacts. So:
 * - an input (encode) of a check-only schema IS its encoded value: check it
 *   (`Check.compile`: fast, allocation-free) and return it whole;
 * - a response body (decode) is checked on the encoded side by
 *   `Check.decoder` (as fast), and where the schema holds coercions (ids and
 *   counters in another JSON type) normalised in place: the body is JSON
 *   parsed for this call, nobody else holds it.
 * Only a failing value pays for the full parse that names the issue. An input
 * also never holds NaN or ±Infinity, declared or not (`Check.hasNonFinite`).
 */
const checkedParser = (
  schema: Schema.Schema<any, any>,
  full: (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>,
  direction: "encode" | "decode"
): (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue> => {
  if (direction === "decode") {
    const decoder = Check.decoder(schema.ast)
    if (decoder === undefined) return full
    const { fix, is } = decoder
    return fix === undefined
      ? (u) => (is(u) ? Either.right(u) : full(u))
      : (u) => (is(u) ? Either.right(fix(u)) : full(u))
  }
  const parse = isCheckOnly(schema.ast) ? checked(Check.compile(schema.ast), full) : full
  return (u) => {
    const result = parse(u)
    return Either.isRight(result) && Check.hasNonFinite(result.right) ? Either.left(nonFinite(result.right)) : result
  }
}

const checked = (
  check: (u: unknown) => boolean,
  full: (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>
) =>
(u: unknown) => (check(u) ? Either.right(u) : full(u))

/**
 * The issue of an input that the schema accepts but that holds NaN or
 * ±Infinity where it declares no number (rule R5 of the generator rejects
 * them where it does): a field beside the alternative a union matched, an
 * untyped value.
 */
const nonFinite = (u: unknown): ParseResult.ParseIssue => {
  const path = Check.nonFinitePath(u) ?? []
  const value = path.reduce((v: any, key) => v?.[key], u)
  const issue = new ParseResult.Type(Schema.Finite.ast, value, `Expected a finite number, actual ${String(value)}`)
  return path.length === 0 ? issue : new ParseResult.Pointer(path as [PropertyKey, ...Array<PropertyKey>], u, issue)
}

/** Whether a struct of the input (or one of a union's) declares `key` or takes any key. */
const declares = (ast: SchemaAST.AST, key: string): boolean => {
  switch (ast._tag) {
    case "Suspend":
      return declares(ast.f(), key)
    case "Refinement":
      return declares(ast.from, key)
    case "Transformation":
      return declares(ast.to, key)
    case "Union":
      return ast.types.some((t) => declares(t, key))
    case "TypeLiteral":
      return ast.indexSignatures.length > 0 || ast.propertySignatures.some((p) => p.name === key)
    default:
      return false
  }
}

/** @internal */
export const compile = (op: Operation<any, any, any>): Compiled => {
  let compiled = compiledCache.get(op)
  if (compiled !== undefined) return compiled
  const encode = checkedParser(
    op.input,
    ParseResult.encodeUnknownEither(op.input, { onExcessProperty: "preserve", errors: "first" }),
    "encode"
  )
  let undefinedInput: unknown = undefined
  try {
    if (Either.isLeft(encode(undefined))) undefinedInput = {}
  } catch {
    undefinedInput = {}
  }
  compiled = {
    encode,
    decode: op.response === "json" && op.success !== undefined
      ? checkedParser(
        op.success,
        ParseResult.decodeUnknownEither(op.success, { onExcessProperty: "preserve", errors: "all" }),
        "decode"
      )
      : undefined,
    undefinedInput,
    segments: splitPath(op.path),
    notBody: new Set([...op.pathParams, ...op.queryParams]),
    accept: acceptFor(op.response),
    alwaysBody: op.method === "POST" || op.method === "PUT" || op.method === "PATCH",
    declaresBody: op.body === "fields" && declares(op.input.ast, "body")
  }
  compiledCache.set(op, compiled)
  return compiled
}
