/**
 * One measurement, in its own process: stream every contact of the server
 * with `contacts.listStream({ per_page: 150 })` and report memory and time as
 * a JSON line. Memory is sampled after every page, with a GC first when
 * `--expose-gc` is given, so the figures are the live heap, not garbage.
 */
import { NodeHttpClient } from "@effect/platform-node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as Intercom from "../../client/src/Intercom.js"

const port = Number(process.argv[2])
const gc = (globalThis as { gc?: () => void }).gc

const layer = Intercom.layer({ token: Redacted.make("bench"), baseUrl: `http://127.0.0.1:${port}` }).pipe(
  Layer.provide(NodeHttpClient.layerUndici)
)

const program = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  let items = 0
  let pages = 0
  let peakHeap = 0
  const heapAtStart = process.memoryUsage().heapUsed
  const cpuStart = process.cpuUsage()
  const started = performance.now()
  yield* intercom.contacts.listPages({ per_page: 150 }).pipe(
    Stream.mapConcat((page) => page.data ?? []),
    Stream.runForEach((contact) =>
      Effect.sync(() => {
        items++
        if (contact.email === undefined) throw new Error("no email")
        if (items % 150 === 0) {
          pages++
          gc?.()
          peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
        }
      })
    )
  )
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuStart)
  return {
    items,
    pages,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapAtStartMB: +(heapAtStart / 2 ** 20).toFixed(1),
    peakHeapMB: +(peakHeap / 2 ** 20).toFixed(1),
    peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1)
  }
})

Effect.runPromise(program.pipe(Effect.provide(layer))).then((result) => {
  process.stdout.write(JSON.stringify(result) + "\n")
  process.exit(0)
})
