/**
 * Reading the response of an attempt by the operation's response kind: JSON
 * (its text, decoded with the success schema by `decodeBody` after the
 * attempt), empty, text, a lazy byte stream, a redirect's `Location`; a
 * non-2xx status becomes the error of its class.
 */
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import type * as IntercomClient from "../IntercomClient.js"
import * as IntercomError from "../IntercomError.js"
import type { CommonError, Operation } from "../Operation.js"
import type { CallOptions, ResponseSink } from "./callOptions.js"
import type { Compiled } from "./compiled.js"
import * as DecodePolicy from "./decodePolicy.js"
import * as Issues from "./issues.js"
import { redactError } from "./redact.js"

const isBlank = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // space, \t, \n, \r, and the BOM
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return false
  }
  return true
}

const decodeError = (
  op: Operation<any, any, any>,
  status: number,
  jsonPath: string,
  issue: string,
  body: string,
  mismatches: ReadonlyArray<IntercomError.Mismatch> = [],
  mismatchCount = 0
) =>
  new IntercomError.ResponseDecodeError({
    operation: op.name,
    method: op.method,
    path: op.path,
    status,
    jsonPath,
    issue,
    mismatches,
    mismatchCount,
    body
  }, true)

const decodeJson = (
  op: Operation<any, any, any>,
  compiled: Compiled,
  status: number,
  text: string,
  config: IntercomClient.ResolvedConfig,
  call: CallOptions
): Effect.Effect<unknown, IntercomError.ResponseDecodeError> => {
  // Never invent a value: a JSON operation answers a body, and no JSON operation of the
  // descriptions may answer a 2xx without one (those are the `empty` operations).
  if (isBlank(text)) {
    return Effect.fail(
      decodeError(
        op,
        status,
        "$",
        text === "" ? "empty body: a JSON body was expected" : "empty body (only whitespace): a JSON body was expected",
        text
      )
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    return Effect.fail(decodeError(op, status, "$", `invalid JSON: ${(cause as Error).message}`, text))
  }
  const decode = compiled.decode
  if (decode === undefined) return Effect.succeed(json)
  const result = decode(json)
  if (Either.isRight(result)) return Effect.succeed(result.right)
  const found = Issues.mismatches(result.left, IntercomError.maxMismatches)
  if (DecodePolicy.policyFor(config, call, op) === "lenient") {
    return Effect.as(DecodePolicy.reportMismatches(config, op, status, found.mismatches), json)
  }
  const first = found.mismatches[0]
  return Effect.fail(
    first === undefined
      ? decodeError(op, status, "$", Issues.firstIssue(result.left).message, text)
      : decodeError(op, status, first.jsonPath, first.message, text, found.mismatches, found.count)
  )
}

const failStatus = (
  op: Operation<any, any, any>,
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<never, IntercomError.HttpStatusError> =>
  Effect.flatMap(
    Effect.orElseSucceed(response.text, () => ""),
    (body) =>
      Effect.fail(IntercomError.fromResponse({
        status: response.status,
        documented: op.errors,
        body,
        headers: response.headers,
        operation: op.name,
        method: op.method,
        path: op.path
      }))
  )

const location = (response: HttpClientResponse.HttpClientResponse): string | undefined => {
  const value = response.headers["location"]
  if (value === undefined || value === "") return undefined
  try {
    return new URL(value, response.request.url).toString()
  } catch {
    return value
  }
}

/**
 * A JSON body read by an attempt, to be decoded after it (`decodeBody`). Decoding is synchronous, so it gains nothing
 * from running inside the attempt's time-out; run there, in the attempt's forked fiber, the parsed page outlived the
 * fiber in the young generation: with the decode inside, each scavenge of a 20,000-contact listing freed about 2 MB
 * (the pages survived and were promoted), outside about 13 MB, and the listing's peak heap growth went from about 85
 * to 55 MB (`packages/bench`, findings).
 *
 * @internal
 */
export class JsonBody {
  constructor(readonly status: number, readonly text: string) {}
}

/**
 * What an attempt's value becomes: a `JsonBody` decoded with the operation's schema, anything else as it is.
 *
 * @internal
 */
export const decodeBody = (
  op: Operation<any, any, any>,
  compiled: Compiled,
  value: unknown,
  config: IntercomClient.ResolvedConfig,
  call: CallOptions
): Effect.Effect<unknown, IntercomError.ResponseDecodeError> =>
  value instanceof JsonBody ? decodeJson(op, compiled, value.status, value.text, config, call) : Effect.succeed(value)

/**
 * An attempt's response read by the operation's kind (a JSON body as a `JsonBody`, decoded after the attempt); a
 * non-2xx status as its error.
 *
 * @internal
 */
export const handleResponse = (
  op: Operation<any, any, any>,
  sink: ResponseSink | undefined,
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
  const status = response.status
  if (sink !== undefined) sink.record(status, response.headers)
  const ok = status >= 200 && status < 300
  switch (op.response) {
    case "json":
      // the body only: `decodeBody` decodes it once the attempt (and its time-out's fiber) is over
      return ok ? Effect.map(response.text, (text) => new JsonBody(status, text)) : failStatus(op, response)
    case "empty":
      return ok ? Effect.ignore(response.arrayBuffer) : failStatus(op, response)
    case "text":
      return ok ? response.text : failStatus(op, response)
    case "binary":
      return ok ? Effect.succeed(Stream.mapError(response.stream, redactError)) : failStatus(op, response)
    case "redirect": {
      if (ok || (status >= 300 && status < 400)) {
        const url = location(response)
        if (url !== undefined) return Effect.as(Effect.ignore(response.arrayBuffer), url)
        // Never invent a value: a success without the URL it should carry is not a URL.
        return Effect.flatMap(
          Effect.orElseSucceed(response.text, () => ""),
          (body) =>
            Effect.fail(
              decodeError(
                op,
                status,
                "$",
                `no Location header: a redirect to the resource was expected (${status} without one)`,
                body
              )
            )
        )
      }
      return failStatus(op, response)
    }
  }
}
