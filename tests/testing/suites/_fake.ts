/**
 * Helpers for the tests of the fake Intercom: the client wired to an
 * in-process fake (retries and the client-side rate limiter off, so each test
 * sees exactly what the fake answers), and raw requests to the fake's web
 * handler for what the client would refuse to send.
 */
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as Effect from "effect/Effect"

export const TOKEN = "fake-test-token"

export const layer = (options: FakeIntercom.Options = {}) =>
  FakeIntercom.layerIntercom({
    seed: FakeIntercom.smallSeed,
    token: TOKEN,
    ...options,
    clientOptions: { retry: false, rateLimiter: false }
  })

export interface RawResponse {
  readonly status: number
  readonly headers: Headers
  readonly json: any
}

/** One request to the fake, without the client: the body is sent as given (a string as is). */
export const raw = (
  method: string,
  path: string,
  options: { readonly body?: unknown; readonly token?: string | null; readonly version?: string } = {}
): Effect.Effect<RawResponse, never, FakeIntercom.FakeIntercom> =>
  Effect.gen(function*() {
    const fake = yield* FakeIntercom.FakeIntercom
    const token = options.token === undefined ? TOKEN : options.token
    const headers: Record<string, string> = { accept: "application/json" }
    if (token !== null) headers.authorization = `Bearer ${token}`
    if (options.version !== undefined) headers["intercom-version"] = options.version
    let body: string | undefined
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body)
      headers["content-type"] = "application/json"
    }
    const response = yield* Effect.promise(() =>
      fake.handler(
        new Request(`http://fake.local${path}`, { method, headers, ...(body === undefined ? {} : { body }) })
      )
    )
    const text = yield* Effect.promise(() => response.text())
    return { status: response.status, headers: response.headers, json: text === "" ? undefined : JSON.parse(text) }
  })

/** The Intercom error shape, checked. */
export const isErrorList = (json: any, code?: string): boolean =>
  json?.type === "error.list" &&
  typeof json.request_id === "string" && json.request_id.length > 0 &&
  Array.isArray(json.errors) && json.errors.length > 0 &&
  typeof json.errors[0].message === "string" &&
  (code === undefined || json.errors[0].code === code)
