/**
 * The findings, written by hand after reading the numbers of full runs and
 * their profiles (`node --cpu-prof`, summarised by `src/profile.ts`); rendered
 * into the README. Figures quoted here come from the runs named; the tables
 * above are the latest run.
 */
import type { Results } from "./report.js"

const rssGrowth = (res: Results, name: "fetch" | "effect-intercom") => {
  const small = res.s3["5000"]?.[name].peakRssMB
  const big = res.s3["20000"]?.[name].peakRssMB
  return small === undefined || big === undefined
    ? "n/a"
    : `${big - small >= 0 ? "+" : ""}${(big - small).toFixed(1)} MB`
}

const pct = (x: number) => `${x >= 0 ? "+" : ""}${Math.round(x * 100)} %`

export const findings = (res: Results) =>
  `The machine has 2 shared cores and is noisy. Between full runs on the same day, the S1 median ratio
of ours to fetch went from 1.04x to 1.54x, and the S2 ratio from 0.66x to 1.08x, so a single run decides none
of these targets. Read the targets table as one sample. \`pnpm --filter @effect-intercom/bench run diagnose\` runs S1 and S2 for four
variants in one process, and \`pnpm --filter @effect-intercom/bench run profile [client] [s1|s2|s3]\` profiles one.

**S1 latency and S2 throughput.** The diagnostic row *effect HttpClient + JSON.parse* is \`@effect/platform\`'s
\`HttpClient\` over \`NodeHttpClient.layerUndici\`, parsing JSON with no client code and no decoding. It separates
what is ours from what comes with Effect and its transport. In the
run above, ours costs ${
    res.transport ? pct(res.s1["effect-intercom"].medianMs / res.transport.s1.medianMs - 1) : "n/a"
  } latency over that row in S1 and reaches ${
    res.transport ? (res.s2["effect-intercom"].rps / res.transport.s2.rps).toFixed(2) : "n/a"
  }x of its throughput in S2. A separate
\`diagnose\` run measured +3 % and 0.96x, and there turning off retry and the limiter gained nothing, so the
defaults cost little. A CPU profile of ours in S2 (\`profile effect-intercom s2\`, self time) has these shares:
the garbage collector 15.5 %, the Effect fiber runtime 11 % (\`effect/internal/fiberRuntime.js\`) plus 4 %
(\`internal/core.js\`), Schema decoding of the ~3 KB contact 8.2 % (\`ParseResult.js\`: the TypeLiteral parser at
line 867 and the Union parser at line 1079; most contact fields are \`optionalWith(NullOr(...))\`), our
interpreter about 5 % (\`decodeJson\` 3.2 %, \`buildRequest\` 0.5 %), and undici. Raw fetch's profile is
mostly socket writes (\`writeLatin1String\` 23 %) and Node's bundled undici (26 %). Our per-call cost over the
Effect transport is therefore Schema decoding, which fetch and \`intercom-client\` do not do, and the extra
fibers and allocations of the call pipeline (the GC share is 15.5 % for ours against 10.6 % for fetch). Other full runs on this machine put S1 at 1.04x–1.54x and S2
at 0.66x–1.08x, so a pass or a miss on S1 or S2 in one run proves nothing. The interpreter already skips rebuilding the
object when a response schema has no transformations (\`isCheckOnly\`, then \`ParseResult.is\`). Both paths go
through the same TypeLiteral parser, so the profile cannot tell which one the Contact schema takes. That is the
first thing to check in packages/client. \`intercom-client\`, which does not decode, is at 1.5x–1.7x in S1 and 0.4x–0.6x in S2 in every run.

**S3 listing.** CPU is within target. Peak RSS misses, and the cause is the baseline, not the listing. RSS
*before the first request* is ~146 MB for ours, against 41 MB for fetch and 77 MB for \`intercom-client\`, because
the \`Intercom\` service imports every resource module and builds all ~460 component schemas and 310 descriptors at
import time. Across N the RSS is flat (5,000 → 20,000 contacts: ${rssGrowth(res, "effect-intercom")} for ours, ${
    rssGrowth(res, "fetch")
  } for fetch) and the
retained heap grows by ~2 MB. The peak heap growth (~69 MB against 18 MB) is garbage from decoding 150-item pages
that V8 collects lazily: after a GC it is gone. Fixes, in packages/client: build the component schemas lazily (a
getter or \`Schema.suspend\` per component, or a lazy import of each namespace of the surface). A program using
the plain functions (\`Contacts.listStream\` with \`IntercomClient.layer\`) avoids the cost today.

**S4 rate limit.** All three targets are met. The adaptive limiter learns the window from the headers and sends
exactly 600 requests, with no 429. \`intercom-client\` takes 80–81 429s and absorbs them through its retries (in two of four full runs one call still failed after them), and raw fetch, which
does not retry, fails every call past the window.

**S5 cold import.** Missed for the full entry point (\`@effect-intercom/client\`, the whole surface). A CPU profile
of the import (\`node --cpu-prof\` on \`worker-import.mjs cold-ours.mjs\`) shows: \`effect/Schema.js\` 18.9 % self (the
~460 schema constructions) plus \`SchemaAST.js\` 2.9 %, the garbage collector 16 %, and module compilation
(\`compileSourceTextModule\`) 16.3 % for the 650 KB file plus the effect modules. The tree-shakable entry
(\`IntercomClient\` + \`stable/Contacts\`) costs barely more than \`effect\` and \`@effect/platform\` alone, and those
two alone already take longer to import than all of \`intercom-client\` on this machine. So "no slower than
intercom-client" is out of reach for any Effect client importing \`effect/Schema\`. The full entry could come close
to the floor with the lazy schemas proposed for S3.

**S5 bundles.** The one-method bundle is ~15 KB gzip above the bare program, against the 10 KB target. esbuild's
metafile explains it:
1. The whole \`Contacts\` module is kept, with all 15 of its operations and their request schemas, not just
   \`find\`. The generated top-level calls (\`Operation.make(...)\`, \`Schema.Struct(...)\`) carry no
   \`/*#__PURE__*/\` annotation, so esbuild must keep them even with \`sideEffects: []\`, which only drops
   whole modules. An experiment adding the annotations in an esbuild plugin (not committed) cut the
   generated files in the bundle from 34 to 9 and the size from 94.0 to 92.4 KB gzip, and the 10-method
   bundle from 99.5 to 95.4 KB.
2. Every bundle carries the pagination machinery (\`internal/pagination.ts\` and effect's Stream, Channel and
   groupBy internals, ~9.5 KB minified). The interpreter's class exposes \`pages\` and \`items\` methods that
   reference \`Pagination\` (the \`ServiceImpl\` class in \`internal/interpreter.ts\`), and class methods are never tree-shaken.
3. \`IntercomClient.defaultConfig = Config.all(...)\` and the other top-level hand-written calls are not
   annotated either, so they pull in effect's Config internals (1.6 KB minified).

The proposed fixes, in packages/client and codegen: emit \`/*#__PURE__*/\` before every top-level call in
generated code, including the nested calls in its arguments, because esbuild keeps arguments that have side
effects; move \`pages\` and \`items\` out of the interpreter class into functions that only the \`xStream\` and
\`xPages\` functions import; annotate the hand-written top-level calls. Items 1 and 2 should bring the bundle
to about 10 KB above bare. It has not been measured, because the client was not changed here. The growth with
methods is modest (+5.5 KB for 10 methods in 6 modules), and none of the other ~30 resource modules is pulled
in. The bare program and ours both import by subpath (\`effect/Schema\`). Through the barrels
(\`import { Schema } from "effect"\`) esbuild keeps whole namespaces, and the bare program grows by about 53 KB
gzip (132.7 KB instead of 79.3 KB). \`intercom-client\`'s bundle is large minified but small gzipped (about 16:1), because its
generated code repeats the same request boilerplate in every method.`
