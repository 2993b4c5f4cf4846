/**
 * The runtime against a real HTTP server on localhost, through
 * `FetchHttpClient`: checks what a mock cannot (redirects are not followed,
 * bodies stream, headers reach the server).
 */
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Operation from "@effect-intercom/client/Operation"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import { callRecording, download, findContact, TOKEN, token, updateContact } from "./_mock.js"

let server: Server
let baseUrl = ""
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => body += chunk)
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body })
      const url = req.url!
      if (url.startsWith("/calls/")) {
        res.writeHead(302, { location: "https://recordings.example.com/r.mp3?sig=1" })
        res.end()
      } else if (url.startsWith("/download/")) {
        res.writeHead(200, { "content-type": "application/octet-stream" })
        res.write(Buffer.from([1, 2, 3]))
        setTimeout(() => res.end(Buffer.from([4])), 10)
      } else if (url.startsWith("/contacts/missing")) {
        res.writeHead(404, { "content-type": "application/json" })
        res.end(JSON.stringify({
          type: "error.list",
          request_id: "rid",
          errors: [{ code: "not_found", message: "Contact Not Found" }]
        }))
      } else {
        res.writeHead(200, { "content-type": "application/json", "x-ratelimit-remaining": "99" })
        res.end(JSON.stringify({ type: "contact", id: "1", extra: true }))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("no port")
  baseUrl = `http://127.0.0.1:${address.port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const layer = () => IntercomClient.layer({ token, baseUrl }).pipe(Layer.provide(FetchHttpClient.layer))

describe("through FetchHttpClient", () => {
  it.live("JSON round trip, headers and body reach the server", () =>
    Effect.gen(function*() {
      const { response, value } = yield* IntercomClient.withResponse(
        Operation.execute(updateContact, { contact_id: "a b", email: "x@y.z", notify: true })
      )
      assert.deepStrictEqual(value as unknown, { type: "contact", id: "1", extra: true })
      assert.strictEqual(response.headers["x-ratelimit-remaining"], "99")
      const last = seen[seen.length - 1]
      assert.strictEqual(last.method, "PUT")
      assert.strictEqual(last.url, "/contacts/a%20b?notify=true")
      assert.strictEqual(last.headers["authorization"], `Bearer ${TOKEN}`)
      assert.strictEqual(last.headers["intercom-version"], "2.14")
      assert.strictEqual(last.headers["content-type"], "application/json")
      assert.deepStrictEqual(JSON.parse(last.body), { email: "x@y.z" })
    }).pipe(Effect.provide(layer())))

  it.live("a 404 is a NotFoundError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Operation.execute(findContact, { contact_id: "missing" }))
      assert(error._tag === "NotFoundError")
      assert.strictEqual(error.requestId, "rid")
    }).pipe(Effect.provide(layer())))

  it.live("a 302 is not followed", () =>
    Effect.gen(function*() {
      const before = seen.length
      const url = yield* Operation.execute(callRecording, { call_id: "c1" })
      assert.strictEqual(url, "https://recordings.example.com/r.mp3?sig=1")
      assert.strictEqual(seen.length, before + 1)
    }).pipe(Effect.provide(layer())))

  it.live("a binary body streams", () =>
    Effect.gen(function*() {
      const stream = yield* Operation.execute(download, { job_identifier: "j" })
      const bytes = yield* Stream.runFold(stream, [] as Array<number>, (acc, chunk) => [...acc, ...chunk])
      assert.deepStrictEqual(bytes, [1, 2, 3, 4])
    }).pipe(Effect.provide(layer())))
})
