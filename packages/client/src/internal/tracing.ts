/**
 * The spans of a call: the operation's span (its name, options and
 * attributes, and whether a tracer that records anything is installed), and
 * the HTTP span of each attempt, which replaces the `HttpClient`'s own. The
 * events and last attributes of the operation's span come from `observe.ts`.
 *
 * Why replace it: the platform's span ends with the exit of the transport, and
 * a transport error holds the request, `Authorization` header and all. Its
 * redaction (`Headers.currentRedactedNames`) only applies while a fiber runs,
 * so an exporter that serialises the exit later (`JSON.stringify`,
 * `util.inspect`, `String`) prints the token; a successful exit holds the
 * response, whose request holds it too. Ours records the same attributes and
 * ends with an exit that holds neither: the redacted error, or nothing.
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import { constTrue } from "effect/Function"
import type * as Tracer from "effect/Tracer"
import type { Operation } from "../Operation.js"
import { redactError } from "./redact.js"

let nativeTracer: Tracer.Tracer | undefined
/** Effect's default tracer, which records nothing anyone reads unless a tracer is installed. */
/** @internal */
export const defaultTracer = (): Tracer.Tracer => (nativeTracer ??= Effect.runSync(Effect.tracer))

const spanNames = new WeakMap<Operation<any, any, any>, string>()
/** @internal */
export const spanName = (op: Operation<any, any, any>): string => {
  let name = spanNames.get(op)
  if (name === undefined) {
    name = `Intercom.${op.name}`
    spanNames.set(op, name)
  }
  return name
}

/** @internal */
export const spanAttributes = (op: Operation<any, any, any>): Record<string, unknown> => ({
  "intercom.operation": op.name,
  ...(op.operationId !== undefined ? { "intercom.operation_id": op.operationId } : {}),
  "intercom.api": op.api,
  "http.request.method": op.method,
  "http.route": op.path
})

const operationSpanOptions = new WeakMap<Operation<any, any, any>, Tracer.SpanOptions>()
/**
 * The operation span's options (kind, attributes), made once per operation.
 *
 * @internal
 */
export const operationSpanOptionsFor = (op: Operation<any, any, any>): Tracer.SpanOptions => {
  let options = operationSpanOptions.get(op)
  if (options === undefined) {
    options = { kind: "client", captureStackTrace: false, attributes: spanAttributes(op) }
    operationSpanOptions.set(op, options)
  }
  return options
}

/**
 * Run the HTTP client's spans off for the calls of an effect: each attempt
 * gets ours (`tracedExecute`) instead.
 *
 * @internal
 */
export const withoutClientSpans = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.locally(effect, HttpClient.currentTracerDisabledWhen, constTrue)

const spanOptions = { kind: "client", captureStackTrace: false } as const

const headerAttributes = (
  span: Tracer.Span,
  prefix: string,
  headers: Headers.Headers,
  names: ReadonlyArray<string | RegExp>
): void => {
  const redacted = Headers.redact(headers, names)
  for (const name in redacted) {
    // the token is redacted whatever `Headers.currentRedactedNames` says
    span.attribute(prefix + name, name === "authorization" ? "<redacted>" : String(redacted[name]))
  }
}

/**
 * Send one request in an HTTP span like the platform's (`http.client GET`,
 * the OpenTelemetry HTTP client attributes, headers redacted), with the
 * trace context in the request when `propagate`. The span's exit is the
 * redacted error, or `void`: never the request.
 *
 * @internal
 */
export const tracedExecute = (
  httpClient: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  propagate: boolean
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> => {
  let response: HttpClientResponse.HttpClientResponse | undefined
  const inSpan = Effect.useSpan(
    `http.client ${request.method}`,
    spanOptions,
    (span) =>
      Effect.withFiberRuntime<void, HttpClientError.HttpClientError>((fiber) => {
        const names = fiber.getFiberRef(Headers.currentRedactedNames)
        span.attribute("http.request.method", request.method)
        const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
        if (url._tag === "Right") {
          span.attribute("server.address", url.right.origin)
          if (url.right.port !== "") span.attribute("server.port", +url.right.port)
          span.attribute("url.full", url.right.toString())
          span.attribute("url.path", url.right.pathname)
          span.attribute("url.scheme", url.right.protocol.slice(0, -1))
          const query = url.right.search.slice(1)
          if (query !== "") span.attribute("url.query", query)
        }
        headerAttributes(span, "http.request.header.", request.headers, names)
        const sent = propagate ? HttpClientRequest.setHeaders(request, HttpTraceContext.toHeaders(span)) : request
        return Effect.matchEffect(httpClient.execute(sent), {
          onFailure: (error) => Effect.fail(redactError(error)),
          onSuccess: (r) => {
            response = r
            span.attribute("http.response.status_code", r.status)
            headerAttributes(span, "http.response.header.", r.headers, names)
            return Effect.void
          }
        })
      })
  )
  return Effect.map(inSpan, () => response!)
}
