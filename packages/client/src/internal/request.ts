/**
 * Building the HTTP request of a call: the input checked against the
 * descriptor's schema (an `InvalidInputError` names the first problem, and
 * nothing is sent), the path, the query string, the JSON body and the headers.
 * The token is unwrapped here and nowhere else.
 *
 * Whatever the schema let through, a request never goes where it was not
 * meant to: a path parameter that is empty, `.` or `..` (URL parsing would
 * drop or climb the segment: `DELETE /contacts/..` is `DELETE /`) is an
 * `InvalidInputError`. (A number that is not finite never gets here: the
 * encoder rejects it anywhere in the input, `compiled.ts`.)
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as UrlParams from "@effect/platform/UrlParams"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type * as IntercomClient from "../IntercomClient.js"
import * as IntercomError from "../IntercomError.js"
import type { Operation } from "../Operation.js"
import type { CallOptions } from "./callOptions.js"
import type { Compiled } from "./compiled.js"
import { fillConstants, flatten, isWrapper } from "./input.js"
import { firstIssue, formatJsonPath } from "./issues.js"
import { notRedacted } from "./secret.js"

const invalidInput = (op: Operation<any, any, any>, jsonPath: string, issue: string) =>
  new IntercomError.InvalidInputError({ operation: op.name, jsonPath, issue }, true)

const appendQuery = (out: Array<[string, string]>, key: string, value: unknown): void => {
  if (value === undefined || value === null) return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) appendQuery(out, key, value[i])
  } else if (typeof value === "object") {
    // OpenAPI `form` style, `explode: true`: an object's properties are top-level keys
    for (const k of Object.keys(value)) appendQuery(out, k, (value as Record<string, unknown>)[k])
  } else {
    out.push([key, String(value)])
  }
}

/** Why a path parameter's value cannot be sent, or `undefined`. */
const badSegment = (text: string): string | undefined => {
  if (text === "") return "must not be empty (the request would go to another path)"
  if (text === "." || text === "..") {
    return `must not be "${text}" (a dot segment: the request would go to another path)`
  }
  return undefined
}

/** @internal */
export const buildRequest = (
  config: IntercomClient.ResolvedConfig,
  op: Operation<any, any, any>,
  compiled: Compiled,
  input: unknown,
  call: CallOptions
): HttpClientRequest.HttpClientRequest | IntercomError.InvalidInputError => {
  const flat = flatten(op, compiled.notBody, input === undefined ? compiled.undefinedInput : input)
  if (flat instanceof IntercomError.InvalidInputError) return flat
  const result = compiled.encode(fillConstants(op, flat.input))
  if (Either.isLeft(result)) {
    // Name the field where the caller put it: under `body` when the input came in the official SDK's shape.
    const rename = (path: ReadonlyArray<PropertyKey>) =>
      flat.wrapped && !(path.length > 0 && compiled.notBody.has(String(path[0]))) ? ["body", ...path] : path
    const { jsonPath, message } = firstIssue(result.left, { rename })
    return invalidInput(op, jsonPath, message)
  }
  const encoded = result.right
  const fields: Record<string, unknown> = typeof encoded === "object" && encoded !== null
    ? encoded as Record<string, unknown>
    : {}
  if (op.body === "fields" && !flat.wrapped && !compiled.declaresBody && isWrapper(fields.body)) {
    // Never forwarded as a JSON key: `{ "body": { ... } }` is not what the caller meant to send.
    return invalidInput(
      op,
      "$.body",
      "is not a field of this request: give the body's fields flat, beside the path parameters"
    )
  }

  // path
  const segments = compiled.segments
  let url = (call.baseUrl ?? config.baseUrl) + segments[0]
  for (let i = 1; i < segments.length; i += 2) {
    const name = segments[i]
    const value = fields[name]
    if (value === undefined || value === null) {
      return invalidInput(op, formatJsonPath([name]), "is missing")
    }
    const text = String(value)
    const bad = badSegment(text)
    if (bad !== undefined) return invalidInput(op, formatJsonPath([name]), bad)
    try {
      url += encodeURIComponent(text) + segments[i + 1]
    } catch (cause) {
      return invalidInput(op, formatJsonPath([name]), `cannot be encoded in a URL: ${String(cause)}`)
    }
  }

  // query
  let urlParams: Array<[string, string]> | undefined
  const queryParams = op.queryParams
  for (let i = 0; i < queryParams.length; i++) {
    const value = fields[queryParams[i]]
    if (value !== undefined && value !== null) appendQuery(urlParams ??= [], queryParams[i], value)
  }
  if (op.body === "none") {
    // No body: keys the spec does not list go to the query string rather than being dropped
    // (the Preview spec leaves out `per_page` / `starting_after` on several listings).
    for (const key of Object.keys(fields)) {
      const value = fields[key]
      if (value !== undefined && value !== null && !compiled.notBody.has(key)) appendQuery(urlParams ??= [], key, value)
    }
  }
  if (call.query !== undefined) {
    const extra = call.query
    urlParams = urlParams === undefined ? [] : urlParams.filter(([key]) => !Object.hasOwn(extra, key))
    for (const key of Object.keys(extra)) urlParams.push([key, extra[key]])
  }

  // body
  let body: string | undefined
  if (op.body !== "none") {
    let value: unknown
    let send = false
    if (op.body === "fields") {
      const out: Record<string, unknown> = {}
      let any = false
      for (const key of Object.keys(fields)) {
        const field = fields[key]
        if (field !== undefined && !compiled.notBody.has(key)) {
          out[key] = field
          any = true
        }
      }
      value = out
      send = any || compiled.alwaysBody
    } else {
      value = fields.body
      send = value !== undefined
    }
    if (send) {
      try {
        body = JSON.stringify(value)
      } catch (cause) {
        return invalidInput(op, "$", `cannot be encoded as JSON: ${String(cause)}`)
      }
    }
  }

  // headers
  const token = call.token ?? config.token
  if (token === undefined) {
    return invalidInput(op, "$token", "is missing: give the layer a `token`, or the call one with `withToken`")
  }
  const tokenIssue = notRedacted(token, "token")
  if (tokenIssue !== undefined) return invalidInput(op, "$token", tokenIssue)
  const headers: Record<string, string> = {
    authorization: `Bearer ${Redacted.value(token)}`,
    "intercom-version": op.api === "unstable" ? "Unstable" : op.version ?? call.version ?? config.version,
    accept: compiled.accept
  }
  // the headers the spec declares with one value (`accept: application/octet-stream`)
  if (op.headers !== undefined) Object.assign(headers, op.headers)
  if (body !== undefined) headers["content-type"] = "application/json"
  if (call.headers !== undefined) Object.assign(headers, call.headers)

  const request = HttpClientRequest.make(op.method)(url, {
    headers: Headers.unsafeFromRecord(headers),
    ...(urlParams !== undefined ? { urlParams: urlParams as UrlParams.UrlParams } : {})
  })
  return body === undefined ? request : HttpClientRequest.setBody(request, HttpBody.text(body, "application/json"))
}
