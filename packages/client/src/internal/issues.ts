/**
 * Schema parse issues as the client reports them: the first issue of an
 * input (a JSON path and a message), and every mismatch of a response body
 * (path, expected, actual), with the noise of union members left out.
 */
import * as ParseResult from "effect/ParseResult"
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

/**
 * The first issue to report. A value that matches no member of a union fails once
 * per member; the members whose literal discriminator did not match are the
 * wrong members, so report what the others agree on: the most frequent path
 * among the issues that are not literal mismatches.
 */
/** @internal */
export const firstIssue = (
  issue: ParseResult.ParseIssue
): { readonly jsonPath: string; readonly path: ReadonlyArray<PropertyKey>; readonly message: string } => {
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
  return first === undefined
    ? { jsonPath: "$", path: [], message: ParseResult.TreeFormatter.formatIssueSync(issue) }
    : { jsonPath: formatJsonPath(first.path), path: first.path, message: first.message }
}

const expectedActual = /^Expected ([\s\S]*), actual ([\s\S]*)$/

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

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
