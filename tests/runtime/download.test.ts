/**
 * `Download.gunzip` on the byte stream of the binary methods, served by a mock
 * HttpClient: real gzip bodies (`zlib.gzipSync`), large ones streamed in small
 * chunks, corrupt and truncated ones, and a consumer that stops early.
 */
import { Download, Intercom, IntercomClient } from "@effect-intercom/client"
import * as DataExport from "@effect-intercom/client/stable/DataExport"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { gzipSync } from "node:zlib"
import { mock } from "./_mock.js"

const encoder = new TextEncoder()

/** A body read one chunk per pull (no read-ahead), counting pulls and noting a cancel. */
const chunked = (bytes: Uint8Array, chunkSize: number) => {
  const state = { pulls: 0, chunks: Math.ceil(bytes.length / chunkSize), cancelled: false, served: 0 }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls++
      if (state.served >= bytes.length) {
        controller.close()
        return
      }
      const end = Math.min(state.served + chunkSize, bytes.length)
      controller.enqueue(bytes.slice(state.served, end))
      state.served = end
    },
    cancel() {
      state.cancelled = true
    }
  }, { highWaterMark: 0 })
  return { state, body }
}

const octets = (body: BodyInit | null, status = 200) =>
  new Response(body, { status, headers: { "content-type": "application/octet-stream" } })

/** `Intercom` on a mock HttpClient answering every request with `respond()`. */
const intercomOn = (respond: () => Response) => {
  const m = mock(respond)
  return { ...m, live: Intercom.layerFromClient.pipe(Layer.provideMerge(m.layer())) }
}

const concat = (chunks: Chunk.Chunk<Uint8Array>): Uint8Array => {
  const all = Chunk.toReadonlyArray(chunks)
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const c of all) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

const equalBytes = (actual: Uint8Array, expected: Uint8Array, label: string) => {
  assert.strictEqual(actual.length, expected.length, `${label}: length`)
  assert.isTrue(Buffer.from(actual).equals(Buffer.from(expected)), `${label}: bytes`)
}

/** About `size` bytes of CSV, not very compressible (pseudo-random hex per line). */
const csv = (size: number): string => {
  const lines = ["id,email,score,token"]
  let n = lines[0].length + 1
  let seed = 42
  for (let i = 1; n < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    const line = `${i},user${i}@example.com,${seed % 1000},${seed.toString(16)}${(seed ^ i).toString(16)}`
    lines.push(line)
    n += line.length + 1
  }
  return lines.join("\n") + "\n"
}

/** How decompressing `dataExport.download`'s body fails. */
const downloadFailure = Stream.unwrap(DataExport.download({ job_identifier: "j" })).pipe(
  Download.gunzip,
  Stream.runDrain,
  Effect.flip
)

describe("Download.gunzip", () => {
  it.effect("decompresses a gzip export served to dataExport.download (Stream.unwrap)", () => {
    const original = encoder.encode("id,email\n1,ada@example.com\n2,grace@example.com\n")
    const m = intercomOn(() => octets(gzipSync(original)))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const bytes = yield* Stream.unwrap(intercom.dataExport.download({ job_identifier: "xyz1234" })).pipe(
        Download.gunzip,
        Stream.runCollect
      )
      equalBytes(concat(bytes), original, "decompressed")
      assert.strictEqual(m.requests.length, 1)
      assert.strictEqual(m.requests[0].url.pathname, "/download/content/data/xyz1234")
    }).pipe(Effect.provide(m.live))
  })

  it.effect("gzip'd CSV to lines: gunzip, decodeText, splitLines (the plain function, reporting data too)", () => {
    const m = mock(() => octets(gzipSync("id,email\r\n1,ada@example.com\r\n2,grace@example.com\r\n")))
    return Effect.gen(function*() {
      for (
        const download of [
          DataExport.download({ job_identifier: "j1" }),
          DataExport.downloadReportingDataExport({ app_id: "a1", job_identifier: "j1" })
        ]
      ) {
        const lines = yield* Stream.unwrap(download).pipe(
          Download.gunzip,
          Stream.decodeText(),
          Stream.splitLines,
          Stream.runCollect
        )
        assert.deepStrictEqual(Chunk.toReadonlyArray(lines), ["id,email", "1,ada@example.com", "2,grace@example.com"])
      }
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("5 MB of CSV in two gzip members, streamed 1 KiB at a time: the same bytes", () => {
    const text = csv(5 * 1024 * 1024)
    const original = encoder.encode(text)
    const half = text.indexOf("\n", text.length / 2) + 1
    const gz = Buffer.concat([gzipSync(text.slice(0, half)), gzipSync(text.slice(half))])
    const { body, state } = chunked(gz, 1024)
    const m = intercomOn(() => octets(body))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const bytes = yield* Stream.unwrap(intercom.dataExport.download({ job_identifier: "big" })).pipe(
        Download.gunzip,
        Stream.runCollect
      )
      equalBytes(concat(bytes), original, "decompressed")
      assert.isAbove(state.chunks, 1000, "the body is many chunks")
      assert.strictEqual(state.served, gz.length, "every chunk read")
    }).pipe(Effect.provide(m.live))
  })

  it.effect("taking the first line stops reading the body: most chunks are never pulled", () => {
    const text = csv(5 * 1024 * 1024)
    const gz = gzipSync(text)
    const { body, state } = chunked(gz, 1024)
    const m = intercomOn(() => octets(body))
    return Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const first = yield* Stream.unwrap(intercom.dataExport.download({ job_identifier: "big" })).pipe(
        Download.gunzip,
        Stream.decodeText(),
        Stream.splitLines,
        Stream.runHead
      )
      assert.deepStrictEqual(first, Option.some("id,email,score,token"))
      assert.isAbove(state.pulls, 0)
      assert.isBelow(state.pulls, state.chunks / 20, `${state.pulls} of ${state.chunks} chunks pulled`)
      const pulled = state.pulls
      // Nothing goes on reading in the background.
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 50)))
      assert.strictEqual(state.pulls, pulled, "no pull after the consumer stopped")
      assert.isTrue(state.cancelled, "the body was cancelled")
    }).pipe(Effect.provide(m.live))
  })

  // Live clock: real waits, for the decompressor to read ahead if it would.
  it.live("the consumer is in charge: a bounded read-ahead while it does not pull", () => {
    const gz = gzipSync(csv(2 * 1024 * 1024))
    const { body, state } = chunked(gz, 1024)
    const m = mock(() => octets(body))
    const wait = Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 50)))
    return Effect.gen(function*() {
      const pull = yield* Stream.unwrap(DataExport.download({ job_identifier: "j" })).pipe(
        Download.gunzip,
        Stream.toPull
      )
      yield* pull
      yield* wait
      const afterOne = state.pulls
      yield* wait
      assert.strictEqual(state.pulls, afterOne, "no reading while the consumer waits")
      assert.isBelow(afterOne, 64, `${afterOne} of ${state.chunks} chunks pulled for the first output`)
      for (let i = 0; i < 5; i++) yield* pull
      assert.isBelow(state.pulls, state.chunks / 10, `${state.pulls} of ${state.chunks} chunks pulled`)
    }).pipe(Effect.scoped, Effect.provide(m.layer()))
  })

  // Node 20's zlib-to-web-stream adapter throws an uncaught ERR_INVALID_STATE (a crash outside tests) when the
  // output is cancelled between a pull and the zlib stream resuming: stop early at many points, on a live clock.
  it.live("stopping early at any point throws nothing uncaught", () => {
    const gz = gzipSync(csv(512 * 1024))
    const uncaught: Array<unknown> = []
    const onUncaught = (error: unknown) => uncaught.push(error)
    return Effect.gen(function*() {
      process.on("uncaughtException", onUncaught)
      for (let n = 1; n <= 24; n++) {
        const { body, state } = chunked(gz, 512)
        const m = mock(() => octets(body))
        yield* Stream.unwrap(DataExport.download({ job_identifier: "j" })).pipe(
          Download.gunzip,
          Stream.toPull,
          Effect.flatMap((pull) => Effect.repeatN(pull, n - 1)),
          Effect.scoped,
          Effect.provide(m.layer())
        )
        assert.isBelow(state.served, gz.length)
      }
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 50)))
      assert.deepStrictEqual(uncaught, [])
    }).pipe(Effect.ensuring(Effect.sync(() => process.off("uncaughtException", onUncaught))))
  })

  it.effect("a failure is a failure only: no defect from releasing the decompressor", () => {
    const m = mock(() => octets("plain text, not gzip"))
    return Effect.gen(function*() {
      const exit = yield* Stream.unwrap(DataExport.download({ job_identifier: "j" })).pipe(
        Download.gunzip,
        Stream.runDrain,
        Effect.exit
      )
      assert(Exit.isFailure(exit))
      assert.strictEqual(Chunk.size(Cause.defects(exit.cause)), 0)
      assert.deepStrictEqual(Chunk.toReadonlyArray(Cause.failures(exit.cause)).map((e) => e._tag), ["DecompressError"])
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a body that is not gzip fails with DecompressError (NotGzip)", () => {
    const m = mock(() => octets("id,email\n1,ada@example.com\n"))
    return Effect.gen(function*() {
      const error = yield* downloadFailure
      assert(error._tag === "DecompressError")
      assert.strictEqual(error.reason, "NotGzip")
      assert.include(error.message, "cannot decompress gzip: the body is not gzip data")
      assert.instanceOf(error.cause, Error)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("an invalid deflate block fails with DecompressError (Corrupt) without reading the rest", () => {
    const gz = gzipSync(csv(256 * 1024))
    gz[10] = 0x07 // the first block header after the 10-byte gzip header: BTYPE 11, which does not exist
    const { body, state } = chunked(gz, 4096)
    const m = mock(() => octets(body))
    return Effect.gen(function*() {
      const error = yield* downloadFailure
      assert(error._tag === "DecompressError")
      assert.strictEqual(error.reason, "Corrupt")
      assert.isBelow(error.bytesRead, gz.length)
      assert.isBelow(state.served, gz.length, "the body was not read to its end")
      assert.include(error.message, "cannot decompress gzip: the gzip data is corrupt (within its first")
      assert.instanceOf(error.cause, Error)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("garbled deflate data fails with DecompressError (Corrupt), at the latest by its checksum", () => {
    const gz = gzipSync(csv(256 * 1024))
    // Flip bytes in the middle of the deflate data; the header stays valid.
    for (let i = 0; i < 64; i++) gz[Math.floor(gz.length / 3) + i] ^= 0x55
    const { body } = chunked(gz, 4096)
    const m = mock(() => octets(body))
    return Effect.gen(function*() {
      const error = yield* downloadFailure
      assert(error._tag === "DecompressError")
      assert.strictEqual(error.reason, "Corrupt")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a wrong checksum fails with DecompressError (Corrupt: zlib says Z_DATA_ERROR)", () => {
    const gz = gzipSync("id,email\n1,ada@example.com\n")
    gz[gz.length - 6] ^= 0xff // inside the CRC-32 of the trailer
    const m = mock(() => octets(gz))
    return Effect.gen(function*() {
      const error = yield* downloadFailure
      assert(error._tag === "DecompressError")
      assert.strictEqual(error.reason, "Corrupt")
      assert.strictEqual(error.bytesRead, gz.length)
    }).pipe(Effect.provide(m.layer()))
  })

  for (const [label, cut] of [["in the trailer", 4], ["mid-data", 0.5], ["to nothing", 1]] as const) {
    it.effect(`a truncated gzip (${label}) fails with DecompressError (Truncated)`, () => {
      const gz = gzipSync(csv(64 * 1024))
      const length = cut < 1 ? Math.floor(gz.length * cut) : cut === 1 ? 0 : gz.length - cut
      const m = mock(() => octets(gz.subarray(0, length)))
      return Effect.gen(function*() {
        const error = yield* downloadFailure
        assert(error._tag === "DecompressError")
        assert.strictEqual(error.reason, "Truncated")
        assert.strictEqual(error.bytesRead, length)
        assert.include(error.message, `the body ended after ${length} bytes, before the end of the gzip data`)
      }).pipe(Effect.provide(m.layer()))
    })
  }

  it.effect("the input's own errors pass through, not as DecompressError", () => {
    const gz = gzipSync(csv(256 * 1024))
    let pulls = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 3) controller.error(new Error("connection reset"))
        else controller.enqueue(gz.slice((pulls - 1) * 1024, pulls * 1024))
      }
    }, { highWaterMark: 0 })
    const m = mock(() => octets(body))
    return Effect.gen(function*() {
      const error = yield* downloadFailure
      assert.strictEqual(error._tag, "ResponseError")
    }).pipe(Effect.provide(m.layer()))
  })

  // Live clock: the idle time-out is a real 50 ms.
  it.live("an idle time-out of the body passes through as TimeoutError (kind idle)", () => {
    const gz = gzipSync(csv(64 * 1024))
    let pulls = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Two chunks, then silence.
        if (pulls++ >= 2) return new Promise<void>(() => {})
        controller.enqueue(gz.slice((pulls - 1) * 1024, pulls * 1024))
        return undefined
      }
    }, { highWaterMark: 0 })
    const m = mock(() => octets(body))
    return Effect.gen(function*() {
      const download = DataExport.download({ job_identifier: "j" }).pipe(IntercomClient.withIdleTimeout("50 millis"))
      const error = yield* Stream.unwrap(download).pipe(
        Download.gunzip,
        Stream.runDrain,
        Effect.flip
      )
      assert(error._tag === "TimeoutError")
      assert.strictEqual(error.kind, "idle")
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("each run has its own decompressor: running the stream twice sends two requests", () => {
    const original = encoder.encode("a,b\n1,2\n")
    const m = mock(() => octets(gzipSync(original)))
    return Effect.gen(function*() {
      const stream = Stream.unwrap(DataExport.download({ job_identifier: "j" })).pipe(Download.gunzip)
      equalBytes(concat(yield* Stream.runCollect(stream)), original, "first run")
      equalBytes(concat(yield* Stream.runCollect(stream)), original, "second run")
      assert.strictEqual(m.requests.length, 2)
    }).pipe(Effect.provide(m.layer()))
  })

  it.effect("a 404 fails before any stream (NotFoundError), gunzip is not involved", () => {
    const m = mock(() =>
      new Response(JSON.stringify({ type: "error.list", errors: [{ code: "not_found", message: "No export" }] }), {
        status: 404,
        headers: { "content-type": "application/json" }
      })
    )
    return Effect.gen(function*() {
      const error = yield* downloadFailure
      assert.strictEqual(error._tag, "NotFoundError")
    }).pipe(Effect.provide(m.layer()))
  })
})
