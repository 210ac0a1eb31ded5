/**
 * Whether a URL's hostname (as `URL` gives it: lower case, IPv4 normalised, IPv6 in brackets)
 * names this computer or a device on a private network: a router's admin page, a NAS, another
 * app's local server. A link in a stranger's message has no business there without the person
 * agreeing first.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return isLocalIpv6(hostname.slice(1, -1));
  const name = hostname.replace(/\.$/, '');
  const ipv4 = parseIpv4(name);
  if (ipv4) return isLocalIpv4(ipv4);
  // Single-label names ("router", "nas") only resolve on a local network.
  return !name.includes('.') || /(^|\.)(localhost|local|lan|home\.arpa|internal)$/.test(name);
}

type Ipv4 = [number, number, number, number];

const parseIpv4 = (text: string): Ipv4 | null => {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  return match ? (match.slice(1).map(Number) as Ipv4) : null;
};

/** 0/8 "this network", 127/8 loopback, 10/8, 172.16/12, 192.168/16 private, 169.254/16 link-local, 100.64/10 carrier NAT. */
const isLocalIpv4 = ([a, b]: Ipv4): boolean =>
  a === 0 || a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
  (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);

/** ::1 and ::, fc00::/7 unique local, fe80::/10 link-local, and IPv4 addresses mapped into IPv6. */
function isLocalIpv6(address: string): boolean {
  if (address === '::1' || address === '::') return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1] ?? '0', 16), parseInt(mapped[2] ?? '0', 16)];
    return isLocalIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}
