/**
 * An `HttpClient` that answers from a web handler in the same process: the
 * request becomes a web `Request`, the handler's `Response` becomes the
 * client response. No socket, no port, the same bytes as over the network.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { DROP_HEADER } from "./app.js"

const concat = (chunks: Chunk.Chunk<Uint8Array>): Uint8Array => {
  let length = 0
  for (const chunk of chunks) length += chunk.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

const bodyOf = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<BodyInit | undefined, HttpClientError.RequestError> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed(undefined)
    case "Uint8Array":
      return Effect.succeed(body.body as BodyInit)
    case "Raw":
      return Effect.succeed(body.body as BodyInit)
    case "FormData":
      return Effect.succeed(body.formData)
    case "Stream":
      return Stream.runCollect(body.stream).pipe(
        Effect.map((chunks) => concat(chunks) as BodyInit),
        Effect.mapError((cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause }))
      )
  }
}

export const make = (handler: (request: Request) => Promise<Response>): HttpClient.HttpClient =>
  HttpClient.make((request, url, signal) =>
    Effect.gen(function*() {
      const body = yield* bodyOf(request)
      const headers = new Headers(request.headers)
      if (body !== undefined && !headers.has("content-type") && request.body._tag !== "FormData") {
        const contentType = request.body.contentType
        if (contentType !== undefined) headers.set("content-type", contentType)
      }
      const response = yield* Effect.tryPromise({
        try: () => handler(new Request(url, { method: request.method, headers, body: body ?? null, signal })),
        catch: (cause) => new HttpClientError.RequestError({ request, reason: "Transport", cause })
      })
      if (response.headers.has(DROP_HEADER)) {
        return yield* new HttpClientError.RequestError({
          request,
          reason: "Transport",
          description: "the connection was dropped (a fault injected by the fake Intercom)"
        })
      }
      return HttpClientResponse.fromWeb(request, response)
    })
  )
