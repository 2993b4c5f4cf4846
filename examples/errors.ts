/**
 * Handling errors with `catchTag`: every failure of the client is a tagged,
 * typed error in the error channel, and each method's error type lists only
 * what can happen to it, so `catchTag` offers exactly those.
 *
 *   pnpm --filter @effect-intercom/examples errors
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { isMain, run } from "./support/Example.js"

export const program = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom

  // 1. A 404 the spec documents is a NotFoundError, with Intercom's errors[] and request id.
  const company = yield* intercom.companies.find({ company_id: "no-such-company" }).pipe(
    Effect.map(Option.some),
    Effect.catchTag(
      "NotFoundError",
      (error) =>
        Console.log(
          `1. NotFoundError: ${error.errors[0]?.code} "${error.errors[0]?.message}" [request ${error.requestId}]`
        )
          .pipe(Effect.as(Option.none()))
    )
  )

  // 2. A status outside what the method can answer is an UnexpectedStatusError; a 404 on a path that names a
  //    resource is always a NotFoundError, documented by the spec or not (it lists none for contacts.find).
  yield* intercom.contacts.find({ contact_id: "no-such-contact" }).pipe(
    Effect.flatMap(() => Console.log("2. found?")),
    Effect.catchTag("NotFoundError", (error) => Console.log(`2. NotFoundError: ${error.errors[0]?.message}`))
  )

  // 3. Input that cannot be right fails before anything is sent.
  yield* intercom.contacts.create({ email: 42 } as never).pipe(
    Effect.flatMap(() => Console.log("3. created?")),
    Effect.catchTag(
      "InvalidInputError",
      (error) => Console.log(`3. InvalidInputError at ${error.jsonPath}: nothing was sent`)
    )
  )

  // 4. A refused token is an UnauthorizedError (the token itself is in no message).
  yield* intercom.admins.identify().pipe(
    IntercomClient.withToken(Redacted.make("not-a-valid-token")),
    Effect.flatMap(() => Console.log("4. signed in?")),
    Effect.catchTag("UnauthorizedError", (error) => Console.log(`4. UnauthorizedError: ${error.message}`))
  )

  // 5. Several at once with catchTags; what is not handled stays in the type.
  const me = yield* intercom.admins.identify().pipe(
    Effect.map((admin) => admin.email ?? "?"),
    Effect.catchTags({
      RateLimitError: (error) => Effect.succeed(`rate limited until ${error.rateLimit?.reset}`),
      ServerError: (error) => Effect.succeed(`Intercom failed: ${error.status}`)
    })
  )
  yield* Console.log(`5. identify: ${me}`)

  // 6. Or take the failure as a value and match on its tag.
  const result = yield* Effect.either(intercom.tags.find({ tag_id: "0" }))
  const outcome = result._tag === "Right" ? `tag ${result.right.name}` : result.left._tag
  yield* Console.log(`6. tags.find: ${outcome}`)

  return { company, outcome }
})

if (isMain(import.meta.url)) run(program)
