/**
 * The answers of the fake Intercom's example routes
 * (`packages/testing/src/generated/answers.ts`): for every method of a later
 * version (2.15, 2.16) that the official SDK does not have (`versions.ts`),
 * its first 2xx response in the version's description, with the example body
 * when the response is JSON. The fake serves such a method from its state
 * when it can (a Preview-only route on the same endpoint), else with this
 * answer, after validating the request with the method's input schema.
 *
 * A JSON response without an example gets no entry (the fake must then have a
 * route of its own, which its tests check); an empty response (204) gets its
 * status alone.
 */
import { mediaExamples } from "./evidence.js"
import { format } from "./format.js"
import { GENERATED_MARK } from "./generate.js"
import { docOf, type Node, resolveRef, type Specs, type Version } from "./spec.js"
import { camelName, versionMethods } from "./versions.js"

/** The answer of one method: a status and, for JSON, the example body. */
export interface Answer {
  readonly status: number
  readonly body?: unknown
}

/** The answer of an operation: its first 2xx response with an example (or without content), if any. */
const answerOf = (doc: Node, op: Node): Answer | undefined => {
  for (const [status, response] of Object.entries<Node>(op.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue
    const content = resolveRef(doc, response)?.content ?? {}
    const media = content["application/json"]
    if (media !== undefined) {
      const [example] = mediaExamples(doc, media)
      if (example !== undefined) return { status: Number(status), body: example.value }
      continue
    }
    if (Object.keys(content).length === 0) return { status: Number(status) }
  }
  return undefined
}

/** By version, by method name (`officeHours.listOfficeHoursSchedules`). */
export const fakeAnswers = (specs: Specs): Record<string, Record<string, Answer>> => {
  const out: Record<string, Record<string, Answer>> = {}
  for (const version of specs.versions) {
    const doc = docOf(specs, version.name as Version)
    const answers: Record<string, Answer> = {}
    for (const { row, sdk } of versionMethods(specs, version.name as Version)) {
      if (sdk) continue
      const answer = answerOf(doc, doc.paths[row.path][row.httpMethod.toLowerCase()])
      if (answer !== undefined) answers[camelName(row)] = answer
    }
    out[version.name] = answers
  }
  return out
}

/** The file, by its path under `packages/testing/src/generated`. */
export const generateFakeAnswers = (specs: Specs): Map<string, string> => {
  const answers = fakeAnswers(specs)
  const text = `/**
 * The answers of the fake's example routes: for each method of a later API
 * version that the official SDK does not have, the first 2xx response of the
 * version's description (status, and the example body when it is JSON), by
 * version and method name.
 *
 * ${GENERATED_MARK}
 * Do not edit it by hand: change the generator (packages/codegen) and run \`pnpm codegen\`.
 */

/** A status, and the example body of a JSON answer. */
export interface Answer {
  readonly status: number
  readonly body?: unknown
}

export const answers: { readonly [version: string]: { readonly [method: string]: Answer } } = ${
    JSON.stringify(answers, null, 2)
  }
`
  return new Map([["answers.ts", format("answers.ts", text)]])
}
