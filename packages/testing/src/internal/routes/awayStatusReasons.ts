/**
 * Away status reasons (seeded; the deleted ones are listed too, as Intercom
 * does).
 */
import * as AwayStatusReasons from "@effect-intercom/client/stable/AwayStatusReasons"
import * as Adapt from "../adapt.js"
import * as Http from "../http.js"
import * as Wire from "../wire.js"

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(
    AwayStatusReasons.listAwayStatusReasonsOperation,
    ({ store }) => Http.json(store.awayStatusReasons.map(Wire.awayStatusReason))
  )
]

/** 2.15 and 2.16 wrap the list: `{ type: "list", data }`. */
export const versionAdapters: Readonly<Record<string, Http.PreviewAdapter>> = Adapt.inVersions({
  "awayStatusReasons.listAwayStatusReasons": Adapt.wrapList
})
