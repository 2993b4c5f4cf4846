/**
 * Brands and sender email addresses (Preview only: `GET /brands`,
 * `GET /brands/{id}`, `GET /emails`, `GET /emails/{id}`), seeded: the default
 * brand is the workspace (its id is the workspace id) with the first help
 * centre, a second brand with the other; each brand's sender addresses, the
 * first its default.
 */
import * as Brands from "@effect-intercom/client/unstable/Brands"
import * as Emails from "@effect-intercom/client/unstable/Emails"
import type * as Schemas from "@effect-intercom/client/unstable/Schemas"
import * as Http from "../http.js"
import type { BrandRecord, EmailSettingRecord } from "../store.js"

const brand = (record: BrandRecord): Schemas.Brand => ({ type: "brand", ...record })

const emailSetting = (record: EmailSettingRecord): Schemas.EmailSetting => ({
  type: "email_setting",
  id: record.id,
  email: record.email,
  verified: record.verified,
  domain: record.email.slice(record.email.indexOf("@") + 1),
  brand_id: record.brand_id,
  forwarding_enabled: record.forwarding_enabled,
  forwarded_email_last_received_at: record.forwarded_email_last_received_at,
  created_at: record.created_at,
  updated_at: record.updated_at
})

/** The Preview-only routes of brands and sender addresses. */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  Http.route(
    Brands.listBrandsOperation,
    ({ store }) => Http.json<Schemas.BrandList>({ type: "list", data: [...store.brands.values()].map(brand) })
  ),
  Http.route(Brands.retrieveBrandOperation, ({ input, store }) => {
    const record = store.brands.get(String(input.id))
    return record === undefined ? Http.notFound("Brand not found") : Http.json(brand(record))
  }),
  Http.route(
    Emails.listEmailsOperation,
    ({ store }) =>
      Http.json<Schemas.EmailList>({ type: "list", data: [...store.emailSettings.values()].map(emailSetting) })
  ),
  Http.route(Emails.retrieveEmailOperation, ({ input, store }) => {
    const record = store.emailSettings.get(String(input.id))
    return record === undefined ? Http.notFound("Email setting not found") : Http.json(emailSetting(record))
  })
]
