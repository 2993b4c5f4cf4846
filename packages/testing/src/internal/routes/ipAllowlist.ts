/**
 * The workspace's IP allowlist: read it, replace it (each entry an IPv4 or
 * IPv6 address, or a CIDR range; an invalid one is a 400).
 */
import * as IpAllowlist from "@effect-intercom/client/stable/IpAllowlist"
import * as Http from "../http.js"
import * as Wire from "../wire.js"

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i

/** Whether an entry is an address or a CIDR range. */
export const isIpOrRange = (entry: string): boolean => {
  const [address, bits, ...rest] = entry.trim().split("/")
  if (rest.length > 0) return false
  const v4 = IPV4.test(address)
  const v6 = !v4 && IPV6.test(address) && address.includes("::") === (address.split(":").length < 8)
  if (!v4 && !v6) return false
  if (bits === undefined) return true
  if (!/^\d{1,3}$/.test(bits)) return false
  return Number(bits) <= (v4 ? 32 : 128)
}

export const routes: ReadonlyArray<Http.Route> = [
  Http.route(IpAllowlist.getIpAllowlistOperation, ({ store }) => Http.json(Wire.ipAllowlist(store))),

  Http.route(IpAllowlist.updateIpAllowlistOperation, ({ input, store }) => {
    if (input.type !== undefined && input.type !== "ip_allowlist") {
      return Http.fail(400, "parameter_invalid", "type must be ip_allowlist", "type")
    }
    const entries = input.ip_allowlist ?? store.ipAllowlist.ip_allowlist
    const invalid = entries.find((entry) => !isIpOrRange(entry))
    if (invalid !== undefined) {
      return Http.fail(400, "parameter_invalid", `${invalid} is not an IP address or CIDR range`, "ip_allowlist")
    }
    const enabled = input.enabled ?? store.ipAllowlist.enabled
    if (enabled && entries.length === 0) {
      return Http.fail(400, "parameter_invalid", "Enabling the IP allowlist without an entry would lock you out")
    }
    store.ipAllowlist.enabled = enabled
    store.ipAllowlist.ip_allowlist = entries.map((entry) => entry.trim())
    return Http.json(Wire.ipAllowlist(store))
  })
]
