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
import { Intercom } from "@effect-intercom/client"
import { Chunk, Console, Effect, Stream } from "effect"
import { isMain, run } from "./support/Example.js"

export const program = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const since2022 = String(Date.UTC(2022, 0, 1) / 1000)

  const matches = yield* intercom.conversations.searchStream({
    query: {
      operator: "AND",
      value: [
        {
          operator: "OR",
          value: [
            { field: "state", operator: "=", value: "open" },
            { field: "state", operator: "=", value: "snoozed" }
          ]
        },
        {
          operator: "OR",
          value: [
            { field: "source.body", operator: "~", value: "billing" },
            { field: "priority", operator: "=", value: "priority" }
          ]
        },
        // a single filter, wrapped in a group: the client's schema wants the
        // entries of a group to be all filters or all groups
        { operator: "AND", value: [{ field: "created_at", operator: ">", value: since2022 }] }
      ]
    },
    pagination: { per_page: 150 }
  }).pipe(Stream.take(500), Stream.runCollect, Effect.map(Chunk.toReadonlyArray))

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
