/**
 * Docs that compile: every TypeScript block of the READMEs (`blocks.ts`) is
 * type-checked as a program against the workspace, with the compiler
 * settings of the repository.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { type Block, blocksOf, documents, root } from "./blocks.js"

// under examples/: its dependencies are the ones the READMEs use (the client, the testing package, OpenTelemetry)
const dir = path.join(root, "examples/.tsbuild/readme-blocks")

const nameOf = (block: Block): string => `${block.file.replace(/[/.]/g, "_")}_${block.line}.ts`

const blocks = documents().flatMap(blocksOf)

/** Every block type-checked at once: the diagnostics by block file. */
const diagnostics = (): Map<string, Array<string>> => {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  for (const block of blocks) fs.writeFileSync(path.join(dir, nameOf(block)), `${block.program}\n\nexport {}\n`)
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../tsconfig.base.json",
      compilerOptions: {
        noEmit: true,
        composite: false,
        incremental: false,
        declaration: false,
        declarationMap: false,
        sourceMap: false,
        // a snippet declares what it shows, whether it uses it or not
        noUnusedLocals: false,
        noUnusedParameters: false
      },
      include: ["*.ts"]
    })
  )
  let output = ""
  try {
    execFileSync(process.execPath, [require_tsc(), "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
      stdio: "pipe"
    })
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error)
  }
  const names = new Set(blocks.map(nameOf))
  const byFile = new Map<string, Array<string>>()
  for (const line of output.split("\n")) {
    if (line.trim() === "") continue
    const match = /readme-blocks[/\\]([^(]+)\((\d+),\d+\): (.*)$/.exec(line)
    // anything else the compiler says (its settings, a file outside the blocks) is a failure of the check itself
    const key = match !== null && names.has(match[1]) ? match[1] : "(tsc)"
    const list = byFile.get(key) ?? []
    list.push(match !== null && key !== "(tsc)" ? `line ${match[2]} of its program: ${match[3]}` : line)
    byFile.set(key, list)
  }
  return byFile
}

const require_tsc = (): string => path.join(root, "node_modules/typescript/bin/tsc")

describe("docs that compile", () => {
  let found: Map<string, Array<string>> | undefined
  const check = () => (found ??= diagnostics())

  it("finds the blocks of every README", () => {
    assert.includeMembers(documents(), ["README.md", "examples/README.md"])
    assert.isAbove(blocks.filter((b) => b.file === "README.md").length, 15)
  })

  it("runs the compiler", { timeout: 240_000 }, () => {
    const problems = check().get("(tsc)")
    assert.isUndefined(problems, problems?.slice(0, 20).join("\n"))
  })

  for (const block of blocks) {
    it(`${block.file}:${block.line}${block.fragment ? " (fragment)" : ""} type-checks`, { timeout: 240_000 }, () => {
      const problems = check().get(nameOf(block))
      assert.isUndefined(problems, `${block.file}:${block.line}\n${problems?.join("\n")}\n\n${block.code}`)
    })
    if (!block.fragment) {
      it(`${block.file}:${block.line} is complete: it imports what it uses`, () => {
        assert.match(
          block.code,
          /^import /m,
          `${block.file}:${block.line} has no import: add them, or mark it a fragment`
        )
      })
    }
  }
})
