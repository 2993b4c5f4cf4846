/**
 * Away status reasons (seeded; the deleted ones are listed too, as Intercom
 * does).
 */
import * as AwayStatusReasons from "@effect-intercom/client/stable/AwayStatusReasons"
import * as Http from "../http.js"
import * as Wire from "../wire.js"

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(
    AwayStatusReasons.listAwayStatusReasonsOperation,
    ({ store }) => Http.json(store.awayStatusReasons.map(Wire.awayStatusReason))
  )
]
