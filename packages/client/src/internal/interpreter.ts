/**
 * The request pipeline behind `Operation.execute`: input validation, request
 * building, sending, and response decoding.
 *
 * Everything that can be computed from a descriptor alone (encoder, decoder,
 * path template segments, headers) is computed once per descriptor and cached.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as HttpBody from "@effect/platform/HttpBody"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as UrlParams from "@effect/platform/UrlParams"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import { globalValue } from "effect/GlobalValue"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import type * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import type * as IntercomClient from "../IntercomClient.js"
import * as IntercomError from "../IntercomError.js"
import type { CommonError, Operation } from "../Operation.js"
import * as Check from "./check.js"

// -----------------------------------------------------------------------------
// per-call options
// -----------------------------------------------------------------------------

/** @internal */
export interface ResponseSink {
  current: IntercomClient.ResponseInfo | undefined
}

/** @internal */
export interface CallOptions {
  readonly token: Redacted.Redacted<string> | undefined
  readonly version: string | undefined
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>> | undefined
  readonly query: Readonly<Record<string, string>> | undefined
  readonly timeout: Duration.Duration | undefined
  readonly sink: ResponseSink | undefined
  /** Replaces the layer's retry policy. */
  readonly retry: Schedule.Schedule<unknown, RetryAttempt> | undefined
}

/** @internal What the retry schedule sees (`Retry.Attempt`). */
export interface RetryAttempt {
  readonly error: any
  readonly operation: Operation<any, any, any>
  readonly attempt: number
}

const emptyCallOptions: CallOptions = {
  token: undefined,
  version: undefined,
  headers: undefined,
  query: undefined,
  timeout: undefined,
  sink: undefined,
  retry: undefined
}

/** @internal */
export const currentCallOptions: FiberRef.FiberRef<CallOptions> = globalValue(
  Symbol.for("@effect-intercom/client/IntercomClient/currentCallOptions"),
  () => FiberRef.unsafeMake(emptyCallOptions)
)

// -----------------------------------------------------------------------------
// compiled descriptors
// -----------------------------------------------------------------------------

interface Compiled {
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
 * Whether decoding with a schema can only check, never change, a value: no
 * transformations and no declarations anywhere in it. Every generated schema
 * is such a schema (wire and type are the same shape).
 */
const isCheckOnly = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST> = new Set()): boolean => {
  if (seen.has(ast)) return true
  seen.add(ast)
  switch (ast._tag) {
    case "Transformation":
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
 * page of contacts. For a check-only schema the decoded (or encoded) value IS
 * the given value, so: check it (`Check.compile`: fast, allocation-free) and return it whole;
 * only a failing value pays for the full parse that names the issue. Used for
 * success bodies and for inputs alike.
 */
const checkedParser = (
  schema: Schema.Schema<any, any>,
  full: (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>
): (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue> => {
  if (!isCheckOnly(schema.ast)) return full
  const check = Check.compile(schema.ast)
  return (u) => (check(u) ? Either.right(u) : full(u))
}

const compile = (op: Operation<any, any, any>): Compiled => {
  let compiled = compiledCache.get(op)
  if (compiled !== undefined) return compiled
  const encode = checkedParser(
    op.input,
    ParseResult.encodeUnknownEither(op.input, { onExcessProperty: "preserve", errors: "first" })
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
      ? checkedParser(op.success, ParseResult.decodeUnknownEither(op.success, { onExcessProperty: "preserve" }))
      : undefined,
    undefinedInput,
    segments: splitPath(op.path),
    notBody: new Set([...op.pathParams, ...op.queryParams]),
    accept: acceptFor(op.response),
    alwaysBody: op.method === "POST" || op.method === "PUT" || op.method === "PATCH"
  }
  compiledCache.set(op, compiled)
  return compiled
}

// -----------------------------------------------------------------------------
// helpers
// -----------------------------------------------------------------------------

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
const firstIssue = (issue: ParseResult.ParseIssue): { readonly jsonPath: string; readonly message: string } => {
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

const invalidInput = (op: Operation<any, any, any>, jsonPath: string, issue: string) =>
  new IntercomError.InvalidInputError({ operation: op.name, jsonPath, issue }, true)

const isBlank = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // space, \t, \n, \r, and the BOM
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return false
  }
  return true
}

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

// -----------------------------------------------------------------------------
// request
// -----------------------------------------------------------------------------

const buildRequest = (
  config: IntercomClient.ResolvedConfig,
  op: Operation<any, any, any>,
  compiled: Compiled,
  input: unknown,
  call: CallOptions
): HttpClientRequest.HttpClientRequest | IntercomError.InvalidInputError => {
  const result = compiled.encode(input === undefined ? compiled.undefinedInput : input)
  if (Either.isLeft(result)) {
    const { jsonPath, message } = firstIssue(result.left)
    return invalidInput(op, jsonPath, message)
  }
  const encoded = result.right
  const fields: Record<string, unknown> = typeof encoded === "object" && encoded !== null
    ? encoded as Record<string, unknown>
    : {}

  // path
  const segments = compiled.segments
  let url = config.baseUrl + segments[0]
  for (let i = 1; i < segments.length; i += 2) {
    const name = segments[i]
    const value = fields[name]
    if (value === undefined || value === null) {
      return invalidInput(op, formatJsonPath([name]), "is missing")
    }
    try {
      url += encodeURIComponent(String(value)) + segments[i + 1]
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
  const headers: Record<string, string> = {
    authorization: `Bearer ${Redacted.value(call.token ?? config.token)}`,
    "intercom-version": op.api === "unstable" ? "Unstable" : call.version ?? config.version,
    accept: compiled.accept
  }
  if (body !== undefined) headers["content-type"] = "application/json"
  if (call.headers !== undefined) Object.assign(headers, call.headers)

  const request = HttpClientRequest.make(op.method)(url, {
    headers: Headers.unsafeFromRecord(headers),
    ...(urlParams !== undefined ? { urlParams: urlParams as UrlParams.UrlParams } : {})
  })
  return body === undefined ? request : HttpClientRequest.setBody(request, HttpBody.text(body, "application/json"))
}

// -----------------------------------------------------------------------------
// response
// -----------------------------------------------------------------------------

const decodeError = (
  op: Operation<any, any, any>,
  status: number,
  jsonPath: string,
  issue: string,
  body: string
) =>
  new IntercomError.ResponseDecodeError({
    operation: op.name,
    method: op.method,
    path: op.path,
    status,
    jsonPath,
    issue,
    body
  }, true)

const decodeJson = (
  op: Operation<any, any, any>,
  compiled: Compiled,
  status: number,
  text: string
): Effect.Effect<unknown, IntercomError.ResponseDecodeError> => {
  const decode = compiled.decode
  if (isBlank(text)) {
    if (decode === undefined) return Effect.succeed({})
    const result = decode({})
    if (Either.isRight(result)) return Effect.succeed(result.right)
    const { jsonPath, message } = firstIssue(result.left)
    return Effect.fail(
      decodeError(
        op,
        status,
        jsonPath,
        `the response body was empty and {} does not match the schema: ${message}`,
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
  if (decode === undefined) return Effect.succeed(json)
  const result = decode(json)
  if (Either.isRight(result)) return Effect.succeed(result.right)
  const { jsonPath, message } = firstIssue(result.left)
  return Effect.fail(decodeError(op, status, jsonPath, message, text))
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

const handleResponse = (
  op: Operation<any, any, any>,
  compiled: Compiled,
  sink: ResponseSink | undefined,
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
  const status = response.status
  if (sink !== undefined) sink.current = { status, headers: response.headers }
  const ok = status >= 200 && status < 300
  switch (op.response) {
    case "json":
      return ok
        ? Effect.flatMap(response.text, (text) => decodeJson(op, compiled, status, text))
        : failStatus(op, response)
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
      }
      return failStatus(op, response)
    }
  }
}

// Platform errors keep the request, and `request.toJSON()` only redacts headers
// inside a fiber: outside one, `JSON.stringify(error)` would print the token.
// Errors leaving the client carry a copy of the request without it.
const redactRequest = (request: HttpClientRequest.HttpClientRequest): HttpClientRequest.HttpClientRequest =>
  request.headers["authorization"] === undefined
    ? request
    : HttpClientRequest.setHeader(request, "authorization", "<redacted>")

const redactResponse = (
  request: HttpClientRequest.HttpClientRequest,
  response: HttpClientResponse.HttpClientResponse
): HttpClientResponse.HttpClientResponse => {
  const status = response.status
  let source: Response
  try {
    source = new Response(null, { status: status >= 200 && status <= 599 ? status : 599, headers: response.headers })
  } catch {
    source = new Response(null, { status: 599 })
  }
  return HttpClientResponse.fromWeb(request, source)
}

/** @internal */
export const redactError = <E>(error: E): E => {
  if (!HttpClientError.isHttpClientError(error)) return error
  const request = redactRequest(error.request)
  if (request === error.request) return error
  const optional = {
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
    ...(error.description !== undefined ? { description: error.description } : {})
  }
  return (error._tag === "RequestError"
    ? new HttpClientError.RequestError({ request, reason: error.reason, ...optional })
    : new HttpClientError.ResponseError({
      request,
      response: redactResponse(request, error.response),
      reason: error.reason,
      ...optional
    })) as E
}

const manualRedirect = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(
    Effect.serviceOption(FetchHttpClient.RequestInit),
    (init) =>
      Effect.provideService(effect, FetchHttpClient.RequestInit, {
        ...Option.getOrUndefined(init),
        redirect: "manual"
      })
  )

// -----------------------------------------------------------------------------
// service
// -----------------------------------------------------------------------------

/** The same error, recording how many attempts were made. */
const withAttempts = (error: unknown, attempts: number): unknown => {
  if (typeof error !== "object" || error === null || !("_tag" in error)) return error
  const tag = (error as { _tag: string })._tag
  if (tag === "TimeoutError" || ("status" in error && "errors" in error)) {
    const ErrorClass = error.constructor as new(props: object, disableValidation: boolean) => unknown
    return new ErrorClass({ ...error, attempts }, true)
  }
  return error
}

const run = (
  httpClient: HttpClient.HttpClient,
  config: IntercomClient.ResolvedConfig,
  op: Operation<any, any, any>,
  input: unknown,
  call: CallOptions
): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
  const compiled = compile(op)
  const request = buildRequest(config, op, compiled, input, call)
  if (request instanceof IntercomError.InvalidInputError) return Effect.fail(request)
  const sink = call.sink
  const limiter = config.rateLimiter
  const timeout = call.timeout ?? config.timeout

  // One attempt: wait for rate-limit budget, send, read the response, tell the limiter what it said.
  const send = (): Effect.Effect<unknown, CommonError | IntercomError.HttpStatusError> => {
    let headers: Headers.Headers | undefined
    let effect = Effect.flatMap(
      httpClient.execute(request),
      (response) => {
        headers = response.headers
        return handleResponse(op, compiled, sink, response)
      }
    )
    effect = Effect.mapError(effect, redactError)
    if (op.response === "redirect") effect = manualRedirect(effect)
    if (timeout !== undefined) {
      effect = Effect.timeoutFail(effect, {
        duration: timeout,
        onTimeout: () =>
          new IntercomError.TimeoutError({
            operation: op.name,
            method: op.method,
            path: op.path,
            durationMs: Duration.toMillis(timeout)
          }, true)
      })
    }
    if (limiter === undefined) return effect
    return Effect.flatMap(
      limiter.acquire(op),
      (permit) => Effect.onExit(effect, () => limiter.release(permit, headers))
    )
  }

  const policy = call.retry ?? config.retry
  if (policy === undefined) return send()
  // The retry schedule only starts after a failure: a call that succeeds at once pays nothing for it.
  return Effect.catchAll(send(), (error) =>
    Effect.flatMap(Schedule.driver(policy), (driver) => {
      let attempts = 1
      const retry = (error: CommonError | IntercomError.HttpStatusError): Effect.Effect<
        unknown,
        CommonError | IntercomError.HttpStatusError
      > =>
        Effect.matchEffect(driver.next({ error, operation: op, attempt: attempts } satisfies RetryAttempt), {
          onFailure: () => Effect.fail(withAttempts(error, attempts) as CommonError | IntercomError.HttpStatusError),
          onSuccess: () => {
            attempts++
            return Effect.catchAll(send(), retry)
          }
        })
      return retry(error)
    }))
}

let nativeTracer: Tracer.Tracer | undefined
/** Effect's default tracer, which records nothing anyone reads unless a tracer is installed. */
const defaultTracer = (): Tracer.Tracer => (nativeTracer ??= Effect.runSync(Effect.tracer))

const spanNames = new WeakMap<Operation<any, any, any>, string>()
const spanName = (op: Operation<any, any, any>): string => {
  let name = spanNames.get(op)
  if (name === undefined) {
    name = `Intercom.${op.name}`
    spanNames.set(op, name)
  }
  return name
}

const spanAttributes = (op: Operation<any, any, any>): Record<string, unknown> => ({
  "intercom.operation": op.name,
  ...(op.operationId !== undefined ? { "intercom.operation_id": op.operationId } : {}),
  "intercom.api": op.api,
  "http.request.method": op.method,
  "http.route": op.path
})

class ServiceImpl extends Inspectable.Class implements IntercomClient.IntercomClient.Service {
  constructor(
    readonly config: IntercomClient.ResolvedConfig,
    readonly httpClient: HttpClient.HttpClient
  ) {
    super()
  }
  readonly execute = <I, A, E>(op: Operation<I, A, E>, input: I): Effect.Effect<A, E | CommonError> =>
    Effect.withFiberRuntime((fiber) => {
      const effect = run(this.httpClient, this.config, op, input, fiber.getFiberRef(currentCallOptions))
      // With no tracer installed (Effect's default one), spans would only cost: skip ours and the HTTP client's.
      if (fiber.currentTracer === defaultTracer() || !fiber.getFiberRef(FiberRef.currentTracerEnabled)) {
        return Effect.withTracerEnabled(effect, false)
      }
      return Effect.withSpan(effect, spanName(op), {
        kind: "client",
        captureStackTrace: false,
        attributes: spanAttributes(op)
      })
    }) as Effect.Effect<any, any>

  toJSON(): unknown {
    return {
      _id: "@effect-intercom/client/IntercomClient",
      config: {
        baseUrl: this.config.baseUrl,
        region: this.config.region,
        version: this.config.version,
        timeout: this.config.timeout === undefined ? undefined : Duration.format(this.config.timeout),
        token: this.config.token
      }
    }
  }
}

/** @internal */
export const makeService = (
  httpClient: HttpClient.HttpClient,
  config: IntercomClient.ResolvedConfig
): IntercomClient.IntercomClient.Service => new ServiceImpl(config, httpClient)

// The same key as the `IntercomClient` tag: the service is looked up by key,
// and importing the public module here would make an import cycle.
const tag = Context.GenericTag<IntercomClient.IntercomClient, IntercomClient.IntercomClient.Service>(
  "@effect-intercom/client/IntercomClient"
)

/** @internal */
export const execute = <I, A, E>(
  operation: Operation<I, A, E>,
  input: I
): Effect.Effect<A, E | CommonError, IntercomClient.IntercomClient> =>
  Effect.flatMap(tag, (client) => client.execute(operation, input))
