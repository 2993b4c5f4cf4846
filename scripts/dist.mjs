// Lays out a package's publishable `dist/` the way the `@effect/*` packages do, from the ESM that `tsc -b`
// already emitted into `build/esm` (the incremental type-check build, so a warm build costs seconds):
//
//   dist/esm  ES modules (`.js` + source maps), with a package.json saying `"type": "module"`
//   dist/cjs  CommonJS (esbuild, one file per module, maps back to `src`), `"type": "commonjs"`
//   dist/dts  declarations (`.d.ts` + declaration maps)
//
// It also checks the package.json's `publishConfig.typesVersions` against `publishConfig.exports`, the one list of
// public subpaths: TypeScript's `"moduleResolution": "node"` (node10) ignores `exports` and finds a subpath's types
// only through `typesVersions`, which must therefore map each subpath of `exports` to the same `types` target, and
// each subpath mapped to null to `[]` (else, in the client, `stable/schemas/X` would resolve through `stable/*`).
// When they disagree the build fails and prints the map to paste.
//
// Usage, from a package directory: `node ../../scripts/dist.mjs` (after `tsc -b tsconfig.json`).
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"
import { isDeepStrictEqual } from "node:util"

const pkgDir = process.cwd()
const buildDir = path.join(pkgDir, "build", "esm")
const distDir = path.join(pkgDir, "dist")

if (!fs.existsSync(buildDir)) {
  console.error(`dist: ${buildDir} is missing: run \`tsc -b tsconfig.json\` first`)
  process.exit(1)
}

// `typesVersions` as derived from `exports`: "./X" → "X", its `types` target; null → [] (hidden); "." and
// "./package.json" (a plain string) are left out, the root's types being the `types` field.
const typesVersionsOf = (exports) => {
  const paths = {}
  for (const [key, value] of Object.entries(exports)) {
    if (key === "." || !key.startsWith("./")) continue
    if (value === null) paths[key.slice(2)] = []
    else if (typeof value === "object" && typeof value.types === "string") paths[key.slice(2)] = [value.types]
  }
  return { "*": paths }
}
const { name, publishConfig } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"))
if (publishConfig?.exports !== undefined) {
  const expected = typesVersionsOf(publishConfig.exports)
  if (publishConfig.typesVersions === undefined) {
    if (Object.keys(expected["*"]).length > 0) {
      console.warn(
        `dist: ${name} has no publishConfig.typesVersions: "moduleResolution": "node" consumers will not `
          + `find the types of its subpaths`
      )
    }
  } else if (!isDeepStrictEqual(publishConfig.typesVersions, expected)) {
    console.error(
      `dist: ${name}: publishConfig.typesVersions does not match publishConfig.exports; it should be\n`
        + JSON.stringify(expected, null, 2)
    )
    process.exit(1)
  }
}

const started = Date.now()
fs.rmSync(distDir, { recursive: true, force: true })

const files = fs.readdirSync(buildDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(buildDir, path.join(entry.parentPath, entry.name)))

// `build/esm` and `dist/esm` (or `dist/dts`) are at the same depth, so the maps' relative `sources` stay right.
const copy = (file, to) => {
  const target = path.join(distDir, to, file)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(path.join(buildDir, file), target)
}
const js = []
for (const file of files) {
  if (file.endsWith(".d.ts") || file.endsWith(".d.ts.map")) copy(file, "dts")
  else if (file.endsWith(".js") || file.endsWith(".js.map")) {
    copy(file, "esm")
    if (file.endsWith(".js")) js.push(path.join(buildDir, file))
  }
}

await esbuild.build({
  entryPoints: js,
  outbase: buildDir,
  outdir: path.join(distDir, "cjs"),
  format: "cjs",
  platform: "neutral",
  target: "es2022",
  bundle: false,
  sourcemap: true,
  logLevel: "warning"
})

const write = (to, json) =>
  fs.writeFileSync(path.join(distDir, to, "package.json"), JSON.stringify(json, null, 2) + "\n")
write("esm", { type: "module", sideEffects: [] })
write("cjs", { type: "commonjs", sideEffects: [] })
// Declarations are read as CommonJS-format, as with the `@effect/*` packages (whose package.json has no "type"):
// then both `import` and `require` consumers type-check against the same files.
write("dts", { type: "commonjs" })

console.log(`dist: ${js.length} modules in ${Date.now() - started} ms`)
