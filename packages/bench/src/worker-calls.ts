/**
 * S1, S2 and S4 in one process holding the three clients, alternating them
 * round-robin per batch (the order rotates every round), after a warm-up.
 * Prints one JSON object. Timing and CPU are measured here, after imports.
 *
 * `node worker-calls.mjs <json>` with `{ port, limitedPort, s1Batch, s1Rounds,
 * s2Calls, s2Concurrency, s2Rounds, s4Calls, s4Concurrency, only }`.
 */
import { type Client, clientNames, makeClient, type VariantName } from "./clients.js"

interface Args {
  readonly port: number
  readonly limitedPort: number
  readonly warmup: number
  readonly s1Batch: number
  readonly s1Rounds: number
  readonly s2Calls: number
  readonly s2Concurrency: number
  readonly s2Rounds: number
  readonly s4Calls: number
  readonly s4Concurrency: number
  readonly only?: VariantName
  readonly clients?: ReadonlyArray<VariantName>
  readonly skip?: ReadonlyArray<"s1" | "s2" | "s4">
}

const args: Args = JSON.parse(process.argv[2]!)
const names: ReadonlyArray<VariantName> = args.clients ?? (args.only ? [args.only] : clientNames)
const base = `http://127.0.0.1:${args.port}`
const deadline = Date.now() + 200_000

const rotate = <A>(xs: ReadonlyArray<A>, k: number) => xs.map((_, i) => xs[(i + k) % xs.length]!)
const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start)
  return (d.user + d.system) / 1000
}

const main = async () => {
  const clients = new Map<VariantName, Client>()
  for (const name of names) clients.set(name, await makeClient(name, base))
  const skip = new Set(args.skip ?? [])

  // warm-up: JIT, connection pools, the descriptor caches
  for (const client of clients.values()) {
    await client.sequential(args.warmup)
    await client.concurrent(args.warmup, args.s2Concurrency)
  }

  const s1: Record<string, { latencies: Array<number>; cpuPerCallUs: Array<number> }> = {}
  const s2: Record<string, { rps: Array<number>; failed: number }> = {}
  for (const name of names) {
    s1[name] = { latencies: [], cpuPerCallUs: [] }
    s2[name] = { rps: [], failed: 0 }
  }

  // S1: sequential finds, batches alternating
  for (let round = 0; round < args.s1Rounds && !skip.has("s1") && Date.now() < deadline; round++) {
    for (const name of rotate(names, round)) {
      const cpu = process.cpuUsage()
      const latencies = await clients.get(name)!.sequential(args.s1Batch)
      s1[name]!.cpuPerCallUs.push((cpuMs(cpu) * 1000) / args.s1Batch)
      for (const l of latencies) s1[name]!.latencies.push(l)
    }
  }

  // S2: concurrent finds, one batch per client per round
  for (let round = 0; round < args.s2Rounds && !skip.has("s2") && Date.now() < deadline; round++) {
    for (const name of rotate(names, round)) {
      const t = performance.now()
      const failed = await clients.get(name)!.concurrent(args.s2Calls, args.s2Concurrency)
      const seconds = (performance.now() - t) / 1000
      s2[name]!.rps.push(args.s2Calls / seconds)
      s2[name]!.failed += failed
    }
  }
  for (const client of clients.values()) await client.close()

  // S4: against the rate-limited server, a fresh client each (fresh limiter state),
  // each started at the beginning of a fresh one-second window
  const s4: Record<string, { failed: number; rateLimited: number; requests: number; wallMs: number }> = {}
  if (!skip.has("s4")) {
    const limited = `http://127.0.0.1:${args.limitedPort}`
    for (const name of names.filter((n) => (clientNames as ReadonlyArray<string>).includes(n))) {
      const client = await makeClient(name, limited)
      await new Promise((r) => setTimeout(r, 1_100 - (Date.now() % 1000)))
      await fetch(`${limited}/__reset`, { method: "POST" })
      const t = performance.now()
      const failed = await client.concurrent(args.s4Calls, args.s4Concurrency)
      const wallMs = performance.now() - t
      const stats = await (await fetch(`${limited}/__stats`)).json() as { requests: number; rateLimited: number }
      s4[name] = { failed, rateLimited: stats.rateLimited, requests: stats.requests, wallMs }
      await client.close()
    }
  }

  process.stdout.write(JSON.stringify({ s1, s2, s4 }) + "\n")
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
