/**
 * What to do with the body of a download: the methods whose response is
 * binary (`dataExport.download`, `dataExport.downloadReportingDataExport` and
 * `unstable.dataExport.downloadDataExport`) succeed with an `Effect` of a lazy
 * byte `Stream` (`Operation.ByteStream`) once the response headers arrive;
 * `Stream.unwrap` makes the two one `Stream`.
 *
 * Intercom's content data export is "streamed continuously back down to you in
 * a gzipped CSV format" (the 2.14 description of
 * `GET /download/content/data/{job_identifier}`): `gunzip` decompresses it as
 * it arrives, with the platform's own `DecompressionStream("gzip")` (Node 18+,
 * browsers, Deno, Bun, workers), a bounded amount at a time. The spec does
 * not say what format `GET /download/reporting_data/{job_identifier}` answers
 * in ("Export file downloaded"); `gunzip` on a body that is not gzip fails
 * with a `DecompressError` whose `reason` is `NotGzip`.
 *
 * ```ts
 * import * as Download from "@effect-intercom/client/Download"
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * // The first line of the export (its CSV header): the rest of the body is never read.
 * const header = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* Stream.unwrap(intercom.dataExport.download({ job_identifier: "xyz1234" })).pipe(
 *     Download.gunzip,
 *     Stream.decodeText(),
 *     Stream.splitLines,
 *     Stream.runHead
 *   )
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

/**
 * Why a compressed body could not be decompressed:
 *
 * - `NotGzip`: its first bytes are not gzip's (`1f 8b`): the body is not
 *   compressed, or an HTTP client already decoded it (a response sent with
 *   `Content-Encoding: gzip` arrives decoded from `fetch` and undici);
 * - `Truncated`: the body ended before the end of the gzip data (a download
 *   cut short; an empty body too). Told apart from `Corrupt` by when the
 *   failure comes (once the whole body was read) and, on Node, by zlib's code;
 *   where the platform gives no code, a bad checksum at the very end reads as
 *   `Truncated`;
 * - `Corrupt`: the gzip data is invalid (a bad block or checksum);
 * - `Unavailable`: the platform has no `DecompressionStream`.
 *
 * @since 0.1.0
 * @category models
 */
export type DecompressFailure = "NotGzip" | "Truncated" | "Corrupt" | "Unavailable"

/**
 * A byte stream given to `gunzip` is not valid gzip data. `bytesRead` counts
 * the compressed bytes read before the failure; `cause` is the platform's
 * error.
 *
 * @since 0.1.0
 * @category errors
 */
export class DecompressError extends Schema.TaggedError<DecompressError>()("DecompressError", {
  reason: Schema.Literal("NotGzip", "Truncated", "Corrupt", "Unavailable"),
  format: Schema.Literal("gzip"),
  bytesRead: Schema.Number,
  cause: Schema.Unknown
}) {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    const why = this.reason === "NotGzip"
      ? "the body is not gzip data (it does not start with 1f 8b: not compressed, or already decoded by the HTTP client?)"
      : this.reason === "Truncated"
      ? `the body ended after ${this.bytesRead} bytes, before the end of the gzip data (a download cut short?)`
      : this.reason === "Corrupt"
      ? `the gzip data is corrupt (within its first ${this.bytesRead} bytes)`
      : "this platform has no DecompressionStream"
    const cause = this.cause instanceof Error ? `: ${this.cause.message}` : ""
    return `cannot decompress ${this.format}: ${why}${cause}`
  }
}

const GZIP_MAGIC_0 = 0x1f
const GZIP_MAGIC_1 = 0x8b

/** Node's zlib says `Z_DATA_ERROR` for invalid data (a bad block, a bad checksum) and `Z_BUF_ERROR` for an early end. */
const isDataError = (cause: unknown): boolean =>
  typeof cause === "object" && cause !== null && "code" in cause && cause.code === "Z_DATA_ERROR"

/**
 * Decompresses a gzip byte stream as it is read: each chunk of the input is
 * written to the platform's `DecompressionStream("gzip")` while its output is
 * read, so memory stays bounded (a chunk or two plus the decompressor's
 * window) whatever the size of the download, and the input is pulled only as
 * fast as the output is consumed. When the consumer stops (`Stream.take`,
 * `Stream.runHead`, an interruption), the input stops being read and the
 * decompressor is released.
 *
 * Invalid gzip data fails the stream with a `DecompressError`; the input's
 * own errors (an idle time-out, a transport failure) pass through unchanged.
 * On Node (zlib), concatenated gzip members decompress one after the other.
 *
 * To read lines: `Stream.decodeText()` then `Stream.splitLines`. Lines are not
 * CSV records when a quoted field holds a line break; use a CSV parser for
 * that.
 *
 * @example
 * ```ts
 * import * as Download from "@effect-intercom/client/Download"
 * import * as Chunk from "effect/Chunk"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 * import { gzipSync } from "node:zlib"
 *
 * const lines = Stream.make(new Uint8Array(gzipSync("id,email\n1,ada@example.com\n"))).pipe(
 *   Download.gunzip,
 *   Stream.decodeText(),
 *   Stream.splitLines,
 *   Stream.runCollect,
 *   Effect.map(Chunk.toReadonlyArray)
 * )
 * // Effect<ReadonlyArray<string>, DecompressError>: ["id,email", "1,ada@example.com"]
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const gunzip = <E, R>(
  self: Stream.Stream<Uint8Array, E, R>
): Stream.Stream<Uint8Array, E | DecompressError, R> =>
  Stream.unwrapScoped(Effect.suspend(() => {
    if (typeof DecompressionStream === "undefined") {
      return Effect.fail(
        new DecompressError({
          reason: "Unavailable",
          format: "gzip",
          bytesRead: 0,
          cause: new Error("DecompressionStream is not defined")
        })
      )
    }
    let bytesRead = 0
    let ended = false
    let done = false
    const head: Array<number> = []
    const fail = (cause: unknown): DecompressError =>
      new DecompressError({
        reason: head.length === 2 && (head[0] !== GZIP_MAGIC_0 || head[1] !== GZIP_MAGIC_1)
          ? "NotGzip"
          : ended && !isDataError(cause)
          ? "Truncated"
          : "Corrupt",
        format: "gzip",
        bytesRead,
        cause
      })

    // One decompressor per run of the stream, released with the run's scope.
    return Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => {
          const decompressor = new DecompressionStream("gzip")
          return { reader: decompressor.readable.getReader(), writer: decompressor.writable.getWriter() }
        }),
        ({ reader }) => done ? Effect.void : cancelLater(reader)
      ),
      ({ reader, writer }) => {
        const write = (bytes: Uint8Array): Effect.Effect<void, DecompressError> => {
          if (bytes.length === 0) return Effect.void
          for (let i = 0; head.length < 2 && i < bytes.length; i++) head.push(bytes[i])
          bytesRead += bytes.length
          // A view of a SharedArrayBuffer is not a BufferSource: copied (bodies read from the network never are).
          const chunk = bytes.buffer instanceof ArrayBuffer ? bytes as Uint8Array<ArrayBuffer> : new Uint8Array(bytes)
          // Awaiting each write is the back-pressure: the decompressor takes more bytes only as its output is read.
          return Effect.tryPromise({ try: () => writer.write(chunk), catch: fail })
        }
        const feed = Effect.zipRight(
          Stream.runForEachChunk(self, (chunk) => Effect.forEach(chunk, write, { discard: true })),
          Effect.suspend(() => {
            ended = true
            return Effect.tryPromise({ try: () => writer.close(), catch: fail })
          })
        )
        const output = Stream.repeatEffectOption(
          Effect.flatMap(
            Effect.tryPromise({ try: () => reader.read(), catch: (cause) => Option.some(fail(cause)) }),
            (result) => {
              if (!result.done) return Effect.succeed(result.value)
              done = true
              return Effect.fail(Option.none())
            }
          )
        )
        // The output ends once the decompressor has flushed (after the input ended); a failure of either side, or
        // the consumer stopping, stops both.
        return Stream.merge(output, Stream.execute(feed), { haltStrategy: "left" })
      }
    )
  }))

/**
 * Cancels the decompressor's output (which frees it), in a later macrotask and ignoring the outcome. Node 20's
 * adapter of zlib to web streams resumes the zlib stream on a `process.nextTick` after each pull; a cancel in between
 * closes the web stream first, and the resumed zlib stream then enqueues into the closed stream, which throws an
 * uncaught `ERR_INVALID_STATE` ("Controller is already closed") that would crash the process. By the next
 * macrotask every pending tick has run.
 */
const cancelLater = (reader: ReadableStreamDefaultReader<Uint8Array>): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    setTimeout(() => {
      reader.cancel().then(() => resume(Effect.void), () => resume(Effect.void))
    }, 0)
  })
