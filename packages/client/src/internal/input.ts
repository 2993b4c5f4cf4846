/**
 * What is done to an input before it is checked and sent: the official SDK's
 * shape taken apart (the body under `body`, `Operation.bodyWrapper`), and the
 * constants the client fills in (`Operation.fill`). Neither ever changes the
 * caller's object: what changes is a copy.
 */
import * as IntercomError from "../IntercomError.js"
import type { Operation } from "../Operation.js"
import { formatJsonPath } from "./issues.js"

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u) &&
  (Object.getPrototypeOf(u) === Object.prototype || Object.getPrototypeOf(u) === null)

/** @internal Whether a value is a plain object: as `body`, the body itself rather than a field. */
export const isWrapper = (u: unknown): u is Record<string, unknown> => isPlainObject(u)

/** @internal The input with its fields flat, and whether it came with its body under `body`. */
export interface Flat {
  readonly input: unknown
  readonly wrapped: boolean
}

/**
 * Take apart an input given in the official SDK's shape,
 * `{ company_id, body: { name } }`: an object-valued `body` beside the path
 * and query parameters is the body (a string `body` is a field: the text of a
 * reply). Fields given both ways are ambiguous, and an `InvalidInputError`.
 *
 * @internal
 */
export const flatten = (
  op: Operation<any, any, any>,
  notBody: ReadonlySet<string>,
  input: unknown
): Flat | IntercomError.InvalidInputError => {
  if (op.bodyWrapper !== true || !isPlainObject(input) || !isWrapper(input.body)) {
    return { input, wrapped: false }
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) {
    if (key === "body") continue
    const value = input[key]
    if (notBody.has(key) || value === undefined) {
      out[key] = value
      continue
    }
    return new IntercomError.InvalidInputError({
      operation: op.name,
      jsonPath: formatJsonPath([key]),
      issue:
        "is a body field beside a `body` object: give the body either under `body` (the official SDK's shape) or flat, not both"
    }, true)
  }
  const body = input.body
  for (const key of Object.keys(body)) {
    if (notBody.has(key) && body[key] !== undefined) {
      return new IntercomError.InvalidInputError({
        operation: op.name,
        jsonPath: formatJsonPath(["body", key]),
        issue: "is a path or query parameter: give it beside `body`, not inside it"
      }, true)
    }
    out[key] = body[key]
  }
  return { input: out, wrapped: true }
}

const fillAt = (value: unknown, path: ReadonlyArray<string>, index: number, constant: unknown): unknown => {
  if (index === path.length) return value === undefined ? constant : value
  const key = path[index]
  if (key === "[]") {
    if (!Array.isArray(value)) return value
    let copy: Array<unknown> | undefined
    for (let i = 0; i < value.length; i++) {
      const next = fillAt(value[i], path, index + 1, constant)
      if (next !== value[i]) (copy ??= value.slice())[i] = next
    }
    return copy ?? value
  }
  if (!isPlainObject(value)) return value
  const current = value[key]
  // A parent object the input leaves out stays out: only the constant's own object gets it.
  if (index + 1 < path.length && current === undefined) return value
  const next = fillAt(current, path, index + 1, constant)
  return next === current ? value : { ...value, [key]: next }
}

/**
 * The input with the operation's constants where it leaves them out
 * (`sync_behavior: "api"`); the same object when there is nothing to fill.
 *
 * @internal
 */
export const fillConstants = (op: Operation<any, any, any>, input: unknown): unknown => {
  const fill = op.fill
  if (fill === undefined) return input
  let out = input
  for (let i = 0; i < fill.length; i++) out = fillAt(out, fill[i][0], 0, fill[i][1])
  return out
}
