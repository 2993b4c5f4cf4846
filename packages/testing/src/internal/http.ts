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
import * as Apis from "./apis.js"
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
  /** The later version (`2.16`) the request was served as. */
  version: string | undefined
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
 * An operation of another API than 2.14 (the Preview, a later version), served
 * by a stable route (same method, same path shape), by a route of its own
 * (a Preview-only route, whose `route.operation` is the Preview operation; an
 * example route of a later version), or by another API's route of its own on
 * the endpoint (a later version's method on a Preview-only route). Path
 * parameters are matched by position.
 */
export interface VariantRoute {
  /** The API a request asks for with its `Intercom-Version` header. */
  readonly api: Apis.Key
  readonly operation: Operation.Operation<any, any, any>
  readonly route: Route
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

const paramNames = new Map<string, ReadonlyArray<string>>()

/** The parameter names of a template, in order (computed once per template: the handler asks on every request). */
const templateParams = (template: string): ReadonlyArray<string> => {
  let names = paramNames.get(template)
  if (names === undefined) {
    names = Array.from(template.matchAll(/\{([^}]+)\}/g), (match) => match[1])
    paramNames.set(template, names)
  }
  return names
}

/** The router's parameters (named as in `template`) under the names of `operation`'s template, by position. */
const paramsOf = (
  template: string,
  routeParams: Readonly<Record<string, string | undefined>>,
  operation: Operation.Operation<any, any, any>
): Record<string, string> => {
  const values = templateParams(template).map((name) => routeParams[name])
  const out: Record<string, string> = {}
  templateParams(operation.path).forEach((name, i) => {
    const value = values[i]
    if (value !== undefined) out[name] = value
  })
  return out
}

/**
 * The handler of one registration (a method and path shape, registered at
 * `template`): the stable route, if any, and the operations of the other APIs
 * it also serves, told apart by the `Intercom-Version` header (`apis.ts`). A
 * request for an API the registration does not serve (a Preview-only endpoint
 * without `Intercom-Version: Unstable`, a 2.14 endpoint that a later version
 * dropped) gets the 404 of an unknown route.
 */
const handler = (
  store: Store,
  template: string,
  stable: Route | undefined,
  variants: ReadonlyMap<Apis.Key, VariantRoute>
) =>
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
    const api = Apis.requested(request.headers)
    const via = api === undefined ? undefined : variants.get(api)
    const def = via?.route ?? stable
    if (def === undefined || (api !== undefined && via === undefined)) {
      return finish(notFound(Apis.noRouteMessage(request.method, url.pathname, api)))
    }
    // the operation the request is for: validation, error statuses and the request log follow it
    const served = via === undefined ? def.operation : via.operation
    exchange.operation = served.name
    if (via !== undefined && via.api !== "unstable") exchange.version = via.api
    const pathParams = paramsOf(template, routeParams, def.operation)
    const servedParams = paramsOf(template, routeParams, served)
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
 * template, and there too the operations of the other APIs paired with them;
 * an endpoint of other APIs only (a Preview-only route, an example route of a
 * later version) at the template of its first operation. One registration per
 * method and path shape (it needs the `Exchange` of the request).
 */
export const router = (store: Store, routes: ReadonlyArray<Route>, variants: ReadonlyArray<VariantRoute>) => {
  interface Registration {
    readonly template: string
    readonly method: Operation.Operation<any, any, any>["method"]
    readonly stable: Route | undefined
    readonly variants: Map<Apis.Key, VariantRoute>
  }
  const registrations = new Map<string, Registration>()
  for (const def of routes) {
    const key = Preview.shapeKey(def.operation)
    if (registrations.has(key)) throw new Error(`FakeIntercom: two routes for ${key}`)
    registrations.set(key, {
      template: def.operation.path,
      method: def.operation.method,
      stable: def,
      variants: new Map()
    })
  }
  for (const variant of variants) {
    const key = Preview.shapeKey(variant.operation)
    let registration = registrations.get(key)
    if (registration === undefined) {
      registration = {
        template: variant.operation.path,
        method: variant.operation.method,
        stable: undefined,
        variants: new Map()
      }
      registrations.set(key, registration)
    }
    if (registration.variants.has(variant.api)) {
      throw new Error(`FakeIntercom: two routes for ${variant.api} ${key}`)
    }
    registration.variants.set(variant.api, variant)
  }
  return HttpRouter.fromIterable(
    Array.from(registrations.values(), (registration) =>
      HttpRouter.makeRoute(
        registration.method,
        routerPath(registration.template),
        handler(store, registration.template, registration.stable, registration.variants)
      ))
  )
}
