/** `intercom-client` 7.0.3, default settings. */
import { IntercomClient } from "intercom-client"
import { check, type Client, contactId, pool, token } from "./clients.js"

export const officialClient = (baseUrl: string): Client => {
  const client = new IntercomClient({ token, baseUrl })
  const find = async () => {
    const contact = await client.contacts.find({ contact_id: contactId })
    check(contact as { email?: string })
    return contact
  }
  return {
    name: "intercom-client",
    sequential: async (n) => {
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const t = performance.now()
        await find()
        out[i] = performance.now() - t
      }
      return out
    },
    concurrent: (n, concurrency) => pool(n, concurrency, find),
    iterate: async (limit, perPage) => {
      let count = 0
      const pager = await client.contacts.list({ per_page: perPage })
      for await (const contact of pager) {
        check(contact)
        if (++count >= limit) break
      }
      return count
    },
    close: async () => {}
  }
}
