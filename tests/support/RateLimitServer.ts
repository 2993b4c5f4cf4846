/**
 * A loopback HTTP server (127.0.0.1, random port) that enforces a fixed
 * rate-limit window the way Intercom reports it: `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining`, `X-RateLimit-Reset` (Unix seconds) on every
 * response, 429 with Intercom's error body when the window is spent. It
 * answers every other request with a ~3 KB contact. Closed with its scope.
 */
import * as Effect from "effect/Effect"
import * as http from "node:http"
import type { AddressInfo } from "node:net"

export interface Options {
  readonly limit: number
  readonly windowMillis: number
}

export interface Stats {
  served: number
  rejected: number
}

export const contactBody = (id: string): string =>
  JSON.stringify({
    type: "contact",
    id,
    workspace_id: "ecahpwf5",
    external_id: `ext-${id}`,
    role: "user",
    email: `${id}@example.com`,
    name: "Joe Example",
    custom_attributes: { plan: "pro", seats: 12, notes: "x".repeat(1800) },
    tags: { type: "list", data: [], url: `/contacts/${id}/tags`, total_count: 0, has_more: false },
    created_at: 1571672154,
    updated_at: 1571672158
  })

export const start = (options: Options) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly stats: Stats; readonly server: http.Server }>((resume) => {
      const stats: Stats = { served: 0, rejected: 0 }
      let window = -1
      let count = 0
      const server = http.createServer((request, response) => {
        const now = Date.now()
        const current = Math.floor(now / options.windowMillis)
        if (current !== window) {
          window = current
          count = 0
        }
        count++
        const reset = Math.ceil(((current + 1) * options.windowMillis) / 1000)
        const remaining = Math.max(0, options.limit - count)
        const headers = {
          "content-type": "application/json",
          "x-ratelimit-limit": String(options.limit),
          "x-ratelimit-remaining": String(remaining),
          "x-ratelimit-reset": String(reset)
        }
        request.resume()
        if (count > options.limit) {
          stats.rejected++
          response.writeHead(429, headers)
          response.end(JSON.stringify({
            type: "error.list",
            request_id: `r${now}`,
            errors: [{ code: "rate_limit_exceeded", message: "Rate Limit Exceeded" }]
          }))
          return
        }
        stats.served++
        response.writeHead(200, headers)
        response.end(contactBody(request.url?.split("/").pop() ?? "c"))
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ url: `http://127.0.0.1:${port}`, stats, server }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )
