/**
 * The targets of issue 11 and before, read from one run's results: what was measured,
 * and whether it is met.
 */
import type { ClientName } from "./clients.js"
import { f, kb, r, type Results, S3_MAIN, type S3Row, s3Sizes } from "./results.js"

export interface Target {
  readonly target: string
  readonly measured: string
  readonly met: boolean
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
    met: viaForEach !== undefined && viaAsync !== undefined && value(viaForEach) <= bound * value(s3.fetch) &&
      value(viaAsync) <= bound * value(s3.fetch)
  })
  const pub = res.s5.published?.rows
  const readme = pub?.["ours, subpath imports"]
  const official = pub?.["intercom-client"]
  const floorRow = pub?.["floor: effect + HttpClient + Schema"]
  const packageOnly = pub?.["package: @effect-intercom/client/Intercom"]
  const httpClient = pub?.["@effect/platform/HttpClient"]
  return [
    {
      target: "S1 median within 1.15x of fetch",
      measured: r(res.s1[ours].medianMs, res.s1.fetch.medianMs),
      met: res.s1[ours].medianMs <= 1.15 * res.s1.fetch.medianMs
    },
    {
      target: "S2 at least 0.9x of fetch",
      measured: r(res.s2[ours].rps, res.s2.fetch.rps),
      met: res.s2[ours].rps >= 0.9 * res.s2.fetch.rps
    },
    {
      target: "S3 CPU within 1.1x of fetch (the main row, `Stream.runFold`, from the sources)",
      measured: r(s3[ours].cpuMs, s3.fetch.cpuMs),
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
      met: readme?.freshWallMs !== undefined && official?.freshWallMs !== undefined &&
        readme.freshWallMs <= official.freshWallMs
    },
    {
      target: "S5 cold import (the older row: the sources as one file) no slower than intercom-client",
      measured: `${f(res.s5.coldImportMs[ours]!, 1)} ms vs ${f(res.s5.coldImportMs["intercom-client"]!, 1)} ms`,
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
        met: files(one) * 4 < files(whole)
      }
    })()
  ]
}
