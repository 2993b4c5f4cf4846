/**
 * A fast `Schema.is` for the schemas the generator emits: a predicate
 * compiled once from the AST that allocates nothing while it runs.
 *
 * `ParseResult.is` builds an `Either` and an output object for every struct
 * it visits; on a ~3 KB contact that costs about as much as `JSON.parse`.
 * This predicate handles the AST nodes generated schemas are made of
 * (structs, records, arrays, unions, literals, keywords, suspends) and hands
 * any other node to `ParseResult.is`, so it accepts exactly what Schema
 * accepts (`tests/runtime/check.test.ts` compares the two on every generated
 * schema).
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"

type Predicate = (u: unknown) => boolean

const cache = new WeakMap<SchemaAST.AST, Predicate>()

const always: Predicate = () => true
const isString: Predicate = (u) => typeof u === "string"
const isNumber: Predicate = (u) => typeof u === "number"
const isBoolean: Predicate = (u) => typeof u === "boolean"
const isUndefined: Predicate = (u) => u === undefined
const isNotNullable: Predicate = (u) => u !== null && u !== undefined
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

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
      return (u) => u === literal
    }
    case "Suspend": {
      // Built on first use: a suspend may be (part of) a cycle.
      let inner: Predicate | undefined
      return (u) => (inner ??= compile(ast.f()))(u)
    }
    case "Union": {
      const members = ast.types.map(compile)
      return (u) => {
        for (let i = 0; i < members.length; i++) {
          if (members[i](u)) return true
        }
        return false
      }
    }
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
  const names = ast.propertySignatures.map((signature) => signature.name as string)
  const optional = ast.propertySignatures.map((signature) => signature.isOptional)
  const types = ast.propertySignatures.map((signature) => compile(signature.type))
  const values = ast.indexSignatures.map((signature) => compile(signature.type))
  const count = names.length
  return (u) => {
    if (!isRecord(u)) return false
    for (let i = 0; i < count; i++) {
      const name = names[i]
      if (!Object.prototype.hasOwnProperty.call(u, name)) {
        if (optional[i]) continue
        return false
      }
      if (!types[i](u[name])) return false
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
