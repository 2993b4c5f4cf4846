/**
 * How the examples run from the command line: against the real API when
 * `INTERCOM_TOKEN` is set (examples that write need `INTERCOM_ALLOW_WRITES=1`
 * too), otherwise against an in-process fake Intercom, so every example works
 * without an account.
 *
 * `INTERCOM_BASE_URL` points the client elsewhere, for example at
 * `pnpm --filter @effect-intercom/examples fake-server`.
 *
 * The tests import each example's `program` and run it with their own layers;
 * `run` only happens when the file is executed directly (`isMain`).
 */
import { Intercom, type IntercomClient } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { NodeContext, NodeHttpClient, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

/** True when the module of `importMetaUrl` is the script node was started with. */
export const isMain = (importMetaUrl: string): boolean => {
  const script = process.argv[1]
  if (script === undefined) return false
  const real = (p: string) => {
    try {
      return fs.realpathSync(p)
    } catch {
      return path.resolve(p)
    }
  }
  return real(fileURLToPath(importMetaUrl)) === real(script)
}

export interface RunOptions {
  /** The example writes (creates, tags, ...): the real API only with `INTERCOM_ALLOW_WRITES=1`. */
  readonly writes?: boolean
  /** Options of the fake used when there is no token. */
  readonly fake?: FakeIntercom.Options
}

/** The `Intercom` client: the real API with a token, else the fake. */
export const intercomLayer = (
  options: RunOptions = {}
): Layer.Layer<Intercom.Intercom | IntercomClient.IntercomClient> => {
  const token = process.env.INTERCOM_TOKEN
  const writesAllowed = options.writes !== true || process.env.INTERCOM_ALLOW_WRITES === "1"
  if (token !== undefined && token !== "" && writesAllowed) {
    // reads INTERCOM_TOKEN, INTERCOM_REGION, INTERCOM_BASE_URL and INTERCOM_VERSION
    return Intercom.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici), Layer.orDie)
  }
  const why = token === undefined || token === ""
    ? "INTERCOM_TOKEN is not set"
    : "this example writes, and INTERCOM_ALLOW_WRITES is not 1"
  return Layer.effectDiscard(Console.error(`(${why}: running against the fake Intercom)\n`)).pipe(
    Layer.provideMerge(FakeIntercom.layerIntercom(options.fake))
  )
}

/** Run an example's program from the command line. */
export const run = <A, E>(
  program: Effect.Effect<A, E, Intercom.Intercom | IntercomClient.IntercomClient | NodeContext.NodeContext>,
  options: RunOptions = {}
): void =>
  program.pipe(
    Effect.provide(Layer.merge(intercomLayer(options), NodeContext.layer)),
    NodeRuntime.runMain
  )
