/**
 * The benchmark's realistic contact (about 3 KB of JSON), shared by the mock
 * server and the in-process overhead measurement.
 */

/** A realistic contact of about 3 KB. */
export const contact = (n: number) => ({
  type: "contact",
  id: `6762f0dd1bb69f9f2193bb${String(n).padStart(6, "0")}`,
  workspace_id: "this_is_an_id64_that_should_be_at_least_4",
  external_id: `ext-${n}`,
  role: "user",
  email: `joe${n}@example.com`,
  email_domain: "example.com",
  phone: "+353871234567",
  name: `Joe Example ${n}`,
  owner_id: 991267500,
  has_hard_bounced: false,
  marked_email_as_spam: false,
  unsubscribed_from_emails: false,
  created_at: 1734537437,
  updated_at: 1734537437,
  signed_up_at: 1734537437,
  last_seen_at: 1734537437,
  last_replied_at: null,
  last_contacted_at: null,
  last_email_opened_at: null,
  last_email_clicked_at: null,
  language_override: null,
  browser: "chrome",
  browser_version: "131.0",
  browser_language: "en",
  os: "macOS",
  android_app_name: null,
  android_app_version: null,
  android_device: null,
  android_os_version: null,
  android_sdk_version: null,
  android_last_seen_at: null,
  ios_app_name: null,
  ios_app_version: null,
  ios_device: null,
  ios_os_version: null,
  ios_sdk_version: null,
  ios_last_seen_at: null,
  custom_attributes: { plan: "pro", seats: 12, onboarding_complete: true, notes: "x".repeat(600) },
  avatar: { type: "avatar", image_url: "https://static.intercomassets.com/avatars/123/square_128/avatar.png" },
  tags: {
    type: "list",
    data: [{ type: "tag", id: "123", url: "/tags/123" }],
    url: `/contacts/${n}/tags`,
    total_count: 1,
    has_more: false
  },
  notes: { type: "list", data: [], url: `/contacts/${n}/notes`, total_count: 0, has_more: false },
  companies: { type: "list", data: [], url: `/contacts/${n}/companies`, total_count: 0, has_more: false },
  location: {
    type: "location",
    country: "Ireland",
    region: "Dublin",
    city: "Dublin",
    country_code: "IRL",
    continent_code: "EU"
  },
  social_profiles: { type: "list", data: [] },
  opted_out_subscription_types: {
    type: "list",
    data: [],
    url: `/contacts/${n}/subscriptions`,
    total_count: 0,
    has_more: false
  },
  opted_in_subscription_types: {
    type: "list",
    data: [],
    url: `/contacts/${n}/subscriptions`,
    total_count: 0,
    has_more: false
  },
  utm_campaign: null,
  utm_content: null,
  utm_medium: null,
  utm_source: null,
  utm_term: null,
  referrer: "https://example.com/pricing"
})
