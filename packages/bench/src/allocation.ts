/**
 * `pnpm --filter @effect-intercom/bench run allocation`: the bytes each call
 * allocates, the figure this noisy machine measures most steadily, and what
 * sets S2 here: V8's young-generation collections (their count, and what
 * they copy and promote) grow with the bytes allocated by the calls in
 * flight.
 *
 * Every variant runs `contacts.find` against an in-memory `HttpClient` that
 * answers the same ~3 KB contact on the next turn of the event loop
 * (`setImmediate`, as a socket would), 32 at a time through
 * `Effect.forEach`, the decoded value dropped: the Effect transport floor
 * (`HttpClient` + `JSON.parse`, tracing off), ours by default, without its
 * per-attempt time-out, and without retry and limiter. Allocation is
 * sampled by V8's heap profiler with the objects that the collectors freed
 * counted too (`includeObjectsCollectedByMinorGC`/`MajorGC`), in a batch of
 * its own; CPU per call in another batch, without the profiler. Built and run like the other workers (plain JS, our client
 * bundled from its sources).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as inspector from "node:inspector/promises"
import * as Intercom from "../../client/src/Intercom.js"
import type * as IntercomClient from "../../client/src/IntercomClient.js"
import { contact } from "./contact.js"

const body = JSON.stringify(contact(1))
const baseUrl = "http://127.0.0.1:1"
const headers = new globalThis.Headers({ "content-type": "application/json" })
const source = {
  status: 200,
  headers,
  text: () => new Promise<string>((resolve) => setImmediate(() => resolve(body)))
} as unknown as Response
const inMemory = HttpClient.make((request) =>
  Effect.async<HttpClientResponse.HttpClientResponse>((resume) => {
    setImmediate(() => resume(Effect.succeed(HttpClientResponse.fromWeb(request, source))))
  })
)
const httpClient = Layer.succeed(HttpClient.HttpClient, inMemory)
const ours = (options: Partial<IntercomClient.Options>) =>
  ManagedRuntime.make(
    Intercom.layer({ token: Redacted.make("bench"), baseUrl, ...options }).pipe(Layer.provideMerge(httpClient))
  )

const transport = Effect.withTracerEnabled(
  Effect.flatMap(
    HttpClient.HttpClient,
    (client) =>
      client.get(`${baseUrl}/contacts/1`, { headers: { authorization: "Bearer bench", accept: "application/json" } })
        .pipe(Effect.flatMap((response) => response.text), Effect.map((text) => JSON.parse(text)))
  ),
  false
)
const find = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: "1" }))

const variants: ReadonlyArray<
  readonly [string, ManagedRuntime.ManagedRuntime<any, never>, Effect.Effect<unknown, unknown, any>]
> = [
  ["effect HttpClient + JSON.parse, tracing off", ours({}), transport],
  ["effect-intercom", ours({}), find],
  ["effect-intercom, timeout: false", ours({ timeout: false }), find],
  ["effect-intercom, retry and rateLimiter false", ours({ retry: false, rateLimiter: false }), find]
]

const calls = 5_000
const rounds = 5
const concurrency = 32
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const main = async () => {
  const session = new inspector.Session()
  session.connect()
  const bytes: Record<string, Array<number>> = {}
  const cpu: Record<string, Array<number>> = {}
  for (let round = 0; round <= rounds; round++) {
    for (const [name, runtime, effect] of round % 2 ? [...variants].reverse() : variants) {
      const batch = Effect.forEach(Array.from({ length: calls }), () => Effect.asVoid(effect), {
        concurrency,
        discard: true
      })
      if (round === 0) {
        await runtime.runPromise(batch) // warm-up
        continue
      }
      const started = process.cpuUsage()
      await runtime.runPromise(batch)
      const used = process.cpuUsage(started)
      await session.post("HeapProfiler.startSampling", {
        samplingInterval: 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true
      })
      await runtime.runPromise(batch)
      const { profile } = await session.post("HeapProfiler.stopSampling")
      let total = 0
      const walk = (node: inspector.HeapProfiler.SamplingHeapProfileNode): void => {
        total += node.selfSize
        node.children.forEach(walk)
      }
      walk(profile.head)
      ;(bytes[name] ??= []).push(total / calls)
      ;(cpu[name] ??= []).push((used.user + used.system) / calls)
    }
  }
  session.disconnect()
  const floor = median(bytes[variants[0]![0]]!)
  console.log(
    `| variant (${calls} calls at concurrency ${concurrency}, median of ${rounds} rounds) | KB allocated per call | ` +
      `above the floor | CPU µs per call |\n| --- | ---: | ---: | ---: |`
  )
  for (const [name] of variants) {
    const kb = median(bytes[name]!) / 1024
    console.log(
      `| ${name} | ${kb.toFixed(1)} | ${name === variants[0]![0] ? "" : `+${(kb - floor / 1024).toFixed(1)}`} | ${
        median(cpu[name]!).toFixed(0)
      } |`
    )
  }
  await Promise.all(variants.map(([, runtime]) => runtime.dispose()))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
