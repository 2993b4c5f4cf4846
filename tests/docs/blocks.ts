/**
 * The TypeScript blocks of the Markdown docs, as programs to type-check.
 *
 * A block is complete (its imports included) or, when its first line is
 * `// continues the block above`, a fragment of the nearest complete block
 * above it: it is checked appended to that block (and to the fragments
 * between them).
 */
import * as fs from "node:fs"
import * as path from "node:path"

export const FRAGMENT = "// continues the block above"

export interface Block {
  /** The Markdown file, relative to the repository. */
  readonly file: string
  /** The line of the opening fence (1-based). */
  readonly line: number
  readonly code: string
  /** The program checked for it: the block, after the blocks it continues. */
  readonly program: string
  readonly fragment: boolean
}

export const root = path.resolve(import.meta.dirname, "../..")

/** The Markdown files whose blocks are checked: the READMEs of the repository, the packages and the examples. */
export const documents = (): Array<string> => [
  "README.md",
  "examples/README.md",
  ...fs.readdirSync(path.join(root, "packages"))
    .map((p) => `packages/${p}/README.md`)
    .filter((f) => fs.existsSync(path.join(root, f)))
    .sort()
]

const fence = /^```(ts|typescript)\s*$/

export const blocksOf = (file: string): Array<Block> => {
  const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n")
  const out: Array<Block> = []
  let base: string | undefined
  for (let i = 0; i < lines.length; i++) {
    if (!fence.test(lines[i])) continue
    const start = i
    const body: Array<string> = []
    for (i++; i < lines.length && !lines[i].startsWith("```"); i++) body.push(lines[i])
    const code = body.join("\n")
    const fragment = body[0]?.trim() === FRAGMENT
    if (fragment && base === undefined) {
      throw new Error(`${file}:${start + 1}: a fragment with no complete block above it`)
    }
    const program = fragment ? `${base}\n\n${code}` : code
    base = program
    out.push({ file, line: start + 1, code, program, fragment })
  }
  return out
}
