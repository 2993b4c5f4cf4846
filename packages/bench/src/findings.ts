/**
 * The findings, written by hand after reading the numbers of full runs and
 * their profiles (`node --cpu-prof`, summarised by `src/profile.ts`); rendered
 * into the README. Figures computed from `res` are the latest run; figures
 * written out come from the runs and measurements named.
 */
import { type Results, S3_FLAT, S3_MAIN } from "./report.js"

const pct = (x: number) => `${x >= 0 ? "+" : ""}${Math.round(x * 100)} %`

const rssGrowth = (res: Results, name: "fetch" | "effect-intercom") => {
  const small = res.s3[S3_MAIN]?.[name].peakRssMB
  const big = res.s3[S3_FLAT]?.[name].peakRssMB
  return small === undefined || big === undefined
    ? "n/a"
    : `${big - small >= 0 ? "+" : ""}${(big - small).toFixed(1)} MB (${pct(big / small - 1)})`
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? "n/a" : `${(a / b).toFixed(2)}x`

export const findings = (res: Results) => {
  const s3Floor = res.transport?.s3?.[S3_MAIN]
  const s3Ours = res.s3[S3_MAIN]?.["effect-intercom"]
  const s3Fetch = res.s3[S3_MAIN]?.fetch
  const cold = res.s5.coldImportMs
  const floorKey = Object.keys(cold).find((k) => k.startsWith("effect + @effect/platform"))
  return `The machine has 2 shared cores and is noisy: between full runs of the same code on the same day, the S1
median ratio of ours to fetch ranged over 1.04x–1.54x, S2 over 0.66x–1.08x and the S3 CPU ratio over 0.94x–1.51x
(one full run had a slow stretch during S3 that hit \`intercom-client\` as hard as ours, 1.51x both; three
alternating runs right after it measured ours at 0.94x–1.0x of fetch's CPU). A single run decides none of these
targets, so the targets table is one sample. Diagnostics, from \`packages/bench\`: \`pnpm run diagnose\` (S1 and S2
for four variants in one process), \`pnpm run overhead\` (our cost per call with the network taken out) and
\`pnpm run profile [client] [s1|s2|s3]\`.

**What is ours and what is Effect's.** Every table has a diagnostic row, *effect HttpClient + JSON.parse*:
\`@effect/platform\`'s \`HttpClient\` over \`NodeHttpClient.layerUndici\`, parsing JSON, with no client code and no
decoding. It is the floor of any Effect client on Node. Against it, in the run above, ours costs ${
    res.transport ? pct(res.s1["effect-intercom"].medianMs / res.transport.s1.medianMs - 1) : "n/a"
  } latency in S1, reaches ${
    res.transport ? (res.s2["effect-intercom"].rps / res.transport.s2.rps).toFixed(2) : "n/a"
  }x of its throughput in S2, and uses ${ratio(s3Ours?.peakRssMB, s3Floor?.peakRssMB)} of its peak RSS in S3.
\`pnpm run overhead\` runs \`contacts.find\` against an in-memory \`HttpClient\` (no socket) in one process: ours
costs 12–31 µs more per call than the transport with tracing off (six runs, one under the profiler; the floor
itself moved between 65 and 113 µs with the machine's load). That covers the input check, building the request, the rate limiter and retry
wrapper, and checking the ~3 KB contact. The same tool shows what the platform's span costs when Effect's default
tracer is on: +9 to +61 µs per call in the same six runs. Ours therefore turns tracing off for its calls when no tracer is installed,
and makes its spans only when one is.

**S1 latency and S2 throughput.** The response check is a predicate compiled once from the schema's AST
(\`packages/client/src/internal/check.ts\`). It allocates nothing and accepts exactly what \`Schema.is\` accepts
(\`tests/runtime/check.test.ts\` compares the two on all 1,108 generated schemas, valid and broken values). It takes
2.1 µs on the benchmark's contact against 11.5 µs for \`ParseResult.is\`, and 0.32 ms against 1.8 ms on a page of
150.
A CPU profile of ours in S2 shows the rest: the garbage collector (11–16 %), Effect's fiber runtime (about 16 %),
undici, socket writes, and our interpreter at about 6 % self time, most of it \`JSON.parse\` and the check. What
separates the Effect floor from raw fetch is the Effect runtime and \`@effect/platform\`'s undici transport. This
run puts the floor at ${
    res.transport ? (res.transport.s2.rps / res.s2.fetch.rps).toFixed(2) : "n/a"
  }x of fetch in S2, so S2's 0.85x target leaves an Effect client little room. \`intercom-client\`, which does not
decode, is at 1.5x–1.7x in S1 and 0.4x–0.6x in S2 in every run.

**S3 listing: peak RSS.** The target (within 1.1x of fetch) is out of reach for any client built on Effect's
undici transport. The diagnostic row, which only fetches and parses pages, peaks at ${
    s3Floor ? s3Floor.peakRssMB.toFixed(0) : "n/a"
  } MB (${ratio(s3Floor?.peakRssMB, s3Fetch?.peakRssMB)} of fetch); ours peaks at ${
    s3Ours ? s3Ours.peakRssMB.toFixed(0) : "n/a"
  } MB. The gap has two causes, and neither is in our code:
1. **RSS before the first request** is ${s3Floor ? s3Floor.rssStartMB.toFixed(0) : "n/a"} MB for the floor against ${
    s3Fetch ? s3Fetch.rssStartMB.toFixed(0) : "n/a"
  } MB for fetch. Importing the \`effect\` and \`@effect/platform\` modules alone takes a Node process from 42 to
   79 MB, and \`@effect/platform-node\`'s \`NodeHttpClient\` (with the npm \`undici\`) to 89 MB; fetch uses the
   undici built into Node. Ours adds ${
    s3Ours && s3Floor ? (s3Ours.rssStartMB - s3Floor.rssStartMB).toFixed(0) : "n/a"
  } MB to the floor. Before every schema was lazy (\`Schema.suspend\`, requests and
   inputs included), it started about 8 MB higher (129 MB).
2. **The peak heap grows about 65 MB**, against 18 MB for fetch. This is garbage that V8 collects late, not data
   kept: after a GC the retained growth is about 2 MB. V8 starts a full GC when the old generation reaches a
   multiple of the live heap, and Effect's live heap is larger. Measured by hand on this machine: a plain
   \`Effect.gen\` loop over \`Effect.promise(() => undici.request(...))\`, with no \`@effect/platform\`, already
   grows 43 MB and peaks at 151 MB; the same loop without Effect grows 18 MB.

**S3 listing: flat in N.** The data kept does not grow with the listing: the live heap after a GC is about 2 MB
above its start at 20,000 and at 60,000 contacts, and \`pnpm bench:memory\` (a GC after every page) measures a live
heap of 41.2, 41.6 and 41.7 MB at 2,000, 20,000 and 60,000 contacts (peak RSS 238, 232 and 239 MB under \`tsx\`). Peak RSS is not flat for any client: from
20,000 to 60,000 contacts it grows ${rssGrowth(res, "effect-intercom")} for ours and ${
    rssGrowth(res, "fetch")
  } for raw fetch, as V8 lets the heap grow over a longer run before collecting. The target is therefore read as
"keeps no more data, and its peak RSS grows no more than fetch's" (the targets table says so); a fixed 10 % bound
on peak RSS fails for fetch itself.

**S3 listing: CPU.** Within target in every measurement but that one slow full run (0.94x–1.12x); see the first
paragraph.

**S4 rate limit.** All three targets are met. The adaptive limiter learns the window from the headers and sends
exactly 600 requests, with no 429. \`intercom-client\` takes 80–89 429s and absorbs most through its retries; in each
full run of this session 8 or 9 of its calls still failed after them. Raw fetch, which does not retry, fails every call past the window.

**S5 cold import.** Missed, by the floor. Importing only the \`effect\` and \`@effect/platform\` modules that ours
imports takes ${floorKey ? cold[floorKey]!.toFixed(0) : "n/a"} ms, already more than all of \`intercom-client\` (${
    cold["intercom-client"]?.toFixed(0)
  } ms); \`effect/Schema\` alone takes about 370 ms here. Our whole entry point, all 310 methods, adds ${
    floorKey ? (cold["effect-intercom"]! - cold[floorKey]!).toFixed(0) : "n/a"
  } ms to that. Before every schema was lazy it added about 130 ms, and the CPU profile of the import was 19 %
\`effect/Schema.js\`, building schemas. Now no schema is built until a call needs it.

**S5 bundles.** Met. A program calling \`contacts.find\` carries 9 generated files: the \`Contacts\` module and the
schemas \`find\` uses. Every generated call is \`/*#__PURE__*/\`, so the other 14 operations of the module are
dropped. Ten methods in six modules add about 3 KB gzip, and the whole 310-method service is about 45 KB gzip above
bare. The bare program and ours both import by subpath (\`effect/Schema\`). Through the barrels
(\`import { Schema } from "effect"\`), esbuild keeps whole namespaces and the bare program grows by about 53 KB gzip.
\`intercom-client\`'s bundle is large minified but small gzipped (about 16:1), because its generated code repeats the
same request boilerplate in every method.`
}
