/**
 * The check of a search query before it is sent, against the limits and
 * tables of Intercom's search documentation (quoted in `Search.ts`): the
 * shape of filters and groups, at most 2 levels of nested groups, at most 15
 * entries per group, known fields, the operators of each field type, arrays
 * for `IN` / `NIN`, and values of the field's type. The first problem is
 * returned with its JSON path; a valid query comes back in its wire form
 * (dates as Unix seconds, booleans as strings).
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as IntercomError from "../../IntercomError.js"
import type { FieldType, Filter, Group, Operator, Query } from "../../Search.js"
import { isDate, toSeconds } from "./values.js"

/** What the check needs to know of a resource. @internal */
export interface Spec {
  /** The SDK name of the search operation, for the error: `contacts.search`. */
  readonly operation: string
  /** For messages: `contacts`. */
  readonly resource: string
  readonly fields: Readonly<Record<string, FieldType>>
  /** Prefixes of fields open to any name, of type `any`: `custom_attributes.`. */
  readonly open: ReadonlyArray<string>
}

/** @internal */
export const MAX_DEPTH = 2
/** @internal */
export const MAX_GROUP_SIZE = 15

/** @internal */
export const OPERATORS: ReadonlyArray<Operator> = ["=", "!=", "IN", "NIN", "<", ">", "~", "!~", "^", "$"]

/** @internal */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, ReadonlyArray<Operator>>> = {
  string: ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"],
  integer: ["=", "!=", "IN", "NIN", "<", ">"],
  date: ["=", "!=", "IN", "NIN", "<", ">"],
  boolean: ["=", "!=", "IN", "NIN"],
  any: OPERATORS
}

class Invalid {
  constructor(readonly jsonPath: string, readonly issue: string) {}
}

const fail = (jsonPath: string, issue: string): never => {
  throw new Invalid(jsonPath, issue)
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key)

const key = (path: string, name: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`

/** A value as a message shows it: `"foo"`, `42`, `an array`, `an object`, `undefined`. */
const show = (u: unknown): string => {
  if (u === undefined) return "undefined"
  if (Array.isArray(u)) return "an array"
  if (u instanceof Date) return Number.isNaN(u.getTime()) ? "an invalid Date" : "a Date"
  if (isDate(u)) return "a DateTime"
  if (typeof u === "object" && u !== null) return "an object"
  if (typeof u === "number" && !Number.isFinite(u)) return String(u)
  const text = JSON.stringify(u)
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

/** The type of a field, or `undefined` for a field the resource does not have. @internal */
export const fieldType = (spec: Spec, name: string): FieldType | undefined => {
  if (hasOwn(spec.fields, name)) return spec.fields[name]
  for (const prefix of spec.open) if (name.startsWith(prefix) && name.length > prefix.length) return "any"
  return undefined
}

/** Check a query (the `query` of a search body): the query in its wire form, or the first problem. @internal */
export const validate = (spec: Spec, query: unknown): Either.Either<Query, IntercomError.InvalidInputError> => {
  try {
    return Either.right(node(spec, query, "$.query", 0))
  } catch (error) {
    if (error instanceof Invalid) {
      return Either.left(
        new IntercomError.InvalidInputError({
          operation: spec.operation,
          jsonPath: error.jsonPath,
          issue: error.issue
        }, true)
      )
    }
    throw error
  }
}

const node = (spec: Spec, query: unknown, path: string, depth: number): Query => {
  if (!isRecord(query)) {
    return fail(
      path,
      `Expected a filter { field, operator, value } or a group { operator: "AND" | "OR", value: [...] }, actual ${
        show(query)
      }`
    )
  }
  return hasOwn(query, "field") ? filter(spec, query, path) : group(spec, query, path, depth + 1)
}

const group = (spec: Spec, query: Record<string, unknown>, path: string, depth: number): Group => {
  for (const name of Object.keys(query)) {
    if (name !== "operator" && name !== "value") {
      fail(key(path, name), "Unexpected key: a group has operator and value, a filter field, operator and value")
    }
  }
  const operator = query.operator
  if (operator !== "AND" && operator !== "OR") {
    return fail(
      `${path}.operator`,
      `Expected "AND" or "OR" for a group (or a field for a filter), actual ${show(operator)}`
    )
  }
  if (depth > MAX_DEPTH) {
    return fail(
      path,
      `This group is nested ${depth} levels deep: Intercom allows at most ${MAX_DEPTH} levels of nested filters`
    )
  }
  const value = query.value
  if (!Array.isArray(value) || value.length === 0) {
    return fail(`${path}.value`, `Expected a non-empty array of filters and groups, actual ${show(value)}`)
  }
  if (value.length > MAX_GROUP_SIZE) {
    return fail(
      `${path}.value`,
      `This ${operator} group has ${value.length} filters: Intercom allows at most ${MAX_GROUP_SIZE} filters in each AND or OR group`
    )
  }
  return { operator, value: value.map((child, i) => node(spec, child, `${path}.value[${i}]`, depth)) }
}

const filter = (spec: Spec, query: Record<string, unknown>, path: string): Filter => {
  for (const name of Object.keys(query)) {
    if (name !== "field" && name !== "operator" && name !== "value") {
      fail(key(path, name), "Unexpected key: a filter has field, operator and value")
    }
  }
  const field = query.field
  if (typeof field !== "string") return fail(`${path}.field`, `Expected a field name, actual ${show(field)}`)
  const type = fieldType(spec, field)
  if (type === undefined) {
    const open = spec.open.map((prefix) => `, or ${prefix}<name>`).join("")
    return fail(
      `${path}.field`,
      `${
        JSON.stringify(field)
      } is not a searchable field of ${spec.resource}: use a field of Intercom's Accepted Fields table${open}`
    )
  }
  const operator = query.operator
  if (typeof operator !== "string" || !(OPERATORS as ReadonlyArray<string>).includes(operator)) {
    return fail(`${path}.operator`, `Expected one of ${OPERATORS.join(" ")}, actual ${show(operator)}`)
  }
  const allowed = OPERATORS_BY_TYPE[type]
  if (!(allowed as ReadonlyArray<string>).includes(operator)) {
    return fail(
      `${path}.operator`,
      `The operator ${operator} does not apply to ${field}, ${
        type === "integer" ? "an" : "a"
      } ${type} field: use one of ${allowed.join(" ")}`
    )
  }
  const op = operator as Operator
  const raw = query.value
  if (op === "IN" || op === "NIN") {
    if (!Array.isArray(raw)) {
      return fail(`${path}.value`, `The operator ${op} needs an array of values, actual ${show(raw)}`)
    }
    return {
      field,
      operator: op,
      value: raw.map((v, i) => scalar(type, field, op, v, `${path}.value[${i}]`, false)) as Array<string | number>
    }
  }
  if (Array.isArray(raw)) {
    return fail(`${path}.value`, `The operator ${op} takes one value, actual an array: use IN or NIN for several`)
  }
  return { field, operator: op, value: scalar(type, field, op, raw, `${path}.value`, op === "=" || op === "!=") }
}

const INTEGER = /^-?\d+$/

const scalar = (
  type: FieldType,
  field: string,
  operator: Operator,
  value: unknown,
  path: string,
  nullable: boolean
): string | number | null => {
  if (value === null) {
    if (nullable) return null
    return fail(path, `The operator ${operator} needs a value, actual null`)
  }
  if (value === undefined) {
    return fail(path, `Expected a value${nullable ? " (null for none)" : ""}, actual undefined`)
  }
  switch (type) {
    case "string":
      if (typeof value === "string") return value
      if (typeof value === "number" && Number.isFinite(value)) return value
      return fail(path, `${field} is a string field: expected a string, actual ${show(value)}`)
    case "integer":
      if (typeof value === "number" && Number.isInteger(value)) return value
      if (typeof value === "string" && INTEGER.test(value)) return value
      return fail(path, `${field} is an integer field: expected an integer, actual ${show(value)}`)
    case "date": {
      const seconds = isDate(value) ? toSeconds(value) : value
      if (typeof seconds === "number" && Number.isInteger(seconds)) return seconds
      if (typeof seconds === "string" && INTEGER.test(seconds)) return seconds
      return fail(
        path,
        `${field} is a date field: expected a Date, a DateTime or a Unix timestamp in seconds, actual ${show(value)}`
      )
    }
    case "boolean":
      if (value === true || value === "true") return "true"
      if (value === false || value === "false") return "false"
      return fail(path, `${field} is a boolean field: expected true or false, actual ${show(value)}`)
    case "any": {
      if (typeof value === "boolean") return value ? "true" : "false"
      const wire = isDate(value) ? toSeconds(value) : value
      if (typeof wire === "string" || (typeof wire === "number" && Number.isFinite(wire))) return wire
      return fail(
        path,
        `Expected a string, a finite number, a boolean, a Date or a DateTime for ${field}, actual ${show(value)}`
      )
    }
  }
}
