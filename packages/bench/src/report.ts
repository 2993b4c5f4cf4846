/**
 * Renders the results: markdown tables (printed and in the README), the
 * README with the targets (read in `targets.ts`), and an SVG bar chart of the
 * ratios to raw fetch.
 */
import type { ClientName } from "./clients.js"
import { findings } from "./findings.js"
import { f, kb, names, r, type Results, S3_MAIN, type S3Row, s3Sizes } from "./results.js"
import { renderRuns, type Run, targets } from "./targets.js"

export const renderTables = (res: Results): string => {
  const out: Array<string> = []
  out.push("### S1: 2,000 sequential `contacts.find`\n")
  out.push("| client | median ms | vs fetch | p99 ms | vs fetch | CPU µs/call | vs fetch |")
  out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
  for (const n of names) {
    const x = res.s1[n], b = res.s1.fetch
    out.push(
      `| ${n} | ${f(x.medianMs, 3)} | ${r(x.medianMs, b.medianMs)} | ${f(x.p99Ms, 3)} | ${r(x.p99Ms, b.p99Ms)} | ${
        f(x.cpuPerCallUs, 0)
      } | ${r(x.cpuPerCallUs, b.cpuPerCallUs)} |`
    )
  }
  if (res.transport) {
    const x = res.transport.s1, b = res.s1.fetch
    out.push(
      `| *diagnostic: effect HttpClient + JSON.parse* | ${f(x.medianMs, 3)} | ${r(x.medianMs, b.medianMs)} | ${
        f(x.p99Ms, 3)
      } | ${r(x.p99Ms, b.p99Ms)} | ${f(x.cpuPerCallUs, 0)} | ${r(x.cpuPerCallUs, b.cpuPerCallUs)} |`
    )
  }
  out.push("\n### S2: 5,000 `contacts.find` at concurrency 32\n")
  out.push("| client | requests/s (median of rounds) | vs fetch | rounds | failed |")
  out.push("| --- | ---: | ---: | ---: | ---: |")
  for (const n of names) {
    const x = res.s2[n]
    out.push(`| ${n} | ${f(x.rps, 0)} | ${r(x.rps, res.s2.fetch.rps)} | ${x.rounds} | ${x.failed} |`)
  }
  if (res.transport) {
    const x = res.transport.s2
    out.push(
      `| *diagnostic: effect HttpClient + JSON.parse* | ${f(x.rps, 0)} | ${
        r(x.rps, res.s2.fetch.rps)
      } | ${x.rounds} | ${x.failed} |`
    )
  }
  for (const size of s3Sizes(res)) {
    const s = res.s3[size]!
    out.push(
      `\n### S3: iterate ${Number(size).toLocaleString("en")} contacts, \`per_page\` 150, own process each${
        size === S3_MAIN ? "" : " (flatness check)"
      }\n`
    )
    out.push(
      "| client | runs | wall ms | vs fetch | CPU ms | vs fetch | peak RSS MB | vs fetch | RSS at start MB | peak heap growth MB | retained heap growth MB |"
    )
    out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    const rows: Array<[string, S3Row]> = names.map((n) => [n, s[n]])
    const diagnostic = res.transport?.s3?.[size]
    if (diagnostic) rows.push(["*diagnostic: effect HttpClient + JSON.parse*", diagnostic])
    for (const [n, x] of Object.entries(res.s3Published?.[size] ?? {})) rows.push([n, x])
    for (const [n, x] of Object.entries(res.s3Floor?.[size] ?? {})) rows.push([`*${n}*`, x])
    for (const [n, x] of rows) {
      const b = s.fetch
      out.push(
        `| ${n} | ${x.runs} | ${f(x.wallMs, 0)} | ${r(x.wallMs, b.wallMs)} | ${f(x.cpuMs, 0)} | ${
          r(x.cpuMs, b.cpuMs)
        } | ${f(x.peakRssMB, 1)} | ${r(x.peakRssMB, b.peakRssMB)} | ${f(x.rssStartMB, 1)} | ${
          f(x.peakHeapGrowthMB, 1)
        } | ${f(x.retainedHeapGrowthMB, 1)} |`
      )
    }
  }
  out.push("\n### S4: 600 calls at concurrency 16, 100 requests/s window, default settings (ideal 6 s)\n")
  out.push(
    "The window is aligned to whole seconds and each client starts at the start of one, so 600 calls fit in six windows and"
  )
  out.push("can finish just after 5 s; \"vs ideal\" divides by the 6 s of the brief.\n")
  out.push("| client | failed calls | 429s | requests sent | wall s | vs ideal 6 s |")
  out.push("| --- | ---: | ---: | ---: | ---: | ---: |")
  for (const n of names) {
    const x = res.s4[n]
    if (x) {
      out.push(
        `| ${n} | ${x.failed} | ${x.rateLimited} | ${x.requests} | ${f(x.wallMs / 1000)} | ${f(x.wallMs / 6000)}x |`
      )
    }
  }
  out.push("\n### S5: cold import (fresh process, plain JS, median)\n")
  out.push("| import | ms |")
  out.push("| --- | ---: |")
  for (const [k, v] of Object.entries(res.s5.coldImportMs)) {
    out.push(`| ${k === "fetch" ? "nothing (process floor)" : k} | ${f(v, 1)} |`)
  }
  const pub = res.s5.published
  if (pub) {
    out.push(
      `\n### S5 as published: the packed tarball installed, a fresh process each (median of ${pub.rounds} rounds)\n`
    )
    out.push(
      `The tarball (${
        kb(pub.tarballBytes)
      } KB, ${pub.esmFiles} files in \`dist/esm\`) unpacked beside the workspace's ` +
        "`effect`, `@effect/platform`, `@effect/platform-node` and `intercom-client`; each row's imports as written in " +
        "its program (`src/published.ts`). Import: one dynamic `import()`. Fresh process: spawn to exit, with the " +
        "client created and one `contacts.find`. Modules: ES modules loaded by the import (CommonJS files such as " +
        "undici's not counted).\n"
    )
    out.push(
      "| program | import ms | vs intercom-client | modules (ours / effect / fast-check / @effect/* / other) | RSS after import MB | live heap after import MB | fresh process + one call ms | vs fetch | vs intercom-client | RSS after the call MB |"
    )
    out.push("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    const official = pub.rows["intercom-client"]
    const fetchRow = pub.rows["fetch"]
    for (const [name, x] of Object.entries(pub.rows)) {
      const m = x.modules ?? {}
      const count = (keys: (k: string) => boolean) =>
        Object.entries(m).filter(([k]) => keys(k)).reduce((a, [, v]) => a + v, 0)
      const ours = count((k) => k === "@effect-intercom/client")
      const effect = count((k) => k === "effect")
      const fc = count((k) => k === "fast-check" || k === "pure-rand")
      const scoped = count((k) => k.startsWith("@effect/"))
      const total = count(() => true)
      const other = total - ours - effect - fc - scoped
      out.push(
        `| ${name} | ${f(x.importMs, 0)} | ${
          official ? r(x.importMs, official.importMs) : ""
        } | ${total} (${ours} / ${effect} / ${fc} / ${scoped} / ${other}) | ${f(x.rssAfterImportMB, 1)} | ${
          f(x.heapAfterImportMB, 1)
        } | ${x.freshWallMs === undefined ? "" : f(x.freshWallMs, 0)} | ${
          x.freshWallMs === undefined || !fetchRow?.freshWallMs ? "" : r(x.freshWallMs, fetchRow.freshWallMs)
        } | ${x.freshWallMs === undefined || !official?.freshWallMs ? "" : r(x.freshWallMs, official.freshWallMs)} | ${
          x.rssAfterCallMB === undefined ? "" : f(x.rssAfterCallMB, 1)
        } |`
      )
    }
  }
  out.push("\n### S5: bundles (esbuild, minified, ESM; gzip level 9)\n")
  const bare = (platform: string) =>
    res.s5.bundles.find((b) => b.program.startsWith("bare") && b.platform === platform)!
  out.push(
    "| program | platform | min KB | gzip KB | gzip KB above bare | our generated files in it (as published: our dist files) |"
  )
  out.push("| --- | --- | ---: | ---: | ---: | ---: |")
  for (const b of res.s5.bundles) {
    const ours = b.program.startsWith("ours")
    out.push(
      `| ${b.program} | ${b.platform} | ${kb(b.minBytes)} | ${kb(b.gzipBytes)} | ${
        b.program.startsWith("bare") ? "" : kb(b.gzipBytes - bare(b.platform).gzipBytes)
      } | ${ours ? b.generatedFiles : ""} |`
    )
  }
  return out.join("\n")
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;")

/** Horizontal bars of the ratio to raw fetch (1.0 = fetch), one group per metric. */
export const renderChart = (res: Results): string => {
  const s3 = res.s3[S3_MAIN]!
  const metrics: Array<{ label: string; value: (n: ClientName) => number }> = [
    { label: "S1 median latency (lower is better)", value: (n) => res.s1[n].medianMs / res.s1.fetch.medianMs },
    { label: "S1 CPU per call (lower is better)", value: (n) => res.s1[n].cpuPerCallUs / res.s1.fetch.cpuPerCallUs },
    { label: "S2 requests/s (higher is better)", value: (n) => res.s2[n].rps / res.s2.fetch.rps },
    { label: `S3 CPU, ${S3_MAIN} contacts (lower is better)`, value: (n) => s3[n].cpuMs / s3.fetch.cpuMs },
    { label: `S3 peak RSS (lower is better)`, value: (n) => s3[n].peakRssMB / s3.fetch.peakRssMB }
  ]
  const colors: Record<ClientName, string> = {
    "fetch": "#9e9e9e",
    "intercom-client": "#e07b39",
    "effect-intercom": "#3f6fd1"
  }
  const width = 760, left = 250, barH = 14, gap = 4, groupGap = 22, top = 50
  const max = Math.max(2, ...metrics.flatMap((m) => names.map((n) => m.value(n)))) * 1.05
  const scale = (width - left - 60) / max
  const parts: Array<string> = []
  let y = top
  for (const m of metrics) {
    parts.push(`<text x="10" y="${y + barH + 4}" font-size="12">${escape(m.label)}</text>`)
    for (const n of names) {
      const v = m.value(n)
      const w = Number.isFinite(v) ? v * scale : 0
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${colors[n]}"/>`)
      parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 3}" font-size="11">${f(v)}x</text>`)
      y += barH + gap
    }
    y += groupGap
  }
  const height = y + 10
  const one = left + scale
  const legend = names.map((n, i) =>
    `<rect x="${left + i * 160}" y="18" width="12" height="12" fill="${colors[n]}"/><text x="${
      left + i * 160 + 16
    }" y="28" font-size="12">${n}</text>`
  ).join("")
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="28" font-size="13" font-weight="bold">Ratio to raw fetch</text>
${legend}
<line x1="${one.toFixed(1)}" y1="${top - 6}" x2="${one.toFixed(1)}" y2="${
    height - 10
  }" stroke="#444" stroke-dasharray="3,3"/>
${parts.join("\n")}
</svg>
`
}

export const renderReadme = (res: Results, runs: ReadonlyArray<Run>) => {
  // The runs table only for the runs of the same invocation as \`res\` (\`--report\` after an older \`runs.json\`).
  const sameRuns = runs.length > 0 && runs[runs.length - 1]!.results.date === res.date ? runs : []
  const tables = renderTables(res)
  const t = targets(res)
  const targetTable = [
    "| target | measured | met |",
    "| --- | --- | :---: |",
    ...t.map((x) => `| ${x.target} | ${x.measured} | ${x.met ? "yes" : "**no**"} |`)
  ].join("\n")
  const readme = `# @effect-intercom/bench

The benchmark suite (private): the same scenarios for three clients in one run, alternating:
raw \`fetch\` + \`JSON.parse\` (the floor: no decoding, no retries), [\`intercom-client\`](https://www.npmjs.com/package/intercom-client)
7.0.3 (the official SDK, no decoding) and ours (\`@effect-intercom/client\`, every response Schema-decoded, retry policy and
adaptive rate limiter on, as by default). Not part of \`pnpm test\`.

\`\`\`sh
pnpm bench            # the whole suite (about ${
    Math.ceil(res.totalSeconds / 60)
  } min here, plus the build), then this README, results/latest.json, runs.json and chart.svg are rewritten
pnpm bench --runs 5   # five full runs, side by side below (S1 and S2 are decided over five)
pnpm bench --quick    # fewer rounds, a smoke test
pnpm bench --report   # re-render this README and the chart from results/latest.json and results/runs.json
pnpm bench:memory     # the older memory-only benchmark of a streamed listing (src/memory.ts)

# diagnostics (from packages/bench)
pnpm run diagnose                          # S1 + S2: fetch, Effect transport, ours without retry/limiter, without time-out, ours
pnpm run overhead                          # what ours adds per call over the Effect transport, no network (in-memory HttpClient)
pnpm run allocation                        # the bytes each call allocates, 32 at a time, in-memory (V8's sampling heap profiler)
pnpm run profile effect-intercom s2        # one scenario under node --cpu-prof; top self time, by module, ours inclusive
\`\`\`

![ratios to raw fetch](results/chart.svg)

Last run: ${res.date}, ${res.machine.cpus} × ${res.machine.model}, Node ${res.machine.node}${
    res.machine.quick ? " (quick)" : ""
  }, ${res.totalSeconds.toFixed(0)} s in all.
Ratios are to raw \`fetch\` from the same run. The machine is shared and noisy: compare ratios, not absolute numbers.

${
    sameRuns.length > 1
      ? `## Targets over the last ${sameRuns.length} runs\n\n${renderRuns(sameRuns)}\n\n`
      : ""
  }## Targets${sameRuns.length > 1 ? " in the last run" : ""}

${targetTable}

## Results

${tables}

## How it runs

- **The mock Intercom** (\`src/server.ts\`) is a separate Node process on 127.0.0.1 with precomputed bodies: a ~3 KB realistic
  contact (\`GET /contacts/{id}\`) and cursor pages (\`GET /contacts?per_page&starting_after\`, \`pages.next.starting_after\`),
  the routes both \`intercom-client\` and ours call. \`--rate-limit N\` adds a fixed window of N requests per second (aligned to
  whole seconds) with Intercom's \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\` and \`X-RateLimit-Reset\` headers and a 429 with
  Intercom's error body once it is spent; \`/__stats\` counts requests and 429s.
- **No transpiler is timed.** \`src/main.ts\` first builds the server and the workers to plain JS with esbuild (our client bundled
  from its TypeScript sources, every npm package, \`effect\` and \`intercom-client\` included, loaded from \`node_modules\` as
  published), into \`.out/\`. Times and CPU are taken inside the worker processes after their imports.
- **S1, S2, S4** (\`src/worker-calls.ts\`): one process holds the clients (\`src/clients.ts\`, one module per client,
  imported on demand); after a warm-up (300 sequential and 300 concurrent calls each) S1 runs 40 rounds of 50
  sequential \`contacts.find\` per client, the order of the clients rotating every round (2,000 calls each; the
  latency of every call; the CPU of the process per batch divided by its calls), and S2 runs 3 rounds of 5,000 calls at
  concurrency 32 per client, rotating (median requests per second of the rounds). Ours runs each batch as one Effect
  (\`Effect.forEach\` with \`concurrency\`) through a \`ManagedRuntime\`; the others use a promise pool. A fourth,
  diagnostic row (*effect HttpClient + JSON.parse*: \`@effect/platform\`'s HttpClient over undici, no client, no
  decoding) separates our client's cost from Effect's transport. S4 gives each client a fresh instance, starts it at
  the beginning of a fresh window of the rate-limited server, and sends 600 calls at concurrency 16 with default
  settings; a failed call is one that rejected after the client's own retries (raw fetch has none).
- **S3** (\`src/worker-list.ts\`): each client iterates the listing with its own pagination (\`per_page\` 150) in its own
  process, 3 rounds at 20,000 contacts and 3 at 60,000 (flatness in N: three times the items, the same memory), rotating; wall time and CPU from the start of the
  iteration, peak RSS (\`maxRSS\`), RSS at start, peak heap growth (sampled every 5 ms) and retained heap growth (after a GC).
  Ours uses \`contacts.listStream\`, \`intercom-client\` \`for await\` over \`contacts.list\`, fetch follows
  \`pages.next.starting_after\`. The diagnostic row (*effect HttpClient + JSON.parse*) runs here too, in the same
  rotation: the same cursor loop as fetch, written as one \`Effect.gen\` over \`@effect/platform\`'s HttpClient (undici)
  through a \`ManagedRuntime\`, with no client code and no decoding: the floor of any Effect client for the listing.
- **S5** (\`src/worker-import.ts\`, \`src/bundles.ts\`): cold import is one dynamic \`import()\` in a fresh process, 9 rounds
  rotating (the first dropped), median: \`intercom-client\` from its published ESM build, ours as one plain-JS file built with
  esbuild from \`src/index.ts\` (\`effect\` and \`@effect/platform\` external, from \`node_modules\`), alone and with
  \`@effect/platform-node\` which a Node program also needs; two reference rows: the \`effect\` and \`@effect/platform\`
  modules that our bundle imports, alone (the floor of any Effect client), and ours reduced to \`IntercomClient\` +
  \`stable/Contacts\` (the tree-shakable entry). Bundles: esbuild's API, \`bundle\`, \`minify\`, ESM, platform node and
  browser, gzip level 9 via zlib, of small programs (\`src/bundles.ts\`), each with \`FetchHttpClient.layer\` and
  subpath imports; node and browser come out identical because nothing in these graphs has a browser-specific
  export condition. "Our generated files in it" counts the files of \`src/generated\` that contribute bytes (esbuild
  metafile).
- **As published** (\`src/published.ts\`, \`src/client-published.ts\`): \`pnpm pack\` of the client (its \`prepack\` builds
  \`dist\`), the tarball unpacked into \`.out/published/node_modules\` beside links to the workspace's \`effect\`,
  \`@effect/platform\`, \`@effect/platform-node\` and \`intercom-client\`. S5 as published: small programs, each importing
  as its row says, run by \`fresh.mjs\` in a fresh process (rounds and rotation as for cold import): the import timed
  alone (then, with \`--expose-gc\`, the live heap), and in another process import + client + one \`contacts.find\` timed
  by the parent from spawn to exit; the ES modules each import loads, by package, counted once through a resolve hook.
  S3 as published: the S3 worker built again with every package external, so the client is the installed tarball,
  consumed through \`Stream.runForEach\` and through \`Stream.toAsyncIterable\` + \`for await\`; beside them, in the same
  rotation, their floor (italic rows, \`src/client-floor.ts\`, built and imported the same way): the same listing as a
  \`Stream\` over the bare \`HttpClient\` (\`Stream.paginateChunkEffect\`, no client, no decoding), consumed the same two
  ways. Bundles as published:
  the one-method and whole-service programs bundled from the installed \`dist\`.

## Findings

${findings(res)}
`
  return { tables: tables + "\n\n### Targets (ours)\n\n" + targetTable, readme }
}
