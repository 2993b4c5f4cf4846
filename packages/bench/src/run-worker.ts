/**
 * `tsx src/run-worker.ts <name>`: builds the workers (plain JS, as every
 * measurement runs them: `bundles.ts`) and runs `<name>.mjs` with Node, its
 * output passed through. For the diagnostics that need no server
 * (`pnpm run allocation`).
 */
import { spawnSync } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { buildWorkers } from "./bundles.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const name = process.argv[2]
if (name === undefined) throw new Error("usage: tsx src/run-worker.ts <worker name>")
const js = await buildWorkers(here, path.join(here, "..", ".out"))
const result = spawnSync(process.execPath, [path.join(js, `${name}.mjs`)], { stdio: "inherit", timeout: 600_000 })
process.exit(result.status ?? 1)
