/**
 * The mock `HttpClient` of the test suite: records every request and answers
 * with a web `Response` chosen by the test. No network.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"

export interface RecordedRequest {
  readonly request: HttpClientRequest.HttpClientRequest
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
  /** The context of the fiber that sent it (to check what a layer or combinator provided). */
  readonly context: Context.Context<never>
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response> | Effect.Effect<Response>

const decoder = new TextDecoder()

export const bodyText = (request: HttpClientRequest.HttpClientRequest): string | undefined => {
  const body = request.body
  switch (body._tag) {
    case "Uint8Array":
      return decoder.decode(body.body)
    case "Raw":
      return String(body.body)
    default:
      return undefined
  }
}

export interface MockHttp {
  readonly requests: Array<RecordedRequest>
  readonly client: HttpClient.HttpClient
  readonly layer: Layer.Layer<HttpClient.HttpClient>
}

export const make = (respond: Responder): MockHttp => {
  const requests: Array<RecordedRequest> = []
  const client = HttpClient.make((request, url, _signal, fiber) => {
    const recorded: RecordedRequest = {
      request,
      method: request.method,
      url,
      headers: { ...request.headers },
      body: bodyText(request),
      context: fiber.getFiberRef(FiberRef.currentContext)
    }
    requests.push(recorded)
    const answer = respond(recorded)
    const response = Effect.isEffect(answer)
      ? answer
      : answer instanceof Promise
      ? Effect.promise(() => answer)
      : Effect.succeed(answer)
    return Effect.map(response, (response) => HttpClientResponse.fromWeb(request, response))
  })
  return { requests, client, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers }
  })
