/**
 * `pnpm codegen [spec-dir] [--check] [--out dir] [--readme file]`: regenerate
 * `packages/client/src/generated` from the Intercom descriptions (default
 * `../shared/spec` beside the repository), and the table of the methods no
 * official SDK has between the README's `<!-- versions:start -->` and
 * `<!-- versions:end -->`. With `--check`, write nothing and fail when the
 * committed files or that table are stale.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { generateFakeAnswers } from "./fakeAnswers.js"
import { generate } from "./generate.js"
import { defaultSpecDir, loadSpecs } from "./spec.js"
import { readmeTable, withReadmeTable } from "./versions.js"

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

/** Where the fake Intercom's generated answers go (`fakeAnswers.ts`). */
export const defaultTestingOutDir = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../testing/src/generated")

/** The repository's README, whose `versions` block (`versions.ts`) the generator writes. */
export const defaultReadme = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../README.md")

/** The README with the generated versions table, or `undefined` when the file already has it. */
export const staleReadme = (table: string, readme: string): string | undefined => {
  const current = fs.readFileSync(readme, "utf8")
  const wanted = withReadmeTable(current, table)
  return wanted === current ? undefined : wanted
}

const main = () => {
  const args = process.argv.slice(2)
  const check = args.includes("--check")
  const outIndex = args.indexOf("--out")
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : defaultOutDir()
  const positional = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--out" && args[i - 1] !== "--readme")
  const specDir = positional[0] ? path.resolve(positional[0]) : defaultSpecDir()
  const started = Date.now()
  const readmeIndex = args.indexOf("--readme")
  const readme = readmeIndex >= 0 ? path.resolve(args[readmeIndex + 1]) : defaultReadme()
  const specs = loadSpecs(specDir)
  const files = generate(specs)
  // the client's code, and the fake's answers (not with `--out`, which redirects the client's alone)
  const outputs: ReadonlyArray<readonly [string, Map<string, string>]> = [
    [outDir, files],
    ...(outIndex >= 0 ? [] : [[defaultTestingOutDir(), generateFakeAnswers(specs)] as const])
  ]
  const readmeText = staleReadme(readmeTable(specs), readme)
  if (check) {
    const stale = outputs.flatMap(([dir, generated]) =>
      staleFiles(generated, dir).map((rel) => path.relative(process.cwd(), path.join(dir, rel)))
    )
    if (readmeText !== undefined) stale.push(`${path.relative(process.cwd(), readme)} (the versions table)`)
    if (stale.length > 0) {
      console.error(
        `Generated code is stale (${stale.length} files), run \`pnpm codegen\`:\n  ${stale.slice(0, 20).join("\n  ")}`
      )
      process.exit(1)
    }
    console.log(`Generated code is up to date (${outputs.reduce((n, [, g]) => n + g.size, 0)} files).`)
    return
  }
  let bytes = 0
  for (const [dir, generated] of outputs) {
    for (const rel of listFiles(dir)) if (!generated.has(rel)) fs.rmSync(path.join(dir, rel))
    for (const [rel, content] of generated) {
      const file = path.join(dir, rel)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) fs.writeFileSync(file, content)
      bytes += content.length
    }
  }
  if (readmeText !== undefined) fs.writeFileSync(readme, readmeText)
  const where = outputs.map(([dir, generated]) => `${generated.size} to ${path.relative(process.cwd(), dir)}`)
  console.log(`Wrote ${where.join(", ")} (${(bytes / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms.`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
