/**
 * Schema parse issues as the client reports them: a JSON path and a message.
 */
import * as ParseResult from "effect/ParseResult"

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
 * The issue to report. A value that matches no member of a union fails once
 * per member; the members whose literal discriminator did not match are the
 * wrong members, so report what the others agree on: the most frequent path
 * among the issues that are not literal mismatches.
 */
/** @internal */
export const firstIssue = (issue: ParseResult.ParseIssue): { readonly jsonPath: string; readonly message: string } => {
  const all = ParseResult.ArrayFormatter.formatIssueSync(issue)
  const relevant = all.filter((i) => !literalMismatch.test(i.message))
  const pool = relevant.length > 0 ? relevant : all
  const byPath = new Map<string, { readonly issue: (typeof pool)[number]; count: number }>()
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
    ? { jsonPath: "$", message: ParseResult.TreeFormatter.formatIssueSync(issue) }
    : { jsonPath: formatJsonPath(first.path), message: first.message }
}
