/**
 * A throw-away `redis-server` on 127.0.0.1 for tests (Debian's package:
 * `.ci/run` installs it). `available` says whether the binary is there.
 */
import * as Effect from "effect/Effect"
import { spawn, spawnSync } from "node:child_process"
import * as net from "node:net"

export const available = (): boolean => spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0

const ping = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.write("PING\r\n")
    })
    socket.once("data", (data) => {
      socket.destroy()
      resolve(data.toString().startsWith("+PONG"))
    })
    socket.once("error", () => resolve(false))
  })

/** Start a server on a free port; stopped with the scope. */
export const start = Effect.acquireRelease(
  Effect.promise(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000)
    const child = spawn("redis-server", [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no"
    ], {
      stdio: "ignore"
    })
    for (let i = 0; i < 100; i++) {
      if (await ping(port)) return { port, child }
      await new Promise((r) => setTimeout(r, 50))
    }
    child.kill("SIGKILL")
    throw new Error("redis-server did not start")
  }),
  ({ child }) => Effect.sync(() => child.kill("SIGTERM"))
)
