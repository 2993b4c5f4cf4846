/**
 * A mock `HttpClient` for tests: records every request and answers with a
 * web `Response` chosen by the test. No network.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

export interface RecordedRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
}

const decoder = new TextDecoder()

const bodyText = (request: HttpClientRequest.HttpClientRequest): string | undefined => {
  const body = request.body
  switch (body._tag) {
    case "Uint8Array":
      return decoder.decode(body.body)
    case "Raw":
      return typeof body.body === "string" ? body.body : String(body.body)
    case "Empty":
      return undefined
    default:
      return `<${body._tag} body>`
  }
}

export interface MockHttp {
  readonly requests: Array<RecordedRequest>
  readonly layer: Layer.Layer<HttpClient.HttpClient>
}

export const make = (respond: (request: RecordedRequest) => Response | Promise<Response>): MockHttp => {
  const requests: Array<RecordedRequest> = []
  const client = HttpClient.make((request, url) =>
    Effect.promise(async () => {
      const recorded: RecordedRequest = {
        method: request.method,
        url,
        headers: { ...request.headers },
        body: bodyText(request)
      }
      requests.push(recorded)
      return HttpClientResponse.fromWeb(request, await respond(recorded))
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers }
  })
