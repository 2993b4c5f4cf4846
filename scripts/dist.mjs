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
import { createRequire } from "node:module"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
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

// The layout of `dist/esm` and `dist/cjs`: `bundle` (the default) is one file per public entry point, shared code
// in chunks (esbuild's code splitting), `effect` and every other package external; `files` (DIST_LAYOUT=files) is
// one file per source module, as tsc emitted them. The bench README's findings compare the two.
const layout = process.env.DIST_LAYOUT ?? "bundle"

// The public entry points, derived from `exports` (never listed here): each exact key's `import` target, and each
// file a pattern key (`./stable/*`) reaches, unless Node would resolve that subpath to another key (a longer
// pattern such as `./stable/schemas/*`, mapped to null). Paths relative to `build/esm`, each with the key that exports
// it.
const publicEntries = (exports, candidates) => {
  const esm = (
    target
  ) => (typeof target === "string" && target.startsWith("./dist/esm/") ? target.slice(11) : undefined)
  const importOf = (value) => (value !== null && typeof value === "object" ? esm(value.import) : undefined)
  // Node's PATTERN_KEY_COMPARE: the longest prefix before the `*` wins
  const patterns = Object.keys(exports).filter((key) => key.includes("*"))
    .sort((a, b) => b.indexOf("*") - a.indexOf("*") || b.length - a.length)
  const resolveKey = (subpath) => {
    if (Object.hasOwn(exports, subpath)) return subpath
    return patterns.find((key) => {
      const [prefix, suffix] = key.split("*")
      return subpath.length >= key.length && subpath.startsWith(prefix) && subpath.endsWith(suffix)
    })
  }
  const entries = new Map()
  for (const [key, value] of Object.entries(exports)) {
    const target = importOf(value)
    if (target === undefined) continue
    if (!key.includes("*")) {
      if (candidates.includes(target)) entries.set(target, key)
      continue
    }
    const [prefix, suffix] = target.split("*")
    const [keyPrefix, keySuffix] = key.split("*")
    for (const file of candidates) {
      if (!file.startsWith(prefix) || !file.endsWith(suffix) || file.length < target.length - 1) continue
      const star = file.slice(prefix.length, file.length - suffix.length)
      if (resolveKey(keyPrefix + star + keySuffix) === key) entries.set(file, key)
    }
  }
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
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
    if (layout === "files") copy(file, "esm")
    if (file.endsWith(".js")) js.push(path.join(buildDir, file))
  }
}

// ES modules (under `outbase`) converted one file each to CommonJS in `dist/cjs`, source maps kept.
const toCommonJs = (entryPoints, outbase) =>
  esbuild.build({
    entryPoints,
    outbase,
    outdir: path.join(distDir, "cjs"),
    format: "cjs",
    platform: "neutral",
    target: "es2022",
    bundle: false,
    sourcemap: true,
    logLevel: "warning"
  })

let modules = js.length
if (layout === "files") {
  await toCommonJs(js, buildDir)
} else {
  const entries = publicEntries(publishConfig?.exports ?? {}, files.filter((file) => file.endsWith(".js")))
  // The entry points of one pattern key (`./stable/*`: its 33 resource groups and `Schemas`) are grouped: their code is
  // bundled once, from a module re-exporting all of them under prefixed names (`Contacts$find`), and each entry
  // point's file is a stub re-exporting its names from that group. Node then loads a handful of files for
  // `/Intercom`, which imports every resource, instead of one or more per resource (88 files before, each costing
  // the loader about a millisecond); a bundler still follows the stubs' static re-exports and drops what a program
  // does not use.
  const groups = new Map()
  const single = []
  for (const [file, key] of entries) {
    if (!key.includes("*")) {
      single.push(file)
      continue
    }
    const name = `group-${key.slice(2).replace(/\/?\*.*$/, "").replace(/[^A-Za-z0-9]+/g, "_")}`
    if (!groups.has(name)) groups.set(name, [])
    groups.get(name).push(file)
  }
  const exportsOf = async (file) =>
    Object.keys(await import(pathToFileURL(path.join(buildDir, file)).href)).filter((key) => key !== "default")
  const members = new Map()
  for (const files of groups.values()) {
    for (const file of files) members.set(file, await exportsOf(file))
  }
  const prefix = (file) => path.basename(file, ".js").replace(/[^A-Za-z0-9_$]/g, "_")
  const groupSource = (files) =>
    files.map((file) =>
      `export { ${members.get(file).map((m) => `${m} as ${prefix(file)}$${m}`).join(", ")} } from "./${file}"\n`
    ).join("")
  const virtual = {
    name: "groups",
    setup(build) {
      build.onResolve({ filter: /^group:/ }, (args) => ({ path: args.path.slice(6), namespace: "group" }))
      build.onLoad(
        { filter: /.*/, namespace: "group" },
        (args) => ({ contents: groupSource(groups.get(args.path)), resolveDir: buildDir, loader: "js" })
      )
    }
  }
  // A root, an entry point no module of the package imports (the index: `export * as IntercomClient from
  // "./IntercomClient.js"`, ...), keeps its imports of other entry points as imports of their files. Bundled, each
  // such namespace became an object built in the shared chunk (`__export(IntercomClient_exports, { ... })`), a call
  // that a bundler consuming `dist` must keep, and with it every export of the module, used or not; as an import it
  // is the module's own namespace. A root's code is in its own file (nothing else imports it), at the same path
  // relative to its imports as in `build/esm`, so the specifiers stay as written.
  const analysis = await esbuild.build({
    entryPoints: single.map((file) => path.join(buildDir, file)),
    bundle: true,
    packages: "external",
    platform: "neutral",
    write: false,
    metafile: true,
    outdir: distDir,
    logLevel: "silent"
  })
  const imported = new Set(
    Object.values(analysis.metafile.inputs).flatMap((input) => input.imports.map((i) => path.resolve(i.path)))
  )
  const entryFiles = new Set(entries.map(([file]) => path.join(buildDir, file)))
  const roots = new Set(single.map((file) => path.join(buildDir, file)).filter((file) => !imported.has(file)))
  const rootImports = {
    name: "root-imports",
    setup(build) {
      build.onResolve(
        { filter: /^\.\.?\// },
        (args) =>
          roots.has(args.importer) && entryFiles.has(path.resolve(path.dirname(args.importer), args.path))
            ? { path: args.path, external: true }
            : undefined
      )
    }
  }
  // ESM: every public entry point one file, the code two or more of them share in `chunks/` (so a class such as
  // `IntercomError.NotFoundError` or the `IntercomClient` tag exists once at run time, whichever entry point it is
  // imported from). Bundled from tsc's ESM (whose `/*#__PURE__*/` annotations esbuild keeps, so a bundler consuming
  // `dist` still drops what a program does not use), its source maps chained back to `src`.
  const result = await esbuild.build({
    entryPoints: {
      ...Object.fromEntries(single.map((file) => [file.slice(0, -3), path.join(buildDir, file)])),
      ...Object.fromEntries([...groups.keys()].map((name) => [`chunks/${name}`, `group:${name}`]))
    },
    outdir: path.join(distDir, "esm"),
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    splitting: true,
    bundle: true,
    packages: "external",
    platform: "neutral",
    target: "es2022",
    sourcemap: true,
    metafile: true,
    plugins: [virtual, rootImports],
    logLevel: "warning"
  })
  const stubs = []
  for (const [name, files] of groups) {
    for (const file of files) {
      const stub = path.join(distDir, "esm", file)
      const group = path.relative(path.dirname(stub), path.join(distDir, "esm", "chunks", `${name}.js`))
      fs.mkdirSync(path.dirname(stub), { recursive: true })
      fs.writeFileSync(
        stub,
        `export { ${members.get(file).map((m) => `${prefix(file)}$${m} as ${m}`).join(", ")} } from "./${group}"\n`
      )
      stubs.push(stub)
    }
  }
  const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js"))
  modules = outputs.length + stubs.length
  // CommonJS: each of those files converted on its own (imports of chunks become `require`s of the same chunks), so
  // the CommonJS build shares its code across entry points exactly as the ESM build does.
  await toCommonJs([...outputs.map((file) => path.resolve(file)), ...stubs], path.join(distDir, "esm"))
}

const write = (to, json) =>
  fs.writeFileSync(path.join(distDir, to, "package.json"), JSON.stringify(json, null, 2) + "\n")
write("esm", { type: "module", sideEffects: [] })
write("cjs", { type: "commonjs", sideEffects: [] })
// Declarations are read as CommonJS-format, as with the `@effect/*` packages (whose package.json has no "type"):
// then both `import` and `require` consumers type-check against the same files.
write("dts", { type: "commonjs" })

// Shared code exists once at run time: every export of each namespace of the index is the very object its own entry
// point exports (`IntercomError.NotFoundError`, the `IntercomClient` tag), in the ESM and in the CommonJS build.
{
  const require = createRequire(path.join(distDir, "cjs", "index.js"))
  const esmIndex = await import(pathToFileURL(path.join(distDir, "esm", "index.js")).href)
  const cjsIndex = require(path.join(distDir, "cjs", "index.js"))
  for (
    const [format, index, load] of [
      ["esm", esmIndex, (name) => import(pathToFileURL(path.join(distDir, "esm", `${name}.js`)).href)],
      ["cjs", cjsIndex, async (name) => require(path.join(distDir, "cjs", `${name}.js`))]
    ]
  ) {
    for (const [name, namespace] of Object.entries(index)) {
      const entry = await load(name)
      for (const [key, value] of Object.entries(namespace)) {
        // (esbuild's CommonJS interop adds `default`, the module itself)
        if (entry[key] !== value && !(key === "default" && value === entry)) {
          console.error(`dist: ${format}: ${name}.${key} from the index is not the one of ./${name}`)
          process.exit(1)
        }
      }
    }
  }
}

console.log(`dist: ${layout} layout, ${modules} modules (from ${js.length}) in ${Date.now() - started} ms`)
