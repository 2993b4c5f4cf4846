/**
 * `pnpm bench:memory`: memory of a streamed listing as it grows. For each size
 * (2,000, 20,000 and 60,000 contacts of ~3 KB, 150 per page), a fresh mock
 * server process and a fresh client process; the client streams every item
 * and reports its live heap (sampled after a GC every page), peak RSS, CPU and
 * wall time. A flat heap across sizes means one page (plus the read-ahead) in
 * memory, whatever the total.
 */
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))

const startServer = (items: number) =>
  new Promise<{ port: number; stop: () => void }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "server.ts"), "--items", String(items)], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    child.stdout.on("data", (data: Buffer) => {
      const match = /listening (\d+)/.exec(data.toString())
      if (match) resolve({ port: Number(match[1]), stop: () => child.kill("SIGTERM") })
    })
    child.on("error", reject)
  })

const runClient = (port: number) =>
  new Promise<Record<string, number>>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", path.join(here, "stream-client.ts"), String(port)],
      { stdio: ["ignore", "pipe", "inherit"] }
    )
    let out = ""
    child.stdout.on("data", (data: Buffer) => (out += data))
    child.on(
      "exit",
      (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`client exited ${code}`)))
    )
  })

const main = async () => {
  const rows: Array<Record<string, number>> = []
  for (const items of [2_000, 20_000, 60_000]) {
    const server = await startServer(items)
    try {
      // warm the server's page cache, then measure
      await runClient(server.port)
      rows.push(await runClient(server.port))
    } finally {
      server.stop()
    }
  }
  console.log("| items | pages | wall ms | CPU ms | heap at start MB | peak live heap MB | peak RSS MB |")
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
  for (const r of rows) {
    console.log(
      `| ${r.items} | ${r.pages} | ${r.wallMs} | ${r.cpuMs} | ${r.heapAtStartMB} | ${r.peakHeapMB} | ${r.peakRssMB} |`
    )
  }
}

main()
