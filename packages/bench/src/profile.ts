/**
 * `pnpm --filter @effect-intercom/bench run profile [client] [s1|s2|s3]`: runs
 * one scenario for one client (default: ours, S2) under `node --cpu-prof`
 * against the mock server, then prints the top functions by self time and the
 * self time by module, and our client's functions by inclusive time. Profiles
 * are left in `.out/prof/`; `tsx src/profile.ts <file.cpuprofile>` summarises
 * an existing one.
 */
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { buildWorkers } from "./bundles.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const workDir = path.join(here, "..", ".out")
const profDir = path.join(workDir, "prof")
const client = process.argv[2] ?? "effect-intercom"
const scenario = process.argv[3] ?? "s2"

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: Array<number>
}
interface Profile {
  nodes: Array<ProfileNode>
  samples: Array<number>
  timeDeltas: Array<number>
}

const run = (args: ReadonlyArray<string>) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] })
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`exited ${code}`))
    })
  })

const where = (url: string) => {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(?:dist\/(?:esm|cjs)\/)?(.*)$/.exec(
    url
  )
  if (m) return `${m[1]}/${m[2]}`
  if (url.startsWith("node:")) return url
  if (url.includes("/.out/js/")) return "bench/" + path.basename(url)
  return url === "" ? "(native)" : url
}

export const summarise = (file: string, top = 25) => {
  const profile: Profile = JSON.parse(fs.readFileSync(file, "utf8"))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    self.set(id, (self.get(id) ?? 0) + dt)
    total += dt
  })
  const byFunction = new Map<string, number>()
  const byModule = new Map<string, number>()
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const key = `${functionName || "(anonymous)"}  ${where(url)}:${lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    const mod = where(url)
    byModule.set(mod, (byModule.get(mod) ?? 0) + us)
  }
  const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5) + " %"
  const lines = [`total sampled: ${(total / 1000).toFixed(0)} ms`, "", "top functions by self time:"]
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(v)}  ${k}`)
  // inclusive time of the frames of our client's bundle (each sample counted once per function)
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const { functionName, url, lineNumber } = byId.get(node)!.callFrame
      if (!url.includes("client-effect")) continue
      const key = `${functionName || "(anonymous)"}  ${where(url)}:${lineNumber + 1}`
      if (!seen.has(key)) {
        seen.add(key)
        inclusive.set(key, (inclusive.get(key) ?? 0) + dt)
      }
    }
  })
  if (inclusive.size > 0) {
    lines.push("", "our client's functions by inclusive time:")
    for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(v)}  ${k}`)
  }
  lines.push("", "self time by module:")
  for (const [k, v] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(v)}  ${k}`)
  return lines.join("\n")
}

const startServer = (js: string) =>
  new Promise<{ port: number; stop: () => void }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(js, "server.mjs"), "--items", "20000"], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    child.stdout.on("data", (data: Buffer) => {
      const match = /listening (\d+)/.exec(data.toString())
      if (match) resolve({ port: Number(match[1]), stop: () => child.kill("SIGTERM") })
    })
    child.on("error", reject)
  })

const main = async () => {
  const js = await buildWorkers(here, workDir)
  fs.rmSync(profDir, { recursive: true, force: true })
  fs.mkdirSync(profDir, { recursive: true })
  const server = await startServer(js)
  try {
    const prof = ["--cpu-prof", "--cpu-prof-dir", profDir]
    if (scenario === "s3") {
      await run([path.join(js, "worker-list.mjs"), "fetch", String(server.port), "20000"]) // fill the page cache
      await run([...prof, path.join(js, "worker-list.mjs"), client, String(server.port), "20000"])
    } else {
      await run([
        ...prof,
        path.join(js, "worker-calls.mjs"),
        JSON.stringify({
          port: server.port,
          limitedPort: 0,
          warmup: 300,
          s1Batch: 2000,
          s1Rounds: scenario === "s1" ? 1 : 0,
          s2Calls: 5000,
          s2Concurrency: 32,
          s2Rounds: scenario === "s2" ? 2 : 0,
          s4Calls: 0,
          s4Concurrency: 1,
          only: client,
          skip: ["s4"]
        })
      ])
    }
  } finally {
    server.stop()
  }
  const file = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"))!
  console.log(`${client} ${scenario}: ${path.join(profDir, file)}\n`)
  console.log(summarise(path.join(profDir, file)))
}

if (process.argv[2]?.endsWith(".cpuprofile")) console.log(summarise(process.argv[2]))
else {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
