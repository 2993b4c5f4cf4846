/**
 * The shape of a run's results (`results/latest.json`, `results/runs.json`) and the
 * helpers that read and format them, shared by the report, the targets and the findings.
 */
import type { ClientName, S3Floor, S3Variant } from "./clients.js"

export type PerClient<A> = Record<ClientName, A>

/** One client's S3 medians at one size. */
export interface S3Row {
  runs: number
  wallMs: number
  cpuMs: number
  peakRssMB: number
  rssStartMB: number
  peakHeapGrowthMB: number
  retainedHeapGrowthMB: number
}

/** One row of S5 as published (medians of the rounds), from `fresh.mjs` (`published.ts`). */
export interface PublishedRow {
  importMs: number
  /** CPU of the whole import-only process (Node's start included). */
  importProcessCpuMs: number
  rssAfterImportMB: number
  /** After a GC. */
  heapAfterImportMB: number
  /** ES modules loaded by the import, by package (CommonJS files, such as undici's, are not seen). */
  modules: Record<string, number>
  /** Rows that make a call: the whole process (spawn to exit) with one `contacts.find`. */
  freshWallMs?: number
  freshCpuMs?: number
  callMs?: number
  rssAfterCallMB?: number
}

export interface Results {
  date: string
  machine: { cpus: number; model: string; node: string; quick: boolean }
  s1: PerClient<{ calls: number; medianMs: number; p99Ms: number; cpuPerCallUs: number }>
  s2: PerClient<{ rps: number; rounds: number; failed: number }>
  /** Diagnostic: `@effect/platform`'s HttpClient over undici + `JSON.parse` (the Effect transport, no client). */
  transport?: {
    s1: { calls: number; medianMs: number; p99Ms: number; cpuPerCallUs: number }
    s2: { rps: number; rounds: number; failed: number }
    /** Keyed by size like `s3`; absent in results from before the transport paginated. */
    s3?: Record<string, S3Row>
  }
  s3: Record<string, PerClient<S3Row>>
  /** Ours as published (the packed package, subpath imports), by size: `Stream.runForEach` and `toAsyncIterable`. */
  s3Published?: Record<string, Record<S3Variant, S3Row>>
  /** The floor of the `s3Published` rows, by size: the same consumers over the bare `HttpClient` (`client-floor.ts`). */
  s3Floor?: Record<string, Record<S3Floor, S3Row>>
  s4: Partial<PerClient<{ failed: number; rateLimited: number; requests: number; wallMs: number }>>
  s5: {
    coldImportMs: Record<string, number>
    bundles: Array<
      { program: string; platform: "node" | "browser"; minBytes: number; gzipBytes: number; generatedFiles: number }
    >
    published?: {
      esmFiles: number
      tarballBytes: number
      rounds: number
      rows: Record<string, PublishedRow>
    }
  }
  totalSeconds: number
}

/** The three clients, in the order of every table. */
export const names: ReadonlyArray<ClientName> = ["fetch", "intercom-client", "effect-intercom"]
/** A number to `d` places (`n/a` when it is not finite). */
export const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a")
/** A ratio to a reference, as `1.23x` (`d` places). */
export const r = (x: number, floor: number, d = 2) => `${f(x / floor, d)}x`
/** Bytes in KB, one place. */
export const kb = (bytes: number) => (bytes / 1024).toFixed(1)

/** The S3 listing of the main table, and the longer one that checks memory stays flat in N. */
export const S3_MAIN = "20000"
export const S3_FLAT = "60000"

/** The S3 sizes of a result: the main one first, then the others (older results checked flatness at 5,000). */
export const s3Sizes = (res: Results): Array<string> =>
  [S3_MAIN, ...Object.keys(res.s3).filter((k) => k !== S3_MAIN).sort((a, b) => Number(a) - Number(b))]
    .filter((k) => res.s3[k] !== undefined)
