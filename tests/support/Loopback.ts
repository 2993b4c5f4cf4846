/**
 * Loopback servers for fault tests: a `node:http` server on 127.0.0.1 (random
 * port) whose handler the test writes, or a raw `node:net` server that gets
 * the socket itself (to accept and never answer, or to reset). Each counts
 * what it received and is closed with its scope: every socket destroyed, the
 * listener closed.
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as net from "node:net"

export interface Server {
  readonly url: string
  /** HTTP requests received (for `http`), connections accepted (for `tcp`). */
  readonly count: () => number
  /** Resolves when `count()` reaches `n` (bounded by the caller's time-out). */
  readonly awaitCount: (n: number) => Effect.Effect<void>
  /** Connections open now. */
  readonly open: () => number
  /** Polls (every 10 ms, at most `maxMillis`) until no connection is open; whether none is. */
  readonly awaitClosed: (maxMillis: number) => Effect.Effect<boolean>
}

const make = <S extends net.Server>(
  create: (onEvent: () => void, sockets: Set<net.Socket>) => S
) =>
  Effect.acquireRelease(
    Effect.async<Server & { readonly server: S; readonly sockets: Set<net.Socket> }>((resume) => {
      let n = 0
      const waiters: Array<{ readonly n: number; readonly done: () => void }> = []
      const sockets = new Set<net.Socket>()
      const server = create(() => {
        n++
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (n >= waiters[i].n) {
            waiters[i].done()
            waiters.splice(i, 1)
          }
        }
      }, sockets)
      server.on("connection", (socket: net.Socket) => {
        sockets.add(socket)
        socket.on("close", () => sockets.delete(socket))
        socket.on("error", () => {})
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({
          url: `http://127.0.0.1:${port}`,
          server,
          sockets,
          count: () => n,
          open: () => sockets.size,
          awaitClosed: (maxMillis) =>
            Effect.promise(async () => {
              for (let waited = 0; sockets.size > 0 && waited < maxMillis; waited += 10) {
                await new Promise((resolve) => setTimeout(resolve, 10))
              }
              return sockets.size === 0
            }),
          awaitCount: (target) =>
            Effect.flatMap(Deferred.make<void>(), (deferred) => {
              if (n >= target) return Effect.void
              waiters.push({ n: target, done: () => Deferred.unsafeDone(deferred, Effect.void) })
              return Deferred.await(deferred)
            })
        }))
      })
    }),
    ({ server, sockets }) =>
      Effect.async<void>((resume) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resume(Effect.void))
      })
  )

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, index: number) => void

/** An HTTP server; `handler` gets each request and its index (0, 1, …). */
export const http_ = (handler: Handler) => {
  let index = 0
  return make((onEvent) =>
    http.createServer((request, response) => {
      onEvent()
      request.on("error", () => {})
      response.on("error", () => {})
      handler(request, response, index++)
    })
  )
}
export { http_ as http }

/** A TCP server; `onSocket` gets each accepted socket and its index. */
export const tcp = (onSocket: (socket: net.Socket, index: number) => void) => {
  let index = 0
  return make((onEvent) =>
    net.createServer((socket) => {
      onEvent()
      onSocket(socket, index++)
    })
  )
}

/** A server that accepts connections and never answers (reads and drops what it is sent). */
export const silent = tcp((socket) => socket.resume())

/** A server that resets every connection as soon as it has read something. */
export const reset = tcp((socket) => {
  socket.once("data", () => socket.resetAndDestroy())
})
