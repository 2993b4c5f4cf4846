/**
 * The errors of the Intercom client.
 *
 * HTTP failures are split by meaning (`NotFoundError`, `RateLimitError`, …)
 * and all carry the same fields: the status, Intercom's `request_id` and
 * `errors[]`, the raw body, the rate-limit headers and the operation that
 * failed. Bodies that do not match the operation's schema, bad input and
 * time-outs have their own errors. Transport failures stay
 * `HttpClientError`s from `@effect/platform`.
 *
 * No error ever holds the access token: messages are built from the
 * operation's name, method and path template only.
 *
 * For tests and mocks, one constructor per error (`notFound`, `badRequest`,
 * `unauthorized`, `forbidden`, `conflict`, `unprocessableEntity`,
 * `rateLimited`, `serverError`, `unexpectedStatus`, `timeout`,
 * `invalidInput`, `responseDecode`, `scroll`) builds the error the client
 * gives for the same answer, with Intercom's codes and messages as defaults:
 *
 * ```ts
 * IntercomError.notFound({ operation: "contacts.find" })
 * IntercomError.rateLimited({ operation: "contacts.list", retryAfter: 10 })
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * One entry of Intercom's `errors[]`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorItem = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  field: Schema.optional(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ErrorItem extends Schema.Schema.Type<typeof ErrorItem> {}

/**
 * The rate-limit headers of a response: `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds).
 *
 * @since 0.1.0
 * @category schemas
 */
export const RateLimit = Schema.Struct({
  limit: Schema.Number,
  remaining: Schema.Number,
  reset: Schema.Number
})

/**
 * @since 0.1.0
 * @category models
 */
export interface RateLimit extends Schema.Schema.Type<typeof RateLimit> {}

/**
 * The fields shared by every HTTP status error.
 *
 * @since 0.1.0
 * @category schemas
 */
export const HttpErrorFields = {
  /** The HTTP status code. */
  status: Schema.Number,
  /** Intercom's `request_id` (from the body, or the `X-Request-Id` header). */
  requestId: Schema.optional(Schema.String),
  /** Intercom's `errors[]`; empty when the body is not an `error.list`. */
  errors: Schema.Array(ErrorItem),
  /** The raw body text (truncated to 4 KB when it is not JSON). */
  body: Schema.String,
  /** The rate-limit headers, when the response has them. */
  rateLimit: Schema.optional(RateLimit),
  /** The `Retry-After` header, in seconds. */
  retryAfter: Schema.optional(Schema.Number),
  /** The SDK name of the operation, for example `contacts.find`. */
  operation: Schema.String,
  /** The HTTP method. */
  method: Schema.String,
  /** The path template, for example `/contacts/{contact_id}`. */
  path: Schema.String,
  /** How many times the request was sent, retries included (set when the retry policy gave up). */
  attempts: Schema.optional(Schema.Number)
}

/**
 * The shape shared by every HTTP status error.
 *
 * @since 0.1.0
 * @category models
 */
export interface HttpErrorProps extends Schema.Struct.Type<typeof HttpErrorFields> {}

const statusTexts: Record<number, string> = {
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  418: "I'm a Teapot",
  422: "Unprocessable Entity",
  423: "Locked",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

const excerpt = (body: string): string => {
  const text = body.trim()
  if (text === "" || text.startsWith("<")) return ""
  const line = text.replace(/\s+/g, " ")
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}

/** `contacts.find (GET /contacts/{contact_id})`, or the name alone when method and path are unknown (left empty). */
const located = (self: { readonly operation: string; readonly method: string; readonly path: string }): string =>
  self.method === "" && self.path === "" ? self.operation : `${self.operation} (${self.method} ${self.path})`

const formatHttpMessage = (self: HttpErrorProps, extra: string): string => {
  const statusText = statusTexts[self.status]
  let out = `${located(self)} failed with ${self.status}`
  if (statusText !== undefined) out += ` ${statusText}`
  if (self.errors.length > 0) {
    out += ": " +
      self.errors.map((e) => `${e.message} (${e.code}${e.field !== undefined ? `, field: ${e.field}` : ""})`).join("; ")
  } else {
    const text = excerpt(self.body)
    if (text !== "") out += `: ${text}`
  }
  out += extra
  if (self.attempts !== undefined && self.attempts > 1) out += ` after ${self.attempts} attempts`
  if (self.requestId !== undefined) out += ` [request_id: ${self.requestId}]`
  return out
}

/**
 * 400: the request was malformed or a parameter is invalid.
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequestError extends Schema.TaggedError<BadRequestError>()("BadRequestError", HttpErrorFields) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * 401: the access token is missing, invalid or revoked.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnauthorizedError extends Schema.TaggedError<UnauthorizedError>()("UnauthorizedError", HttpErrorFields) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * 403: the token lacks the permission (OAuth scope) this operation needs.
 *
 * @since 0.1.0
 * @category errors
 */
export class ForbiddenError extends Schema.TaggedError<ForbiddenError>()("ForbiddenError", HttpErrorFields) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * 404: the resource does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundError extends Schema.TaggedError<NotFoundError>()("NotFoundError", HttpErrorFields) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * 409: the request conflicts with the resource's state, for example
 * `contacts.create` for a contact that already exists. Intercom sends it
 * wherever a write conflicts, documented or not, so every operation can fail
 * with it. When Intercom's message names the existing resource ("A contact
 * matching those details already exists with id=…"), `existingId` holds its
 * id, so the caller can update instead of create.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConflictError extends Schema.TaggedError<ConflictError>()("ConflictError", {
  ...HttpErrorFields,
  /** The id of the existing resource, when Intercom's message names it. */
  existingId: Schema.optional(Schema.String)
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * 422: the request was well formed but Intercom could not process it.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnprocessableEntityError
  extends Schema.TaggedError<UnprocessableEntityError>()("UnprocessableEntityError", HttpErrorFields)
{
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * 429: the workspace's rate limit is exhausted. `rateLimit.reset` (Unix
 * seconds) or `retryAfter` (seconds) say when to try again.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimitError extends Schema.TaggedError<RateLimitError>()("RateLimitError", HttpErrorFields) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    let extra = ""
    if (this.retryAfter !== undefined) {
      extra = `; retry after ${this.retryAfter}s`
    } else if (this.rateLimit !== undefined) {
      const reset = new Date(this.rateLimit.reset * 1000)
      extra = `; limit ${this.rateLimit.limit}, resets at ${
        Number.isNaN(reset.getTime()) ? this.rateLimit.reset : reset.toISOString()
      }`
    }
    return formatHttpMessage(this, extra)
  }
}

/**
 * 5xx: Intercom (or a proxy in front of it) failed.
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerError extends Schema.TaggedError<ServerError>()("ServerError", HttpErrorFields) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * Any status the operation's spec does not document (other than the
 * always-possible 401, 403, 429 and 5xx), and any status without a class of
 * its own.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnexpectedStatusError
  extends Schema.TaggedError<UnexpectedStatusError>()("UnexpectedStatusError", HttpErrorFields)
{
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return formatHttpMessage(this, "")
  }
}

/**
 * One place where a response body differs from the operation's schema.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Mismatch = Schema.Struct({
  /** Where, for example `$.data[3].email`. */
  jsonPath: Schema.String,
  /** What the schema expects there, for example `string`. */
  expected: Schema.String,
  /** What the body holds there (a short rendering), or `missing`. */
  actual: Schema.String,
  /** The whole description, as Schema words it. */
  message: Schema.String
})

/**
 * @since 0.1.0
 * @category models
 */
export interface Mismatch extends Schema.Schema.Type<typeof Mismatch> {}

/**
 * The most mismatches a `ResponseDecodeError` lists (and a lenient decode
 * reports per response); `mismatchCount` says how many there were in all.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxMismatches = 20

/**
 * A success response whose body is empty, is not valid JSON, or does not
 * match the operation's schema (under the `strict` decode policy; see
 * `IntercomClient.DecodePolicy`).
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  operation: Schema.String,
  method: Schema.String,
  path: Schema.String,
  status: Schema.Number,
  /** Where in the body the first problem is, for example `$.data[3].email`. */
  jsonPath: Schema.String,
  /** What is wrong there (`empty body`, `invalid JSON: …`, or the first mismatch). */
  issue: Schema.String,
  /** Every place the body differs from the schema, up to `maxMismatches` (empty for an empty or non-JSON body). */
  mismatches: Schema.Array(Mismatch),
  /** How many mismatches there were in all (more than `mismatches.length` when the list was cut). */
  mismatchCount: Schema.Number,
  /** The raw body, whole. */
  body: Schema.String
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    const head = `${located(this)} returned a ${this.status} body that could not be decoded`
    if (this.mismatchCount <= 1) return `${head} at ${this.jsonPath}: ${this.issue}`
    const listed = this.mismatches.map((m) => `${m.jsonPath}: ${m.message}`).join("; ")
    const more = this.mismatchCount > this.mismatches.length
      ? `; and ${this.mismatchCount - this.mismatches.length} more`
      : ""
    return `${head}: ${this.mismatchCount} mismatches: ${listed}${more}`
  }
}

/**
 * The input of an operation failed validation; nothing was sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInputError extends Schema.TaggedError<InvalidInputError>()("InvalidInputError", {
  operation: Schema.String,
  /** Where in the input the first problem is, for example `$.contact_id`. */
  jsonPath: Schema.String,
  /** What is wrong there. */
  issue: Schema.String
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return `${this.operation}: invalid input at ${this.jsonPath}: ${this.issue}`
  }
}

/**
 * Which time-out fired:
 *
 * - `attempt`: one attempt (sending the request, waiting for the response
 *   headers, reading a JSON, text or error body) took longer than the
 *   per-attempt time-out (`IntercomClient.Options.timeout`,
 *   `IntercomClient.withTimeout`); the retry policy may try again;
 * - `idle`: a binary download handed out as a byte `Stream` received no bytes
 *   for the idle time-out (`IntercomClient.Options.idleTimeout`,
 *   `IntercomClient.withIdleTimeout`) while it was being read; the stream
 *   fails with it (no retry: part of it was consumed).
 *
 * @since 0.1.0
 * @category models
 */
export type TimeoutKind = "attempt" | "idle"

/**
 * The operation did not complete within its time-out (`kind` says which).
 *
 * @since 0.1.0
 * @category errors
 */
export class TimeoutError extends Schema.TaggedError<TimeoutError>()("TimeoutError", {
  operation: Schema.String,
  method: Schema.String,
  path: Schema.String,
  /** The time-out, in milliseconds. */
  durationMs: Schema.Number,
  /** Which time-out fired (default `attempt`). */
  kind: Schema.optionalWith(Schema.Literal("attempt", "idle"), { default: () => "attempt" as const }),
  /** How many times the request was sent, retries included (set when the retry policy gave up). */
  attempts: Schema.optional(Schema.Number)
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    const what = this.kind === "idle"
      ? `stalled: no bytes of the body for ${this.durationMs}ms`
      : `timed out after ${this.durationMs}ms`
    return `${located(this)} ${what}${
      this.attempts !== undefined && this.attempts > 1 ? ` (${this.attempts} attempts)` : ""
    }`
  }
}

/**
 * A scroll (`companies.scroll`) could not go on. Intercom allows one scroll
 * per app at a time and expires it after a minute without a request:
 *
 * - `Conflict`: the first request was refused, most likely because another
 *   scroll is open for this app;
 * - `Expired`: a later request was refused, most likely because the scroll
 *   was idle for more than a minute;
 * - `Interrupted`: Intercom failed mid-scroll; a scroll cannot resume, start
 *   a new one.
 *
 * `cause` is the HTTP error Intercom answered with.
 *
 * @since 0.1.0
 * @category errors
 */
export class ScrollError extends Schema.TaggedError<ScrollError>()("ScrollError", {
  reason: Schema.Literal("Conflict", "Expired", "Interrupted"),
  operation: Schema.String,
  cause: Schema.Unknown
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    const why = this.reason === "Conflict"
      ? "Intercom refused to open a scroll (one scroll per app at a time: is another one open?)"
      : this.reason === "Expired"
      ? "Intercom refused to continue the scroll (it expires after a minute without a request)"
      : "Intercom failed mid-scroll (a scroll cannot resume: start a new one)"
    const cause = this.cause instanceof Error ? `: ${this.cause.message}` : ""
    return `${this.operation}: ${why}${cause}`
  }
}

/**
 * The errors answering an HTTP status.
 *
 * @since 0.1.0
 * @category errors
 */
export type HttpStatusError =
  | BadRequestError
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | ConflictError
  | UnprocessableEntityError
  | RateLimitError
  | ServerError
  | UnexpectedStatusError

/**
 * Every error of this module.
 *
 * @since 0.1.0
 * @category errors
 */
export type IntercomError =
  | HttpStatusError
  | ResponseDecodeError
  | InvalidInputError
  | TimeoutError
  | ScrollError

const tags: ReadonlySet<string> = new Set([
  "BadRequestError",
  "UnauthorizedError",
  "ForbiddenError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "ServerError",
  "UnexpectedStatusError",
  "ResponseDecodeError",
  "InvalidInputError",
  "TimeoutError",
  "ScrollError"
])

/**
 * @since 0.1.0
 * @category guards
 */
export const isIntercomError = (u: unknown): u is IntercomError =>
  typeof u === "object" && u !== null && "_tag" in u && typeof u._tag === "string" && tags.has(u._tag) &&
  u instanceof Error

type HttpErrorClass = new(props: HttpErrorProps, disableValidation?: boolean) => HttpStatusError

const byStatus: Record<number, HttpErrorClass> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError
}

/**
 * Statuses that mean the same on every endpoint and that Intercom sends
 * whether the spec documents them for the operation or not: 401, 403, 429
 * and any 5xx, and 409, which `POST /contacts` answers for a duplicate
 * contact although its description lists only 200 and 401.
 */
const always = (status: number): boolean =>
  status === 401 || status === 403 || status === 409 || status === 429 || (status >= 500 && status < 600)

/**
 * The error class for a status: documented statuses and the always-possible
 * ones (401, 403, 409, 429 and any 5xx) get their own class, everything else
 * is an `UnexpectedStatusError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const classFor = (status: number, documented: ReadonlyArray<number>): HttpErrorClass => {
  if (!always(status) && !documented.includes(status)) return UnexpectedStatusError
  if (status >= 500 && status < 600) return ServerError
  return byStatus[status] ?? UnexpectedStatusError
}

/**
 * The id of the existing resource named by a conflict's message, as in
 * "A contact matching those details already exists with id=5f3a…".
 */
const existingIdPattern = /\bexists?\b.*?\bid\s*[=:]\s*["']?([A-Za-z0-9_-]+)/i

/**
 * The id a 409's messages name, if any.
 *
 * @since 0.1.0
 * @category constructors
 */
export const existingIdOf = (errors: ReadonlyArray<ErrorItem>, body: string): string | undefined => {
  for (const item of errors) {
    const match = existingIdPattern.exec(item.message)
    if (match !== null) return match[1]
  }
  if (errors.length > 0) return undefined
  const match = existingIdPattern.exec(body)
  return match === null ? undefined : match[1]
}

const MAX_TEXT_BODY = 4096

const parseNumber = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === "") return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : undefined
}

/**
 * The rate-limit headers of a response (`X-RateLimit-Limit`, `-Remaining`,
 * `-Reset`), when all three are there. Header names in lower case.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseRateLimit = (headers: Readonly<Record<string, string | undefined>>): RateLimit | undefined => {
  const limit = parseNumber(headers["x-ratelimit-limit"])
  const remaining = parseNumber(headers["x-ratelimit-remaining"])
  const reset = parseNumber(headers["x-ratelimit-reset"])
  return limit !== undefined && remaining !== undefined && reset !== undefined ? { limit, remaining, reset } : undefined
}

const readErrorList = (value: unknown): ReadonlyArray<ErrorItem> => {
  if (!Array.isArray(value)) return []
  const out: Array<ErrorItem> = []
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue
    const code = (item as any).code
    const message = (item as any).message
    const field = (item as any).field
    out.push({
      code: typeof code === "string" ? code : code == null ? "" : String(code),
      message: typeof message === "string" ? message : message == null ? "" : String(message),
      ...(typeof field === "string" ? { field } : {})
    })
  }
  return out
}

/**
 * Build the error for a non-success response.
 *
 * `headers` are the response headers with lower-case names (an
 * `@effect/platform` `Headers` value fits).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromResponse = (options: {
  readonly status: number
  /** The statuses the operation's spec documents. */
  readonly documented: ReadonlyArray<number>
  readonly body: string
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly operation: string
  readonly method: string
  readonly path: string
}): HttpStatusError => {
  const { body, headers } = options
  let errors: ReadonlyArray<ErrorItem> = []
  let requestId: string | undefined
  let isJson = false
  const trimmed = body.trimStart()
  if (trimmed.startsWith("{")) {
    try {
      const json = JSON.parse(body) as unknown
      isJson = true
      if (typeof json === "object" && json !== null) {
        const record = json as Record<string, unknown>
        if (record.type === "error.list" || Array.isArray(record.errors)) {
          errors = readErrorList(record.errors)
        }
        if (typeof record.request_id === "string") requestId = record.request_id
      }
    } catch {
      // not JSON: keep the text
    }
  }
  if (requestId === undefined) {
    const header = headers["x-request-id"]
    if (header !== undefined && header !== "") requestId = header
  }
  const rateLimit = parseRateLimit(headers)
  const retryAfter = parseNumber(headers["retry-after"])
  const props: HttpErrorProps = {
    status: options.status,
    errors,
    body: isJson || body.length <= MAX_TEXT_BODY ? body : `${body.slice(0, MAX_TEXT_BODY)}… (truncated)`,
    operation: options.operation,
    method: options.method,
    path: options.path,
    ...(requestId !== undefined ? { requestId } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {})
  }
  const ErrorClass = classFor(options.status, options.documented)
  if (ErrorClass === ConflictError) {
    const existingId = existingIdOf(errors, isJson ? "" : body)
    return new ConflictError(existingId === undefined ? props : { ...props, existingId }, true)
  }
  return new ErrorClass(props, true)
}

// -----------------------------------------------------------------------------
// constructors for tests and mocks
// -----------------------------------------------------------------------------

/**
 * What the constructors need of an operation: any operation descriptor
 * (`Contacts.findOperation`) fits.
 *
 * @since 0.1.0
 * @category models
 */
export interface OperationRef {
  /** The SDK name, for example `contacts.find`. */
  readonly name: string
  readonly method: string
  /** The path template, for example `/contacts/{contact_id}`. */
  readonly path: string
}

/**
 * Where an error happened, for the constructors: the operation, by its SDK
 * name or by its descriptor, and optionally the method and path.
 *
 * With a descriptor (`Contacts.findOperation`), the method and path default to
 * its own. With a name alone, they are left empty (the message then names the
 * operation only), and `IntercomMock.layerTest` fills them in from the mocked
 * operation's descriptor when its method fails with the error.
 *
 * @since 0.1.0
 * @category models
 */
export interface Location {
  /** The SDK name (`"contacts.find"`) or the operation's descriptor. */
  readonly operation: string | OperationRef
  /** The HTTP method (default: the descriptor's, else empty). */
  readonly method?: string | undefined
  /** The path template (default: the descriptor's, else empty). */
  readonly path?: string | undefined
}

/**
 * The options of the HTTP error constructors: only `operation` is required.
 *
 * @since 0.1.0
 * @category models
 */
export interface HttpErrorOptions extends Location {
  /** Intercom's `request_id` (none by default); it goes into the body too. */
  readonly requestId?: string | undefined
  /** Intercom's `errors[]` (each constructor has a default in Intercom's words). */
  readonly errors?: ReadonlyArray<ErrorItem> | undefined
  /** The raw body (default: the `error.list` JSON Intercom would send for `errors` and `requestId`). */
  readonly body?: string | undefined
  /** The rate-limit headers of the response (none by default). */
  readonly rateLimit?: RateLimit | undefined
  /** The `Retry-After` header, in seconds (none by default). */
  readonly retryAfter?: number | undefined
  /** How many times the request was sent (none by default: a single attempt). */
  readonly attempts?: number | undefined
}

const locate = (location: Location): { operation: string; method: string; path: string } => {
  const op = location.operation
  return typeof op === "string"
    ? { operation: op, method: location.method ?? "", path: location.path ?? "" }
    : { operation: op.name, method: location.method ?? op.method, path: location.path ?? op.path }
}

/** The body Intercom sends with an error: `{"type":"error.list","request_id":…,"errors":[…]}`. */
const errorListBody = (errors: ReadonlyArray<ErrorItem>, requestId: string | undefined): string =>
  errors.length === 0
    ? ""
    : JSON.stringify(
      requestId === undefined
        ? { type: "error.list", errors }
        : { type: "error.list", request_id: requestId, errors }
    )

const httpProps = (
  status: number,
  options: HttpErrorOptions,
  defaultErrors: ReadonlyArray<ErrorItem>
): HttpErrorProps => {
  const errors = options.errors ?? defaultErrors
  return {
    status,
    errors,
    body: options.body ?? errorListBody(errors, options.requestId),
    ...locate(options),
    ...(options.requestId !== undefined ? { requestId: options.requestId } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}),
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {})
  }
}

/**
 * A 400 `BadRequestError`, as Intercom answers a malformed request; `errors`
 * defaults to `[{ code: "bad_request", message: "Bad Request" }]`.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.badRequest({
 *   operation: "contacts.update",
 *   errors: [{ code: "parameter_invalid", message: "Body is required" }]
 * })
 * console.log(error.message) // contacts.update failed with 400 Bad Request: Body is required (parameter_invalid)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const badRequest = (options: HttpErrorOptions): BadRequestError =>
  new BadRequestError(httpProps(400, options, [{ code: "bad_request", message: "Bad Request" }]), true)

/**
 * A 401 `UnauthorizedError`, in Intercom's words:
 * `[{ code: "unauthorized", message: "Access Token Invalid" }]`.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.unauthorized({ operation: "admins.identify", method: "GET", path: "/me" })
 * console.log(error.message) // admins.identify (GET /me) failed with 401 Unauthorized: Access Token Invalid (unauthorized)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const unauthorized = (options: HttpErrorOptions): UnauthorizedError =>
  new UnauthorizedError(httpProps(401, options, [{ code: "unauthorized", message: "Access Token Invalid" }]), true)

/**
 * A 403 `ForbiddenError`; `errors` defaults to the spec's
 * `[{ code: "api_plan_restricted", message: "Active subscription needed." }]`.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.forbidden({ operation: "tickets.create" })
 * console.log(error.status) // 403
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const forbidden = (options: HttpErrorOptions): ForbiddenError =>
  new ForbiddenError(
    httpProps(403, options, [{ code: "api_plan_restricted", message: "Active subscription needed." }]),
    true
  )

/**
 * A 404 `NotFoundError`, in Intercom's words:
 * `[{ code: "not_found", message: "Resource Not Found" }]`.
 *
 * Give the operation's descriptor (`Contacts.findOperation` of
 * `@effect-intercom/client/stable/Contacts`), or its method and path, to have
 * them in the error as the client's own would; under
 * `IntercomMock.layerTest`, the name is enough.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const byName = IntercomError.notFound({ operation: "contacts.find" })
 * console.log(byName.message) // contacts.find failed with 404 Not Found: Resource Not Found (not_found)
 *
 * const located = IntercomError.notFound({
 *   operation: "contacts.find",
 *   method: "GET",
 *   path: "/contacts/{contact_id}",
 *   requestId: "req-1"
 * })
 * console.log(located.message)
 * // contacts.find (GET /contacts/{contact_id}) failed with 404 Not Found: Resource Not Found (not_found) [request_id: req-1]
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const notFound = (options: HttpErrorOptions): NotFoundError =>
  new NotFoundError(httpProps(404, options, [{ code: "not_found", message: "Resource Not Found" }]), true)

/**
 * A 409 `ConflictError`. With `existingId`, the default message names the
 * existing resource the way Intercom does for a duplicate contact ("A contact
 * matching those details already exists with id=…"); with `errors` and no
 * `existingId`, the id is read from their messages, as the client does.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.conflict({ operation: "contacts.create", existingId: "6329bd9ffe4e2e91dac76188" })
 * console.log(error.existingId) // 6329bd9ffe4e2e91dac76188
 * console.log(error.errors[0]?.message) // A contact matching those details already exists with id=6329bd9ffe4e2e91dac76188
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const conflict = (
  options: HttpErrorOptions & {
    /** The id of the existing resource. */
    readonly existingId?: string | undefined
  }
): ConflictError => {
  const name = typeof options.operation === "string" ? options.operation : options.operation.name
  const what = /^(unstable\.)?contacts\./.test(name) ? "A contact" : "A resource"
  const props = httpProps(409, options, [{
    code: "conflict",
    message: options.existingId === undefined
      ? `${what} matching those details already exists`
      : `${what} matching those details already exists with id=${options.existingId}`
  }])
  const existingId = options.existingId ?? existingIdOf(props.errors, props.body)
  return new ConflictError(existingId === undefined ? props : { ...props, existingId }, true)
}

/**
 * A 422 `UnprocessableEntityError`; `errors` defaults to
 * `[{ code: "parameter_invalid", message: "Unprocessable Entity" }]`.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.unprocessableEntity({
 *   operation: "messages.create",
 *   errors: [{ code: "parameter_not_found", message: "No subject supplied for email message" }]
 * })
 * console.log(error.status) // 422
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const unprocessableEntity = (options: HttpErrorOptions): UnprocessableEntityError =>
  new UnprocessableEntityError(
    httpProps(422, options, [{ code: "parameter_invalid", message: "Unprocessable Entity" }]),
    true
  )

/**
 * A 429 `RateLimitError`, in the fake's and Intercom's words
 * (`[{ code: "rate_limit_exceeded", message: "Rate Limit Exceeded" }]`).
 * Give `retryAfter` (seconds) or `rateLimit` (`reset` in Unix seconds): the
 * default retry policy waits for them; with neither, it backs off as after a
 * 5xx.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.rateLimited({ operation: "contacts.list", retryAfter: 10 })
 * console.log(error.message) // contacts.list failed with 429 Too Many Requests: Rate Limit Exceeded (rate_limit_exceeded); retry after 10s
 *
 * IntercomError.rateLimited({
 *   operation: "contacts.list",
 *   rateLimit: { limit: 10000, remaining: 0, reset: 1_700_000_010 }
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const rateLimited = (options: HttpErrorOptions): RateLimitError =>
  new RateLimitError(httpProps(429, options, [{ code: "rate_limit_exceeded", message: "Rate Limit Exceeded" }]), true)

/**
 * A 5xx `ServerError` (`status` default 500);
 * `errors` defaults to `[{ code: "server_error", message: "Server Error" }]`.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.serverError({ operation: "conversations.reply", status: 503 })
 * console.log(error.message) // conversations.reply failed with 503 Service Unavailable: Server Error (server_error)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const serverError = (
  options: HttpErrorOptions & {
    /** A 5xx status (default 500). */
    readonly status?: number | undefined
  }
): ServerError =>
  new ServerError(httpProps(options.status ?? 500, options, [{ code: "server_error", message: "Server Error" }]), true)

/**
 * An `UnexpectedStatusError`: a status the operation does not document (the
 * status is required: there is no sensible default). `errors` defaults to
 * none and the body to empty, as a proxy's or a gateway's answer would be.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.unexpectedStatus({ operation: "admins.identify", status: 405 })
 * console.log(error.message) // admins.identify failed with 405 Method Not Allowed
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const unexpectedStatus = (
  options: HttpErrorOptions & {
    readonly status: number
  }
): UnexpectedStatusError => new UnexpectedStatusError(httpProps(options.status, options, []), true)

/**
 * A `TimeoutError`: by default an attempt that took longer than the default
 * per-attempt time-out (30 s, `durationMs: 30000`, `kind: "attempt"`).
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.timeout({ operation: "contacts.search", durationMs: 5000 })
 * console.log(error.message) // contacts.search timed out after 5000ms
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const timeout = (
  options: Location & {
    /** The time-out, in milliseconds (default 30,000). */
    readonly durationMs?: number | undefined
    /** Which time-out fired (default `attempt`). */
    readonly kind?: TimeoutKind | undefined
    readonly attempts?: number | undefined
  }
): TimeoutError =>
  new TimeoutError({
    ...locate(options),
    durationMs: options.durationMs ?? 30_000,
    kind: options.kind ?? "attempt",
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {})
  }, true)

/**
 * An `InvalidInputError` (nothing was sent): by default at `$`, the whole
 * input.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.invalidInput({
 *   operation: "contacts.create",
 *   jsonPath: "$.email",
 *   issue: "Expected string, actual 42"
 * })
 * console.log(error.message) // contacts.create: invalid input at $.email: Expected string, actual 42
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const invalidInput = (options: {
  /** The SDK name or the descriptor. */
  readonly operation: string | OperationRef
  /** Where the first problem is (default `$`). */
  readonly jsonPath?: string | undefined
  /** What is wrong there (default `does not match the operation's input schema`). */
  readonly issue?: string | undefined
}): InvalidInputError =>
  new InvalidInputError({
    operation: typeof options.operation === "string" ? options.operation : options.operation.name,
    jsonPath: options.jsonPath ?? "$",
    issue: options.issue ?? "does not match the operation's input schema"
  }, true)

/**
 * A `ResponseDecodeError`. By default the one the client gives a 200 with an
 * empty body (`$`, `empty body: a JSON body was expected`); with
 * `mismatches`, `jsonPath`, `issue` and `mismatchCount` default to theirs.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const empty = IntercomError.responseDecode({ operation: "contacts.find" })
 * console.log(empty.message) // contacts.find returned a 200 body that could not be decoded at $: empty body: a JSON body was expected
 *
 * const mismatch = IntercomError.responseDecode({
 *   operation: "contacts.find",
 *   body: `{"type":"contact","id":1}`,
 *   mismatches: [{ jsonPath: "$.id", expected: "string", actual: "1", message: "Expected string, actual 1" }]
 * })
 * console.log(mismatch.jsonPath) // $.id
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const responseDecode = (
  options: Location & {
    /** The status of the response (default 200). */
    readonly status?: number | undefined
    readonly jsonPath?: string | undefined
    readonly issue?: string | undefined
    readonly mismatches?: ReadonlyArray<Mismatch> | undefined
    readonly mismatchCount?: number | undefined
    /** The raw body (default empty). */
    readonly body?: string | undefined
  }
): ResponseDecodeError => {
  const mismatches = options.mismatches ?? []
  const first = mismatches[0]
  return new ResponseDecodeError({
    ...locate(options),
    status: options.status ?? 200,
    jsonPath: options.jsonPath ?? first?.jsonPath ?? "$",
    issue: options.issue ?? first?.message ?? "empty body: a JSON body was expected",
    mismatches,
    mismatchCount: options.mismatchCount ?? mismatches.length,
    body: options.body ?? ""
  }, true)
}

const companiesScroll: OperationRef = { name: "companies.scroll", method: "GET", path: "/companies/scroll" }

/**
 * A `ScrollError` of `companies.scroll` (the default `operation`), with the
 * HTTP error Intercom answers for its `reason` as the `cause` unless one is
 * given: `Conflict` a 400 `scroll_exists`, `Expired` a 400
 * `parameter_invalid` on `scroll_param`, `Interrupted` a 500.
 *
 * @example
 * ```ts
 * import { IntercomError } from "@effect-intercom/client"
 *
 * const error = IntercomError.scroll({ reason: "Expired" })
 * console.log(error.message)
 * // companies.scroll: Intercom refused to continue the scroll (it expires after a minute without a request): companies.scroll (GET /companies/scroll) failed with 400 Bad Request: scroll_param is invalid or has expired (parameter_invalid, field: scroll_param)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const scroll = (options: {
  readonly reason: ScrollError["reason"]
  /** The SDK name or the descriptor (default `companies.scroll`, `GET /companies/scroll`). */
  readonly operation?: string | OperationRef | undefined
  /** The HTTP error Intercom answered with (default: one for the reason). */
  readonly cause?: unknown
}): ScrollError => {
  const operation = options.operation ?? companiesScroll
  const cause = "cause" in options
    ? options.cause
    : options.reason === "Conflict"
    ? badRequest({
      operation,
      errors: [{ code: "scroll_exists", message: "scroll already exists for this workspace" }]
    })
    : options.reason === "Expired"
    ? badRequest({
      operation,
      errors: [{ code: "parameter_invalid", message: "scroll_param is invalid or has expired", field: "scroll_param" }]
    })
    : serverError({ operation })
  return new ScrollError({
    reason: options.reason,
    operation: typeof operation === "string" ? operation : operation.name,
    cause
  }, true)
}
