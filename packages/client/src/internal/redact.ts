/**
 * Keeping the token out of errors that leave the client.
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"

// Platform errors keep the request, and `request.toJSON()` only redacts headers
// inside a fiber: outside one, `JSON.stringify(error)` would print the token.
// Errors leaving the client carry a copy of the request without it (and a
// response rebuilt on that copy).
const redacted = "<redacted>"

const redactRequest = (request: HttpClientRequest.HttpClientRequest): HttpClientRequest.HttpClientRequest => {
  const value = request.headers["authorization"]
  return value === undefined || value === redacted
    ? request
    : HttpClientRequest.setHeader(request, "authorization", redacted)
}

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
  if (
    request === error.request &&
    (error._tag === "RequestError" || redactRequest(error.response.request) === error.response.request)
  ) return error
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
