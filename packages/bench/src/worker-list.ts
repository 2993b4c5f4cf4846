/**
 * S3, in its own process: one client iterates `limit` contacts with its own
 * pagination (`per_page` 150). Prints one JSON object: wall time and CPU
 * (measured after imports and client construction), peak RSS of the process,
 * the live heap before and after (each after a GC), and the peak heap used
 * (sampled every 5 ms, without forcing a GC).
 *
 * `node --expose-gc worker-list.mjs <client> <port> <limit>`
 */
import { makeClient, type VariantName } from "./clients.js"

const [name, port, limit] = [process.argv[2] as VariantName, Number(process.argv[3]), Number(process.argv[4])]
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const main = async () => {
  const client = await makeClient(name, `http://127.0.0.1:${port}`)
  gc()
  const heapStart = process.memoryUsage().heapUsed
  const rssStart = process.memoryUsage().rss
  let peakHeap = heapStart
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }, 5)
  const cpu = process.cpuUsage()
  const t = performance.now()
  const count = await client.iterate(limit, 150)
  const wallMs = performance.now() - t
  const c = process.cpuUsage(cpu)
  clearInterval(sampler)
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  await client.close()
  gc()
  const heapEnd = process.memoryUsage().heapUsed
  if (count !== limit) throw new Error(`iterated ${count} of ${limit}`)
  process.stdout.write(
    JSON.stringify({
      client: name,
      items: count,
      wallMs,
      cpuMs: (c.user + c.system) / 1000,
      rssStartMB: rssStart / 2 ** 20,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      heapStartMB: heapStart / 2 ** 20,
      peakHeapGrowthMB: (peakHeap - heapStart) / 2 ** 20,
      retainedHeapGrowthMB: (heapEnd - heapStart) / 2 ** 20
    }) + "\n"
  )
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
