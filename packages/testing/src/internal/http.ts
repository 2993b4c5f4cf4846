/**
 * The route kit of the fake: a route is an operation descriptor of the client
 * (`Contacts.findOperation`) plus a synchronous handler over the store. The
 * descriptor gives the HTTP method and path template (so the fake serves
 * exactly the paths the client calls), the input schema that validates JSON
 * bodies, and the success type the handler's answer is checked against at
 * compile time.
 */
import type * as Operation from "@effect-intercom/client/Operation"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Preview from "./preview.js"
import type { Store } from "./store.js"

export interface ErrorItem {
  readonly code: string
  readonly message: string
  readonly field?: string
}

export interface Failure {
  readonly _tag: "Failure"
  readonly status: number
  readonly errors: ReadonlyArray<ErrorItem>
}

export type Result<A> =
  | { readonly _tag: "Json"; readonly status: number; readonly body: A }
  | { readonly _tag: "Empty"; readonly status: number }
  | Raw
  | Failure

/**
 * A body that is not JSON (a `binary` download, a `text` file) or a
 * `redirect`: the bytes or text, its content type and extra headers.
 */
export interface Raw {
  readonly _tag: "Raw"
  readonly status: number
  readonly body: Uint8Array | string
  readonly contentType: string
  readonly headers: Readonly<Record<string, string>>
}

/** A download (`response: "binary"`). */
export const binary = (
  body: Uint8Array,
  options: { readonly contentType?: string; readonly filename?: string } = {}
): Result<never> => ({
  _tag: "Raw",
  status: 200,
  body,
  contentType: options.contentType ?? "application/octet-stream",
  headers: options.filename === undefined ? {} : { "content-disposition": `attachment; filename=${options.filename}` }
})

/** A text file (`response: "text"`). */
export const text = (body: string, options: { readonly filename?: string } = {}): Result<never> => ({
  _tag: "Raw",
  status: 200,
  body,
  contentType: "text/plain; charset=utf-8",
  headers: options.filename === undefined ? {} : { "content-disposition": `attachment; filename=${options.filename}` }
})

/** A redirect (`response: "redirect"`): 302 to `location`. */
export const redirect = (location: string): Result<never> => ({
  _tag: "Raw",
  status: 302,
  body: "",
  contentType: "text/plain; charset=utf-8",
  headers: { location }
})

export const json = <A>(body: A, status = 200): Result<A> => ({ _tag: "Json", status, body })

export const empty = (status = 200): Result<never> => ({ _tag: "Empty", status })

export const fail = (status: number, code: string, message: string, field?: string): Failure => ({
  _tag: "Failure",
  status,
  errors: [{ code, message, ...(field === undefined ? {} : { field }) }]
})

export const notFound = (message = "Resource Not Found", code = "not_found"): Failure => fail(404, code, message)

export const isFailure = (u: unknown): u is Failure =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "Failure"

/** Intercom's error body. */
export const errorBody = (requestId: string, errors: ReadonlyArray<ErrorItem>) => ({
  type: "error.list",
  request_id: requestId,
  errors
})

/** What the middleware and the route share about the request being served. */
export interface ExchangeInfo {
  readonly requestId: string
  operation: string | undefined
  body: unknown
}

export class Exchange extends Context.Tag("@effect-intercom/testing/internal/Exchange")<Exchange, ExchangeInfo>() {}

export interface RouteContext<I> {
  readonly store: Store
  /** Unix seconds, from the `Clock`. */
  readonly now: number
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /**
   * For operations with a JSON body: the path parameters and the body,
   * validated with the operation's input schema (unless the route opts out).
   * For the others: the path parameters and the query, as strings.
   */
  readonly input: I
  /** The parsed JSON body, as sent. */
  readonly body: unknown
  /** `scheme://host` of the request, for `next` links. */
  readonly origin: string
}

export interface Route {
  readonly operation: Operation.Operation<any, any, any>
  readonly handle: (context: RouteContext<any>) => Result<unknown>
  readonly validate: boolean
}

/**
 * How a stable route answers a Preview operation whose wire shapes differ from
 * the stable one's: the query the stable handler sees, and the Preview answer
 * made from the stable one.
 */
export interface PreviewAdapter {
  /** The query for the stable handler, from the Preview request's (a `Failure` answers instead). */
  readonly query?: ((query: URLSearchParams) => URLSearchParams | Failure) | undefined
  /** The JSON body for the stable handler, from the Preview request's (once it passed the Preview schema). */
  readonly body?: ((body: unknown) => unknown) | undefined
  /** The Preview answer, from the stable handler's. */
  readonly result?: ((result: Result<unknown>, context: RouteContext<unknown>) => Result<unknown>) | undefined
}

/**
 * A Preview operation served by a stable route (same method, same path shape),
 * or by a Preview-only route (`route.operation` is the Preview operation itself).
 */
export interface PreviewRoute {
  readonly operation: Operation.Operation<any, any, any>
  readonly route: Route
  /** The Preview name of each stable path parameter (`{ contact_id: "id" }`). */
  readonly params: Readonly<Record<string, string>>
  readonly adapter: PreviewAdapter
}

export const route = <I, A, E>(
  operation: Operation.Operation<I, A, E>,
  handle: (context: RouteContext<I>) => Result<A>,
  options?: { readonly validate?: boolean }
): Route => ({ operation, handle: handle as Route["handle"], validate: options?.validate ?? true })

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Validation failures answer 422 where the operation can answer one (every
 * operation with a body), 400 otherwise (bad path or query parameters).
 */
const validationStatus = (operation: Operation.Operation<any, any, any>): number =>
  operation.errors.includes(400) && !operation.errors.includes(422) ? 400 : 422

const validationFailure = (operation: Operation.Operation<any, any, any>, error: ParseResult.ParseIssue): Failure => {
  const issues = ParseResult.ArrayFormatter.formatIssueSync(error)
  const issue = issues[0]
  const field = issue === undefined ? undefined : issue.path.map(String).join(".")
  const status = validationStatus(operation)
  if (issue !== undefined && issue._tag === "Missing") {
    return fail(status, "parameter_not_found", `${field} is a required parameter.`, field)
  }
  const message = issue === undefined
    ? "Invalid parameters"
    : `${field === "" ? "The body" : field} is invalid: ${issue.message}`
  return fail(status, "parameter_invalid", message, field === "" ? undefined : field)
}

/** The first constant of `Operation.fill` a request leaves out (top-level and nested objects, not arrays). */
const missingConstant = (operation: Operation.Operation<any, any, any>, input: unknown): string | undefined => {
  for (const [path] of operation.fill ?? []) {
    if (path.includes("[]")) continue
    let node: unknown = input
    for (let i = 0; i < path.length && node !== undefined; i++) {
      const value = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[path[i]] : undefined
      if (value === undefined && i === path.length - 1) return path.join(".")
      node = value
    }
  }
  return undefined
}

const decoders = new WeakMap<object, (u: unknown) => Either.Either<unknown, ParseResult.ParseIssue>>()
const decoderOf = (operation: Operation.Operation<any, any, any>) => {
  let decode = decoders.get(operation)
  if (decode === undefined) {
    decode = ParseResult.decodeUnknownEither(operation.input, { errors: "first", onExcessProperty: "preserve" })
    decoders.set(operation, decode)
  }
  return decode
}

const routerPath = (template: string): HttpRouter.PathInput =>
  template.replace(/\{([^}]+)\}/g, ":$1") as HttpRouter.PathInput

export const respond = (requestId: string, result: Result<unknown>): HttpServerResponse.HttpServerResponse => {
  switch (result._tag) {
    case "Json":
      return HttpServerResponse.unsafeJson(result.body, { status: result.status })
    case "Empty":
      return HttpServerResponse.empty({ status: result.status })
    case "Raw":
      return typeof result.body === "string"
        ? HttpServerResponse.text(result.body, {
          status: result.status,
          contentType: result.contentType,
          headers: result.headers
        })
        : HttpServerResponse.uint8Array(result.body, {
          status: result.status,
          contentType: result.contentType,
          headers: result.headers
        })
    case "Failure":
      return HttpServerResponse.unsafeJson(errorBody(requestId, result.errors), { status: result.status })
  }
}

const mergeInput = (
  operation: Operation.Operation<any, any, any>,
  params: Record<string, string>,
  body: unknown
): Record<string, unknown> =>
  operation.body === "value"
    ? { ...params, ...(body === undefined ? {} : { body }) }
    : { ...(isRecord(body) ? body : {}), ...params }

/**
 * The handler of one registration: the stable route, and the Preview operation
 * it also serves (if any), told apart by the `Intercom-Version` header. A
 * Preview-only registration (no 2.14 endpoint) has no stable route: a request
 * without `Intercom-Version: Unstable` gets the 404 of an unknown 2.14 route.
 */
const handler = (store: Store, stable: Route | undefined, preview: PreviewRoute | undefined) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const routeParams = yield* HttpRouter.params
    const exchange = yield* Exchange
    const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    const host = request.headers["host"] ?? "fake.local"
    const origin = `http://${host}`
    const url = new URL(request.url, origin)
    const finish = (result: Result<unknown>) => {
      if (result._tag === "Json") exchange.body = result.body
      else if (result._tag === "Failure") exchange.body = errorBody(exchange.requestId, result.errors)
      return respond(exchange.requestId, result)
    }
    const isPreview = Preview.isPreviewRequest(request.headers)
    if (isPreview ? preview === undefined : stable === undefined) {
      return finish(notFound(Preview.noRouteMessage(request.method, url.pathname, isPreview)))
    }
    const via = isPreview ? preview : undefined
    const def = stable ?? preview!.route
    // the operation the request is for: validation, error statuses and the request log follow it
    const served = via === undefined ? def.operation : via.operation
    exchange.operation = served.name
    const pathParams: Record<string, string> = {}
    for (const [key, value] of Object.entries(routeParams)) if (value !== undefined) pathParams[key] = value
    let servedParams = pathParams
    if (via !== undefined) {
      servedParams = {}
      for (const [key, value] of Object.entries(pathParams)) servedParams[via.params[key] ?? key] = value
    }
    let query = url.searchParams
    if (via?.adapter.query !== undefined) {
      const adapted = via.adapter.query(new URLSearchParams(query))
      if (isFailure(adapted)) return finish(adapted)
      query = adapted
    }

    let body: unknown = undefined
    if (served.body !== "none" || def.operation.body !== "none") {
      const text = yield* Effect.orElseSucceed(request.text, () => "")
      if (text.trim() !== "") {
        try {
          body = JSON.parse(text)
        } catch {
          return finish(fail(400, "bad_request", "The request body is not valid JSON"))
        }
      }
    }
    if (served.body === "fields" && body !== undefined && !isRecord(body)) {
      return finish(fail(validationStatus(served), "parameter_invalid", "The request body must be a JSON object"))
    }
    if (served.body !== "none" && def.validate) {
      const decoded = decoderOf(served)(mergeInput(served, servedParams, body))
      if (Either.isLeft(decoded)) return finish(validationFailure(served, decoded.left))
      // The constants the client fills in are optional in its types, but Intercom requires them.
      const missing = missingConstant(served, decoded.right)
      if (missing !== undefined) {
        return finish(
          fail(validationStatus(served), "parameter_not_found", `${missing} is a required parameter.`, missing)
        )
      }
    }
    if (via?.adapter.body !== undefined && body !== undefined) body = via.adapter.body(body)
    // The generated schemas only check (no transformations): the input is the
    // merged object, with the stable parameter names the handler reads.
    const input = def.operation.body === "none"
      ? { ...Object.fromEntries(query), ...pathParams }
      : mergeInput(def.operation, pathParams, body)
    const context: RouteContext<unknown> = { store, now, params: pathParams, query, input, body, origin }
    const result = def.handle(context)
    return finish(via?.adapter.result === undefined ? result : via.adapter.result(result, context))
  })

/**
 * An `HttpRouter` serving the routes, each at its operation's method and path
 * template, and there too the Preview operations paired with them; the
 * Preview-only routes (a Preview route of its own, see `preview.ts`) at their
 * Preview templates (it needs the `Exchange` of the request).
 */
export const router = (store: Store, routes: ReadonlyArray<Route>, previews: ReadonlyArray<PreviewRoute>) => {
  const stable = new Set(routes)
  const previewOf = new Map(previews.map((preview) => [preview.route, preview]))
  return HttpRouter.fromIterable([
    ...routes.map((def) =>
      HttpRouter.makeRoute(
        def.operation.method,
        routerPath(def.operation.path),
        handler(store, def, previewOf.get(def))
      )
    ),
    ...previews.filter((preview) => !stable.has(preview.route)).map((preview) =>
      HttpRouter.makeRoute(
        preview.operation.method,
        routerPath(preview.operation.path),
        handler(store, undefined, preview)
      )
    )
  ])
}
