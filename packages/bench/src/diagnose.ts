/**
 * `pnpm --filter @effect-intercom/bench run diagnose`: S1 and S2 for raw fetch,
 * the Effect transport floor (`HttpClient` over undici + `JSON.parse`), ours
 * without retry and limiter, ours without the per-attempt time-out, and ours
 * by default, alternating in one process:
 * where our client's time goes, layer by layer. Prints a markdown table.
 */
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { buildWorkers } from "./bundles.js"
import type { VariantName } from "./clients.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const variants: ReadonlyArray<VariantName> = [
  "fetch",
  "effect HttpClient + JSON.parse",
  "effect-intercom (no retry, no limiter)",
  "effect-intercom (timeout: false)",
  "effect-intercom"
]
const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const main = async () => {
  const js = await buildWorkers(here, path.join(here, "..", ".out"))
  const server = spawn(process.execPath, [path.join(js, "server.mjs")], { stdio: ["ignore", "pipe", "inherit"] })
  const port = await new Promise<number>((resolve) =>
    server.stdout.on("data", (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString())
      if (m) resolve(Number(m[1]))
    })
  )
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [
        path.join(js, "worker-calls.mjs"),
        JSON.stringify({
          port,
          limitedPort: 0,
          warmup: 300,
          s1Batch: 200,
          s1Rounds: 8,
          s2Calls: 3000,
          s2Concurrency: 32,
          s2Rounds: 3,
          s4Calls: 0,
          s4Concurrency: 1,
          clients: variants,
          skip: ["s4"]
        })
      ], { stdio: ["ignore", "pipe", "inherit"] })
      let text = ""
      const timer = setTimeout(() => child.kill("SIGKILL"), 200_000)
      child.stdout.on("data", (d: Buffer) => (text += d))
      child.on("exit", (code) => {
        clearTimeout(timer)
        if (code === 0) resolve(text)
        else reject(new Error(`exited ${code}`))
      })
    })
    const r = JSON.parse(out.trim().split("\n").pop()!)
    const f = r.s1.fetch
    const fm = median(f.latencies), fc = median(f.cpuPerCallUs), fr = median(r.s2.fetch.rps)
    console.log("| variant | S1 median ms | vs fetch | S1 CPU µs/call | vs fetch | S2 req/s | vs fetch |")
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (const v of variants) {
      const m = median(r.s1[v].latencies), c = median(r.s1[v].cpuPerCallUs), s = median(r.s2[v].rps)
      console.log(
        `| ${v} | ${m.toFixed(3)} | ${(m / fm).toFixed(2)}x | ${c.toFixed(0)} | ${(c / fc).toFixed(2)}x | ${
          s.toFixed(0)
        } | ${(s / fr).toFixed(2)}x |`
      )
    }
  } finally {
    server.kill("SIGTERM")
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
