/** The floor: raw `fetch` + `JSON.parse`, no decoding, no retries. */
import { check, type Client, contactId, pool, token } from "./clients.js"

export const fetchClient = (baseUrl: string): Client => {
  const headers = {
    authorization: `Bearer ${token}`,
    accept: "application/json",
    "intercom-version": "2.14"
  }
  const find = async () => {
    const response = await fetch(`${baseUrl}/contacts/${contactId}`, { headers })
    const text = await response.text()
    if (!response.ok) throw new Error(`status ${response.status}`)
    const body = JSON.parse(text)
    check(body)
    return body
  }
  return {
    name: "fetch",
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
      let cursor: string | undefined
      for (let guard = 0; guard < 100_000; guard++) {
        const url = `${baseUrl}/contacts?per_page=${perPage}` + (cursor ? `&starting_after=${cursor}` : "")
        const response = await fetch(url, { headers })
        const body = JSON.parse(await response.text())
        for (const contact of body.data) {
          check(contact)
          if (++count >= limit) return count
        }
        cursor = body.pages?.next?.starting_after
        if (!cursor) break
      }
      return count
    },
    close: async () => {}
  }
}
