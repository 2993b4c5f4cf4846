/**
 * The targets of issue 11 and before, read from one run's results: what was measured,
 * and whether it is met.
 */
import type { ClientName } from "./clients.js"
import { f, kb, r, type Results, S3_MAIN, type S3Row, s3Sizes } from "./results.js"

export interface Target {
  readonly target: string
  readonly measured: string
  /** What was measured in a few characters, for the table of several runs (`measured` when absent). */
  readonly short?: string
  readonly met: boolean
  /** Decided over five full runs: met when met in at least this many of them (S1 and S2, issue 11). */
  readonly ofFive?: number
}

export const targets = (res: Results): Array<Target> => {
  const s3 = res.s3[S3_MAIN]!
  const other = s3Sizes(res)[1]
  const ours = "effect-intercom"
  const s4 = res.s4[ours]
  const bundle = (program: string, platform: string) =>
    res.s5.bundles.find((b) => b.program === program && b.platform === platform)!.gzipBytes
  const above = (program: string, platform: "node" | "browser") =>
    bundle(program, platform) - bundle("bare (effect + HttpClient + Schema)", platform)
  const one = "ours: Contacts.find (subpath imports)"
  const onePublished = "ours as published: Contacts.find (subpath imports)"
  // Flat in N: the data kept (live heap after a GC) does not grow with the items, and the peak RSS grows no more
  // than raw fetch's own (V8 lets every client's heap grow over a longer run before it collects).
  const [small, big] = Number(other) > Number(S3_MAIN)
    ? [s3, other === undefined ? undefined : res.s3[other]]
    : [other === undefined ? undefined : res.s3[other], s3]
  const growth = (name: ClientName) =>
    small === undefined || big === undefined ? NaN : big[name].peakRssMB / small[name].peakRssMB - 1
  const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${Math.round(x * 100)} %` : "n/a")
  const published = res.s3Published?.[S3_MAIN]
  const viaForEach = published?.["effect-intercom, published (runForEach)"]
  const viaAsync = published?.["effect-intercom, published (toAsyncIterable)"]
  const floorForEach = res.s3Floor?.[S3_MAIN]?.["floor: effect HttpClient Stream (runForEach)"]
  const floorAsync = res.s3Floor?.[S3_MAIN]?.["floor: effect HttpClient Stream (toAsyncIterable)"]
  const pctOver = (x: number, floor: number) => `${x >= floor ? "+" : ""}${Math.round((x / floor - 1) * 100)} %`
  const both = (
    label: string,
    value: (x: S3Row) => number,
    bound: number,
    unit: (x: S3Row) => string
  ): Target => ({
    target: label,
    measured: viaForEach && viaAsync
      ? `runForEach ${r(value(viaForEach), value(s3.fetch))} (${unit(viaForEach)}), toAsyncIterable ${
        r(value(viaAsync), value(s3.fetch))
      } (${unit(viaAsync)}); fetch ${unit(s3.fetch)}${
        floorForEach && floorAsync
          ? `; floor (the same consumers over the bare \`HttpClient\`): runForEach ${
            r(value(floorForEach), value(s3.fetch))
          } (ours ${pctOver(value(viaForEach), value(floorForEach))}), toAsyncIterable ${
            r(value(floorAsync), value(s3.fetch))
          } (ours ${pctOver(value(viaAsync), value(floorAsync))})`
          : ""
      }`
      : "n/a",
    short: viaForEach && viaAsync
      ? `${r(value(viaForEach), value(s3.fetch))} / ${r(value(viaAsync), value(s3.fetch))}${
        floorForEach && floorAsync
          ? ` (floor ${r(value(floorForEach), value(s3.fetch))} / ${r(value(floorAsync), value(s3.fetch))})`
          : ""
      }`
      : "n/a",
    met: viaForEach !== undefined && viaAsync !== undefined && value(viaForEach) <= bound * value(s3.fetch) &&
      value(viaAsync) <= bound * value(s3.fetch)
  })
  const pub = res.s5.published?.rows
  const readme = pub?.["ours, subpath imports"]
  const official = pub?.["intercom-client"]
  const floorRow = pub?.["floor: effect + HttpClient + Schema"]
  const packageOnly = pub?.["package: @effect-intercom/client/Intercom"]
  const httpClient = pub?.["@effect/platform/HttpClient"]
  // The Effect transport's ratio in the same run (the floor of any Effect client), for the table of several runs.
  const floor = (x: number | undefined, fetch: number) => (x === undefined ? "" : ` (floor ${r(x, fetch)})`)
  const transportS3 = res.transport?.s3?.[S3_MAIN]
  return [
    {
      target: "S1 median within 1.15x of fetch",
      measured: r(res.s1[ours].medianMs, res.s1.fetch.medianMs),
      // to three places, so that a run just short of the bound does not read as on it
      short: r(res.s1[ours].medianMs, res.s1.fetch.medianMs, 3) +
        floor(res.transport?.s1.medianMs, res.s1.fetch.medianMs),
      met: res.s1[ours].medianMs <= 1.15 * res.s1.fetch.medianMs,
      ofFive: 4
    },
    {
      target: "S2 at least 0.9x of fetch",
      measured: r(res.s2[ours].rps, res.s2.fetch.rps),
      short: r(res.s2[ours].rps, res.s2.fetch.rps, 3) + floor(res.transport?.s2.rps, res.s2.fetch.rps),
      met: res.s2[ours].rps >= 0.9 * res.s2.fetch.rps,
      ofFive: 4
    },
    {
      target: "S3 CPU within 1.1x of fetch (the main row, `Stream.runFold`, from the sources)",
      measured: r(s3[ours].cpuMs, s3.fetch.cpuMs),
      short: r(s3[ours].cpuMs, s3.fetch.cpuMs) + floor(transportS3?.cpuMs, s3.fetch.cpuMs),
      met: s3[ours].cpuMs <= 1.1 * s3.fetch.cpuMs
    },
    both(
      "S3 CPU within 1.1x of fetch, as published, through `Stream.runForEach` and `Stream.toAsyncIterable`",
      (x) => x.cpuMs,
      1.1,
      (x) => `${f(x.cpuMs, 0)} ms`
    ),
    both(
      "S3 peak RSS within 1.5x of fetch, as published, both ways",
      (x) => x.peakRssMB,
      1.5,
      (x) => `${f(x.peakRssMB, 0)} MB`
    ),
    both(
      "S3 heap growth during the iteration within 3x of fetch's, as published, both ways",
      (x) => x.peakHeapGrowthMB,
      3,
      (x) => `${f(x.peakHeapGrowthMB, 1)} MB`
    ),
    {
      target: "S3 peak RSS within 1.5x of fetch (the main row, from the sources)",
      measured: r(s3[ours].peakRssMB, s3.fetch.peakRssMB),
      short: r(s3[ours].peakRssMB, s3.fetch.peakRssMB) + floor(transportS3?.peakRssMB, s3.fetch.peakRssMB),
      met: s3[ours].peakRssMB <= 1.5 * s3.fetch.peakRssMB
    },
    {
      target: "S3 flat in N (live heap kept within 1 MB; peak RSS growing no more than fetch's)",
      measured: `${
        small === undefined || big === undefined ?
          "n/a" :
          `live heap kept +${f(small[ours].retainedHeapGrowthMB, 1)} MB at ${small === s3 ? S3_MAIN : other}, +${
            f(big[ours].retainedHeapGrowthMB, 1)
          } MB at ${big === s3 ? S3_MAIN : other}; peak RSS ${pct(growth(ours))} (fetch ${pct(growth("fetch"))})`
      }`,
      short: small === undefined || big === undefined
        ? "n/a"
        : `kept +${f(small[ours].retainedHeapGrowthMB, 1)} / +${f(big[ours].retainedHeapGrowthMB, 1)} MB; RSS ${
          pct(growth(ours))
        } (fetch ${pct(growth("fetch"))})`,
      met: small !== undefined && big !== undefined &&
        big[ours].retainedHeapGrowthMB <= small[ours].retainedHeapGrowthMB + 1 && growth(ours) <= growth("fetch")
    },
    { target: "S4 zero failed calls", measured: String(s4?.failed ?? "n/a"), met: s4?.failed === 0 },
    { target: "S4 at most 10 429s", measured: String(s4?.rateLimited ?? "n/a"), met: (s4?.rateLimited ?? 99) <= 10 },
    {
      target: "S4 wall time at most 6 s",
      measured: `${f((s4?.wallMs ?? NaN) / 1000)} s`,
      met: (s4?.wallMs ?? Infinity) <= 6000
    },
    {
      target: "S5 cold import as published (the README's imports) no slower than intercom-client",
      measured: readme && official && floorRow && packageOnly && httpClient
        ? `${f(readme.importMs, 0)} ms vs ${f(official.importMs, 0)} ms; the package alone (\`/Intercom\`) ${
          f(packageOnly.importMs, 0)
        } ms; floor: the same imports without ours ${f(floorRow.importMs, 0)} ms (ours +${
          f(readme.importMs - floorRow.importMs, 0)
        } ms), \`@effect/platform/HttpClient\` alone ${f(httpClient.importMs, 0)} ms`
        : "n/a",
      short: readme && official && floorRow
        ? `${f(readme.importMs, 0)} / ${f(official.importMs, 0)} ms (floor ${f(floorRow.importMs, 0)})`
        : "n/a",
      met: readme !== undefined && official !== undefined && readme.importMs <= official.importMs
    },
    {
      target: "S5 fresh process with one call, as published, no slower than intercom-client",
      measured: readme?.freshWallMs !== undefined && official?.freshWallMs !== undefined &&
          floorRow?.freshWallMs !== undefined
        ? `${f(readme.freshWallMs, 0)} ms vs ${f(official.freshWallMs, 0)} ms; floor ${
          f(floorRow.freshWallMs, 0)
        } ms (ours +${f(readme.freshWallMs - floorRow.freshWallMs, 0)} ms)`
        : "n/a",
      short: readme?.freshWallMs !== undefined && official?.freshWallMs !== undefined &&
          floorRow?.freshWallMs !== undefined
        ? `${f(readme.freshWallMs, 0)} / ${f(official.freshWallMs, 0)} ms (floor ${f(floorRow.freshWallMs, 0)})`
        : "n/a",
      met: readme?.freshWallMs !== undefined && official?.freshWallMs !== undefined &&
        readme.freshWallMs <= official.freshWallMs
    },
    {
      target: "S5 cold import (the older row: the sources as one file) no slower than intercom-client",
      measured: `${f(res.s5.coldImportMs[ours]!, 1)} ms vs ${f(res.s5.coldImportMs["intercom-client"]!, 1)} ms`,
      short: `${f(res.s5.coldImportMs[ours]!, 0)} / ${f(res.s5.coldImportMs["intercom-client"]!, 0)} ms`,
      met: res.s5.coldImportMs[ours]! <= res.s5.coldImportMs["intercom-client"]!
    },
    {
      target: "S5 one-method bundle at most 10 KB gzip above bare (node / browser)",
      measured: `${kb(above(one, "node"))} / ${kb(above(one, "browser"))} KB`,
      met: above(one, "node") <= 10 * 1024 && above(one, "browser") <= 10 * 1024
    },
    ...(res.s5.bundles.some((b) => b.program === onePublished) ?
      [{
        target: "S5 one-method bundle at most 10 KB gzip above bare, as published (node / browser)",
        measured: `${kb(above(onePublished, "node"))} / ${kb(above(onePublished, "browser"))} KB`,
        met: above(onePublished, "node") <= 10 * 1024 && above(onePublished, "browser") <= 10 * 1024
      }] :
      []),
    (() => {
      const files = (program: string) =>
        res.s5.bundles.find((b) => b.program === program && b.platform === "browser")!.generatedFiles
      const whole = "ours: whole Intercom service (310 methods)"
      return {
        target: "S5 one-method bundle not growing with the library's method count",
        measured:
          `${files(one)} of ${files(whole)} generated files kept (of Contacts, only find and the schemas it uses); ` +
          `10 methods +${kb(above("ours: 10 methods", "browser") - above(one, "browser"))} KB; whole surface ${
            kb(above(whole, "browser"))
          } KB above bare`,
        short: `${files(one)} of ${files(whole)} files`,
        met: files(one) * 4 < files(whole)
      }
    })()
  ]
}

/** A run, as `results/runs.json` keeps it: its results and the commit it measured. */
export interface Run {
  readonly commit: string
  readonly results: Results
}

/**
 * The targets over several runs of the same code, one column per run: what each run measured, and in how many
 * runs each target was met. S1 and S2 are decided by five runs (met in at least four of them); the others are
 * read run by run, and a target is met here only when it was met in every run.
 */
export const renderRuns = (runs: ReadonlyArray<Run>): string => {
  const perRun = runs.map((run) => targets(run.results))
  const head = runs.map((_, i) => `run ${i + 1}`)
  const rows = perRun[0]!.map((first) => {
    const cells = perRun.map((t) => {
      const x = t.find((y) => y.target === first.target)
      return x === undefined ? "" : `${x.short ?? x.measured}${x.met ? "" : " ✗"}`
    })
    const count = perRun.filter((t) => t.find((y) => y.target === first.target)?.met === true).length
    // S1 and S2 need five runs to be decided.
    const met = first.ofFive !== undefined ? runs.length === 5 && count >= first.ofFive : count === runs.length
    const verdict = `${count} of ${runs.length}${first.ofFive !== undefined ? ` (${first.ofFive} of 5 needed)` : ""}`
    return `| ${first.target} | ${cells.join(" | ")} | ${met ? verdict : `**${verdict}**`} |`
  })
  const commits = [...new Set(runs.map((run) => run.commit))].join(", ")
  const dates = `${runs[0]!.results.date} to ${runs[runs.length - 1]!.results.date}${
    runs.some((run) => run.results.machine.quick) ? " (quick: fewer rounds, not a measurement)" : ""
  }`
  return [
    `${runs.length} runs of \`${commits}\`, ${dates} (\`pnpm bench --runs ${runs.length}\`). ` +
    "✗ marks a run that missed the target; the last column is bold when the target is not met over these runs.",
    "",
    `| target | ${head.join(" | ")} | met in |`,
    `| --- | ${head.map(() => "---").join(" | ")} | --- |`,
    ...rows
  ].join("\n")
}
