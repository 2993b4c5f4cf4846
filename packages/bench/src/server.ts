/**
 * The benchmark's mock Intercom, run in its own process on 127.0.0.1: every
 * body is precomputed, so the server costs next to nothing per request.
 *
 * - `GET /contacts/{id}`: one ~3 KB contact;
 * - `GET /contacts?per_page&starting_after`: cursor pages over `--items` contacts;
 * - `--rate-limit N`: an optional fixed window of N requests per second (aligned
 *   to whole seconds) with Intercom's headers `X-RateLimit-Limit`,
 *   `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds) on every
 *   response, and a 429 with Intercom's error body once the window is spent;
 * - `GET /__stats`: `{ requests, rateLimited }` since start or the last
 *   `POST /__reset` (bench control, never rate limited).
 *
 * The routes are the ones both `intercom-client` 7.0.3 and ours use
 * (`contacts/{id}`, `contacts?per_page&starting_after`).
 *
 * Prints `listening <port>` when ready.
 */
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { contact } from "./contact.js"

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const items = arg("items", 20_000)
const rateLimit = arg("rate-limit", 0)

const single = Buffer.from(JSON.stringify(contact(1)))
const pageCache = new Map<string, Buffer>()

const page = (perPage: number, cursor: number): Buffer => {
  const key = `${perPage}:${cursor}`
  let body = pageCache.get(key)
  if (body === undefined) {
    const data = Array.from({ length: Math.max(0, Math.min(perPage, items - cursor)) }, (_, i) => contact(cursor + i))
    const next = cursor + perPage
    body = Buffer.from(JSON.stringify({
      type: "list",
      data,
      total_count: items,
      pages: {
        type: "pages",
        page: Math.floor(cursor / perPage) + 1,
        per_page: perPage,
        total_pages: Math.ceil(items / perPage),
        ...(next < items ? { next: { per_page: perPage, starting_after: String(next) } } : {})
      }
    }))
    pageCache.set(key, body)
  }
  return body
}

const tooMany = Buffer.from(JSON.stringify({
  type: "error.list",
  request_id: "bench",
  errors: [{ code: "rate_limit_exceeded", message: "Exceeded rate limit" }]
}))

let requests = 0
let rateLimited = 0
let windowSecond = 0
let windowUsed = 0

/** The rate-limit headers of this request, or `undefined` when the window is spent. */
const admit = (): Record<string, string> | undefined => {
  const second = Math.floor(Date.now() / 1000)
  if (second !== windowSecond) {
    windowSecond = second
    windowUsed = 0
  }
  const headers = {
    "x-ratelimit-limit": String(rateLimit),
    "x-ratelimit-reset": String(second + 1)
  }
  if (windowUsed >= rateLimit) return undefined
  windowUsed++
  return { ...headers, "x-ratelimit-remaining": String(rateLimit - windowUsed) }
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1")
  request.resume()
  if (url.pathname === "/__stats") {
    response.writeHead(200, { "content-type": "application/json" })
    response.end(JSON.stringify({ requests, rateLimited }))
    return
  }
  if (url.pathname === "/__reset") {
    requests = 0
    rateLimited = 0
    response.writeHead(204)
    response.end()
    return
  }
  requests++
  if (rateLimit > 0) {
    const headers = admit()
    if (headers === undefined) {
      rateLimited++
      const second = Math.floor(Date.now() / 1000)
      response.writeHead(429, {
        "content-type": "application/json",
        "x-ratelimit-limit": String(rateLimit),
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(second + 1)
      })
      response.end(tooMany)
      return
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  }
  if (url.pathname === "/contacts") {
    const perPage = Number(url.searchParams.get("per_page") ?? 50)
    const cursor = Number(url.searchParams.get("starting_after") ?? 0)
    response.writeHead(200, { "content-type": "application/json" })
    response.end(page(perPage, cursor))
    return
  }
  if (url.pathname.startsWith("/contacts/")) {
    response.writeHead(200, { "content-type": "application/json" })
    response.end(single)
    return
  }
  response.writeHead(404, { "content-type": "application/json" })
  response.end(JSON.stringify({ type: "error.list", errors: [{ code: "not_found", message: "Not Found" }] }))
})

server.keepAliveTimeout = 60_000
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})
process.on("SIGTERM", () => server.close(() => process.exit(0)))
