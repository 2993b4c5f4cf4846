/**
 * `pnpm codegen [spec-dir] [--check]`: regenerate `packages/client/src/generated`
 * from the Intercom descriptions (default `../shared/spec` beside the
 * repository). With `--check`, write nothing and fail when the committed files
 * are stale.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { generate } from "./generate.js"
import { defaultSpecDir, loadSpecs } from "./spec.js"

export const defaultOutDir = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client/src/generated")

const listFiles = (dir: string, base = dir): Array<string> =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]
    )
    : []

/** The files that differ between the generator's output and the directory. */
export const staleFiles = (files: Map<string, string>, outDir: string): Array<string> => {
  const stale: Array<string> = []
  for (const [rel, content] of files) {
    const file = path.join(outDir, rel)
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) stale.push(rel)
  }
  for (const rel of listFiles(outDir)) if (!files.has(rel)) stale.push(rel)
  return stale.sort()
}

const main = () => {
  const args = process.argv.slice(2)
  const check = args.includes("--check")
  const outIndex = args.indexOf("--out")
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : defaultOutDir()
  const positional = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--out")
  const specDir = positional[0] ? path.resolve(positional[0]) : defaultSpecDir()
  const started = Date.now()
  const files = generate(loadSpecs(specDir))
  if (check) {
    const stale = staleFiles(files, outDir)
    if (stale.length > 0) {
      console.error(
        `Generated code is stale (${stale.length} files), run \`pnpm codegen\`:\n  ${stale.slice(0, 20).join("\n  ")}`
      )
      process.exit(1)
    }
    console.log(`Generated code is up to date (${files.size} files).`)
    return
  }
  for (const rel of listFiles(outDir)) if (!files.has(rel)) fs.rmSync(path.join(outDir, rel))
  let bytes = 0
  for (const [rel, content] of files) {
    const file = path.join(outDir, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) fs.writeFileSync(file, content)
    bytes += content.length
  }
  console.log(
    `Wrote ${files.size} files (${(bytes / 1024).toFixed(0)} KiB) to ${path.relative(process.cwd(), outDir)} in ${
      Date.now() - started
    } ms.`
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
