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

const formatHttpMessage = (self: HttpErrorProps, extra: string): string => {
  const statusText = statusTexts[self.status]
  let out = `${self.operation} (${self.method} ${self.path}) failed with ${self.status}`
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
    const head =
      `${this.operation} (${this.method} ${this.path}) returned a ${this.status} body that could not be decoded`
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
    return `${this.operation} (${this.method} ${this.path}) ${what}${
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
