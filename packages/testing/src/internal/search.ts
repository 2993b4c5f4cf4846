/**
 * Intercom's search language, as documented for `POST /contacts/search`,
 * `POST /conversations/search` and `POST /tickets/search`:
 *
 * - a filter `{ field, operator, value }` with the operators `=`, `!=`, `IN`,
 *   `NIN`, `>`, `<`, `~` (contains), `!~` (does not contain), `^` (starts
 *   with), `$` (ends with);
 * - a group `{ operator: "AND" | "OR", value: [...] }` of filters and groups,
 *   at most 2 levels of groups deep and at most 15 entries per group;
 * - an operator must fit the field's type (`>`/`<` for integers and dates,
 *   `~ !~ ^ $` for strings), a value must fit too, `IN`/`NIN` take arrays;
 * - contact dates compare by day (`created_at > t` means a later day than
 *   `t`'s), conversation and ticket dates and integers compare inclusively
 *   (`>` is "greater or equal", as their documentation says);
 * - strings compare case-insensitively; multi-valued fields (`tag_id`,
 *   `contact_ids`, ...) match when any value matches (`!=`, `NIN`, `!~` when
 *   none does); `source.body` matches `=` against each of its words.
 *
 * A query that breaks a rule is rejected with Intercom's error shape before
 * anything is evaluated.
 */

export type FieldType = "string" | "integer" | "date" | "boolean" | "any"

export interface Field<R> {
  readonly type: FieldType
  readonly get: (record: R) => unknown
  /** `=` compares with each word of the value (`source.body`). */
  readonly words?: boolean
}

export interface Language<R> {
  /** For messages: `contacts`, `conversations`, `tickets`. */
  readonly resource: string
  readonly field: (name: string) => Field<R> | undefined
  /** `day`: contact dates, compared by day and strictly; `inclusive`: `>` means `>=`, `<` means `<=`. */
  readonly comparison: "day" | "inclusive"
}

export interface Issue {
  readonly code: string
  readonly message: string
  readonly field?: string
}

export type Compiled<R> =
  | { readonly _tag: "Right"; readonly predicate: (record: R) => boolean }
  | { readonly _tag: "Left"; readonly issue: Issue }

export const MAX_DEPTH = 2
export const MAX_GROUP_SIZE = 15

const OPERATORS = new Set(["=", "!=", "IN", "NIN", ">", "<", "~", "!~", "^", "$"])
const STRING_OPERATORS = new Set(["~", "!~", "^", "$"])
const ORDER_OPERATORS = new Set([">", "<"])
const DAY = 86_400

class Invalid {
  constructor(readonly issue: Issue) {}
}

const invalid = (message: string, field?: string): never => {
  throw new Invalid({ code: "parameter_invalid", message, ...(field === undefined ? {} : { field }) })
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const toNumber = (u: unknown): number | undefined => {
  if (typeof u === "number" && Number.isFinite(u)) return u
  if (typeof u === "string" && u.trim() !== "" && Number.isFinite(Number(u))) return Number(u)
  return undefined
}

const toBoolean = (u: unknown): boolean | undefined =>
  u === true || u === "true" ? true : u === false || u === "false" ? false : undefined

const normalize = (u: unknown): string => String(u).toLowerCase()

const stripTags = (html: string): string => html.replace(/<[^>]*>/g, " ")

type Scalar = string | number | boolean | null

/** Compile a query (the `query` of a search body) into a predicate, or the first problem found. */
export const compile = <R>(language: Language<R>, query: unknown): Compiled<R> => {
  try {
    return { _tag: "Right", predicate: node(language, query, 0) }
  } catch (error) {
    if (error instanceof Invalid) return { _tag: "Left", issue: error.issue }
    throw error
  }
}

const node = <R>(language: Language<R>, query: unknown, depth: number): (record: R) => boolean => {
  if (!isRecord(query)) {
    return invalid("A search query must be an object with `field`, `operator` and `value`, or `operator` and `value`")
  }
  if ("field" in query) return filter(language, query)
  const operator = query.operator
  if (operator !== "AND" && operator !== "OR") {
    return invalid(
      `Invalid operator ${JSON.stringify(operator)} for a group of filters: use AND or OR, or give a \`field\``
    )
  }
  if (depth + 1 > MAX_DEPTH) {
    return invalid(`The search query is nested too deeply: there is a limit of ${MAX_DEPTH} nested filters`)
  }
  const value = query.value
  if (!Array.isArray(value) || value.length === 0) {
    return invalid(`An ${operator} group needs a non-empty array of filters as its value`)
  }
  if (value.length > MAX_GROUP_SIZE) {
    return invalid(
      `An ${operator} group has ${value.length} filters: there is a limit of ${MAX_GROUP_SIZE} filters for each AND or OR group`
    )
  }
  const children = value.map((child) => node(language, child, depth + 1))
  return operator === "AND"
    ? (record) => children.every((child) => child(record))
    : (record) => children.some((child) => child(record))
}

const filter = <R>(language: Language<R>, query: Record<string, unknown>): (record: R) => boolean => {
  const name = query.field
  if (typeof name !== "string" || name === "") return invalid("A filter's `field` must be a non-empty string")
  const field = language.field(name)
  if (field === undefined) return invalid(`${name} is not a searchable field of ${language.resource}`, name)
  const operator = query.operator
  if (typeof operator !== "string" || !OPERATORS.has(operator)) {
    return invalid(
      `Invalid operator ${JSON.stringify(operator)} for field ${name}: use one of ${[...OPERATORS].join(" ")}`,
      name
    )
  }
  if (STRING_OPERATORS.has(operator) && field.type !== "string" && field.type !== "any") {
    return invalid(`The operator ${operator} only applies to string fields, and ${name} is a ${field.type}`, name)
  }
  if (ORDER_OPERATORS.has(operator) && field.type !== "integer" && field.type !== "date" && field.type !== "any") {
    return invalid(
      `The operator ${operator} only applies to integer and date fields, and ${name} is a ${field.type}`,
      name
    )
  }
  const raw = query.value
  if (operator === "IN" || operator === "NIN") {
    if (!Array.isArray(raw)) return invalid(`The operator ${operator} needs an array of values for field ${name}`, name)
    const values = raw.map((v) => scalar(field, name, v, operator))
    const test = (candidate: unknown) => values.some((v) => equals(language, field, candidate, v))
    return operator === "IN" ? (r) => anyOf(field.get(r), test) : (r) => !anyOf(field.get(r), test)
  }
  if (Array.isArray(raw)) {
    return invalid(`The operator ${operator} needs a single value for field ${name}; use IN for several`, name)
  }
  const value = scalar(field, name, raw, operator)
  switch (operator) {
    case "=":
      return (r) =>
        field.words === true
          ? wordsMatch(field.get(r), value)
          : anyOf(field.get(r), (c) => equals(language, field, c, value))
    case "!=":
      return (r) => !anyOf(field.get(r), (c) => equals(language, field, c, value))
    case ">":
    case "<":
      return (r) => anyOf(field.get(r), (c) => order(language, field, c, value, operator))
    default: {
      if (value === null) return invalid(`The operator ${operator} needs a string value for field ${name}`, name)
      const needle = normalize(value)
      const test = operator === "^"
        ? (c: string) => c.startsWith(needle)
        : operator === "$"
        ? (c: string) => c.endsWith(needle)
        : (c: string) => c.includes(needle)
      const positive = (r: R) =>
        anyOf(
          field.get(r),
          (c) => c !== null && c !== undefined && test(normalize(field.words === true ? stripTags(String(c)) : c))
        )
      return operator === "!~" ? (r) => !positive(r) : positive
    }
  }
}

const scalar = <R>(field: Field<R>, name: string, value: unknown, operator: string): Scalar => {
  if (value === null || value === undefined) {
    if (operator === "=" || operator === "!=" || operator === "IN" || operator === "NIN") return null
    return invalid(`The operator ${operator} needs a value for field ${name}`, name)
  }
  switch (field.type) {
    case "integer":
    case "date": {
      const n = toNumber(value)
      if (n === undefined) {
        return invalid(
          `${name} is a ${field.type === "date" ? "date (UNIX timestamp)" : "integer"} field: ${
            JSON.stringify(value)
          } is not a number`,
          name
        )
      }
      return n
    }
    case "boolean": {
      const b = toBoolean(value)
      if (b === undefined) {
        return invalid(`${name} is a boolean field: ${JSON.stringify(value)} is not true or false`, name)
      }
      return b
    }
    default:
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value
      return invalid(`The value of field ${name} must be a string, a number or a boolean`, name)
  }
}

const anyOf = (value: unknown, test: (candidate: unknown) => boolean): boolean =>
  Array.isArray(value) ? value.some(test) : test(value)

const equals = <R>(language: Language<R>, field: Field<R>, candidate: unknown, value: Scalar): boolean => {
  if (value === null) return candidate === null || candidate === undefined || candidate === ""
  if (candidate === null || candidate === undefined) return false
  switch (field.type) {
    case "integer":
    case "date": {
      const n = toNumber(candidate)
      if (n === undefined) return false
      return field.type === "date" && language.comparison === "day"
        ? Math.floor(n / DAY) === Math.floor((value as number) / DAY)
        : n === value
    }
    case "boolean":
      return toBoolean(candidate) === value
    default:
      return normalize(candidate) === normalize(value)
  }
}

const order = <R>(
  language: Language<R>,
  field: Field<R>,
  candidate: unknown,
  value: Scalar,
  operator: ">" | "<"
): boolean => {
  let c = toNumber(candidate)
  let v = toNumber(value)
  if (c === undefined || v === undefined) {
    // `any` fields (custom attributes) holding strings compare as strings
    if (field.type !== "any" || candidate === null || candidate === undefined || value === null) return false
    const cs = normalize(candidate)
    const vs = normalize(value)
    return operator === ">" ? cs > vs : cs < vs
  }
  if (language.comparison === "day" && field.type === "date") {
    c = Math.floor(c / DAY)
    v = Math.floor(v / DAY)
    return operator === ">" ? c > v : c < v
  }
  if (language.comparison === "inclusive") return operator === ">" ? c >= v : c <= v
  return operator === ">" ? c > v : c < v
}

const wordsMatch = (value: unknown, needle: Scalar): boolean => {
  if (needle === null) return value === null || value === undefined || value === ""
  if (typeof value !== "string") return false
  const word = normalize(needle)
  return stripTags(value).toLowerCase().split(/[^\p{L}\p{N}_'-]+/u).some((w) => w === word)
}
