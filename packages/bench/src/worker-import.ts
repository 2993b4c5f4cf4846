/**
 * S5 cold import, in a fresh process: the time of one dynamic `import()` of
 * the module given (a plain-JS file or a package name), from just before the
 * call to its resolution. Prints `{ ms }`.
 *
 * `node worker-import.mjs <specifier> [<specifier> ...]` (imported in order,
 * timed together).
 */
const specifiers = process.argv.slice(2)
const t = performance.now()
for (const specifier of specifiers) await import(specifier)
const ms = performance.now() - t
process.stdout.write(JSON.stringify({ ms }) + "\n")
