/**
 * Admins: `GET /me`, `GET /admins`, `GET /admins/{admin_id}`,
 * `PUT /admins/{admin_id}/away`, `GET /admins/activity_logs`.
 */
import * as Admins from "@effect-intercom/client/stable/Admins"
import * as UnstableAdmins from "@effect-intercom/client/unstable/Admins"
import * as Adapt from "../adapt.js"
import * as Http from "../http.js"
import * as Wire from "../wire.js"

const adminNotFound = () => Http.notFound("Admin not found", "admin_not_found")

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(Admins.identifyOperation, ({ store }) => Http.json(Wire.adminWithApp(store, store.me))),

  Http.route(
    Admins.listOperation,
    ({ store }) => Http.json({ type: "admin.list", admins: [...store.admins.values()].map(Wire.admin) })
  ),

  Http.route(Admins.findOperation, ({ params, store }) => {
    const admin = store.admin(params.admin_id)
    return admin === undefined ? adminNotFound() : Http.json(Wire.admin(admin))
  }),

  Http.route(Admins.awayOperation, ({ input, store }) => {
    const admin = store.admin(input.admin_id)
    if (admin === undefined) return Http.notFound("Admin for admin_id not found", "admin_not_found")
    admin.away_mode_enabled = input.away_mode_enabled
    admin.away_mode_reassign = input.away_mode_reassign
    admin.away_status_reason_id = input.away_mode_enabled && input.away_status_reason_id !== undefined
      ? String(input.away_status_reason_id)
      : null
    return Http.json(Wire.admin(admin))
  }),

  Http.route(Admins.listAllActivityLogsOperation, ({ query }) => {
    if (!query.has("created_at_after")) {
      return Http.fail(400, "parameter_not_found", "created_at_after is a required parameter.", "created_at_after")
    }
    return Http.json({
      type: "activity_log.list",
      pages: { type: "pages", page: 1, per_page: 20, total_pages: 1 },
      activity_logs: []
    })
  })
]

/** The Preview methods of these routes whose answers differ from 2.14's (see `preview.ts`). */
/** 2.15 and 2.16 have the Preview's avatar URL too. */
export const versionAdapters: Readonly<Record<string, Http.PreviewAdapter>> = Adapt.inVersions({
  "admins.list": Adapt.adminAvatar,
  "admins.find": Adapt.adminAvatar,
  "admins.away": Adapt.adminAvatar
})

export const previewAdapters: Readonly<Record<string, Http.PreviewAdapter>> = {
  [UnstableAdmins.listAdminsOperation.name]: Adapt.adminAvatar,
  [UnstableAdmins.retrieveAdminOperation.name]: Adapt.adminAvatar,
  [UnstableAdmins.setAwayAdminOperation.name]: Adapt.adminAvatar
}
