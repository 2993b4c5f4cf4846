/**
 * Search conversations with a nested query: the open or snoozed ones that
 * are about billing or are marked priority, created since 2022.
 *
 *   (state = open OR state = snoozed)
 *   AND (source.body ~ "billing" OR priority = priority)
 *   AND created_at > 2022-01-01
 *
 *   pnpm --filter @effect-intercom/examples search-conversations
 *
 * Intercom allows 2 levels of AND/OR groups and 15 filters per group.
 */
import * as Search from "@effect-intercom/client/Search"
import * as Chunk from "effect/Chunk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { isMain, run } from "./support/Example.js"

/**
 * The query, typed: a field Intercom does not search, or an operator its type
 * does not take (`~` on a date), does not compile; the limits (2 levels, 15
 * filters per group) are checked before anything is sent.
 */
export const query = Search.and(
  Search.or(
    Search.conversations.where("state", "=", "open"),
    Search.conversations.where("state", "=", "snoozed")
  ),
  Search.or(
    Search.conversations.where("source.body", "~", "billing"),
    Search.conversations.where("priority", "=", "priority")
  ),
  Search.conversations.field("created_at").after(new Date(Date.UTC(2022, 0, 1))) // sent as Unix seconds
)

export const program = Effect.gen(function*() {
  const matches = yield* Search.stream(query, Search.conversations, { per_page: 150 }).pipe(
    Stream.take(500),
    Stream.runCollect,
    Effect.map(Chunk.toReadonlyArray)
  )

  yield* Console.log(`${matches.length} open or snoozed conversations about billing, or priority:`)
  for (const conversation of matches.slice(0, 10)) {
    const about = (conversation.source?.body ?? "").replace(/<[^>]*>/g, "").slice(0, 60)
    yield* Console.log(
      `- #${conversation.id} [${conversation.state}${
        conversation.priority === "priority" ? ", priority" : ""
      }] ${about}`
    )
  }
  if (matches.length > 10) yield* Console.log(`  ... and ${matches.length - 10} more`)
  return matches
})

if (isMain(import.meta.url)) run(program)
