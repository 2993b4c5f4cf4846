/**
 * `pnpm --filter @effect-intercom/bench run overhead`: what our client adds to
 * a call, with the network taken out. Both variants run `contacts.find`
 * against an in-memory `HttpClient` that answers the same ~3 KB contact at
 * once: the Effect transport floor (`HttpClient` + `JSON.parse`, no client,
 * no decoding), with Effect's default tracer and with tracing off (as ours
 * runs when no tracer is installed), and ours (input check, request
 * building, rate limiter, retry wrapper, response check), by default and
 * without retry and rate limiter, alternating,
 * sequential, in one process. Prints the median µs per call of each and its
 * difference to the tracing-off floor.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "../../client/src/Intercom.js"
import { contact } from "./contact.js"

const body = JSON.stringify(contact(1))
const baseUrl = "http://127.0.0.1:1"
const headers = new globalThis.Headers({ "content-type": "application/json" })
// The least a response can be: `fromWeb` reads `status`, `headers` and `text()` only, so the floor is not
// dominated by building a web `Response` and reading its stream.
const source = { status: 200, headers, text: () => Promise.resolve(body) } as unknown as Response
const inMemory = HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, source)))
const httpClient = Layer.succeed(HttpClient.HttpClient, inMemory)
const ours = Intercom.layer({ token: Redacted.make("bench"), baseUrl }).pipe(Layer.provideMerge(httpClient))
const oursBare = Intercom.layer({ token: Redacted.make("bench"), baseUrl, retry: false, rateLimiter: false }).pipe(
  Layer.provide(httpClient)
)

const transport = Effect.flatMap(
  HttpClient.HttpClient,
  (client) =>
    client.get(`${baseUrl}/contacts/1`, { headers: { authorization: "Bearer bench", accept: "application/json" } })
      .pipe(Effect.flatMap((response) => response.text), Effect.map((text) => JSON.parse(text)))
)

const find = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: "1" }))

const variants: Record<string, Effect.Effect<unknown, unknown, Intercom.Intercom | HttpClient.HttpClient>> = {
  "effect HttpClient + JSON.parse": transport,
  // Ours turns tracing off for its calls when no tracer is installed: this is the floor to compare it with.
  "effect HttpClient + JSON.parse, tracing off": Effect.withTracerEnabled(transport, false),
  "effect-intercom (no retry, no limiter)": find,
  "effect-intercom": find
}

const calls = 10_000
const rounds = 7
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const program = Effect.gen(function*() {
  const bare = yield* Layer.build(oursBare)
  const perCall: Record<string, Array<number>> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
  for (let round = 0; round < rounds; round++) {
    const names = Object.keys(variants)
    for (const name of round % 2 ? names.reverse() : names) {
      const effect = variants[name]!
      const timed = Effect.gen(function*() {
        for (let i = 0; i < calls / 10; i++) yield* effect // warm-up
        const started = performance.now()
        for (let i = 0; i < calls; i++) yield* effect
        return ((performance.now() - started) / calls) * 1000
      })
      perCall[name]!.push(yield* name.includes("no limiter") ? Effect.provide(timed, bare) : timed)
    }
  }
  const floor = median(perCall["effect HttpClient + JSON.parse, tracing off"]!)
  console.log(
    `| variant | µs per call (median of ${rounds} rounds of ${calls}) | vs tracing-off floor |\n| --- | ---: | ---: |`
  )
  for (const name of Object.keys(variants)) {
    const us = median(perCall[name]!)
    console.log(`| ${name} | ${us.toFixed(1)} | ${us - floor >= 0 ? "+" : ""}${(us - floor).toFixed(1)} µs |`)
  }
})

Effect.runPromise(Effect.provide(Effect.scoped(program), ours))
