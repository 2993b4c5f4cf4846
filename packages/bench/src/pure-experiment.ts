/**
 * `tsx src/pure-experiment.ts` (after a `pnpm bench`, which writes the
 * programs to `.out/programs`): the S5 bundles as they are, and with every
 * `Schema.*(` and `Operation.make(` call of our generated code annotated
 * `/*#__PURE__*\/` by an esbuild plugin at load time (nothing is written to
 * packages/client). Evidence for the codegen change proposed in the README.
 */
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as zlib from "node:zlib"
import { programs } from "./bundles.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, "..", ".out", "programs")

const pure: esbuild.Plugin = {
  name: "pure",
  setup(build) {
    build.onLoad({ filter: /client\/src\/generated\/.*\.ts$/ }, (args) => ({
      contents: fs
        .readFileSync(args.path, "utf8")
        .replace(/(?<![\w.])(Schema\.[A-Za-z]+\(|Operation\.make(<[^(]*>)?\()/g, "/*#__PURE__*/ $1"),
      loader: "ts"
    }))
  }
}

const main = async () => {
  console.log("| program | generated code | gzip KB | our generated files in it |")
  console.log("| --- | --- | ---: | ---: |")
  const names = Object.keys(programs)
  for (let i = 0; i < names.length; i++) {
    if (!names[i]!.startsWith("ours") && !names[i]!.startsWith("bare")) continue
    for (const plugins of [[], [pure]]) {
      const result = await esbuild.build({
        entryPoints: [path.join(dir, `program-${i}.ts`)],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        write: false,
        metafile: true,
        logLevel: "silent",
        plugins
      })
      const code = result.outputFiles[0]!.contents
      const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
      const generated = inputs.filter(([file, i]) =>
        file.includes("client/src/generated/") && i.bytesInOutput > 0
      ).length
      const kb = (zlib.gzipSync(code, { level: 9 }).byteLength / 1024).toFixed(1)
      console.log(`| ${names[i]} | ${plugins.length ? "annotated" : "as is"} | ${kb} | ${generated} |`)
    }
  }
}

main()
