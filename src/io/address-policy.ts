import net from 'node:net';

/**
 * Address ranges a fetch never connects to unless private addresses are
 * allowed, with the reason shown to the user. Order matters: the first
 * matching range names the reason (metadata before link-local).
 */
const RANGES: ReadonlyArray<[reason: string, cidrs: string[]]> = [
  [
    'a cloud metadata address',
    [
      '169.254.169.254/32',
      '169.254.170.2/32',
      '168.63.129.16/32',
      '100.100.100.200/32',
      'fd00:ec2::254/128',
    ],
  ],
  ['an unspecified address', ['0.0.0.0/8', '::/128']],
  ['a loopback address', ['127.0.0.0/8', '::1/128']],
  ['a private address', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['a carrier-grade NAT (CGNAT) address', ['100.64.0.0/10']],
  ['a link-local address', ['169.254.0.0/16', 'fe80::/10']],
  ['a unique-local IPv6 address', ['fc00::/7', 'fec0::/10']],
  ['a multicast address', ['224.0.0.0/4', 'ff00::/8']],
  [
    'a reserved address',
    [
      '192.0.0.0/24',
      '192.0.2.0/24',
      '198.18.0.0/15',
      '198.51.100.0/24',
      '203.0.113.0/24',
      '240.0.0.0/4',
      '100::/64',
      '2001:db8::/32',
      // Deprecated IPv4-compatible addresses (::a.b.c.d); no OS should route them, so none is fetched.
      '::/96',
    ],
  ],
];

const LISTS = RANGES.map(([reason, cidrs]): [string, net.BlockList] => {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix = ''] = cidr.split('/');
    list.addSubnet(address, Number(prefix), net.isIPv6(address) ? 'ipv6' : 'ipv4');
  }
  return [reason, list];
});

/** Expand an IPv6 address to its 8 groups (handles `::` and a trailing dotted IPv4). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    text = text.replace(dotted, `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = new Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...(tail === undefined ? [] : middle), ...right].map((group) =>
    Number.parseInt(group || '0', 16),
  );
}

/** The IPv4 address carried inside NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses, which route to it. */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const quad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return quad(g[6] ?? 0, g[7] ?? 0);
  if (g[0] === 0x2002) return quad(g[1] ?? 0, g[2] ?? 0);
  return undefined;
}

/**
 * Why an IP address must not be fetched ("a loopback address"), or
 * undefined for a public one. Covers loopback, private, link-local, CGNAT,
 * unique-local IPv6, multicast, reserved and cloud metadata addresses,
 * including IPv4 ones written as IPv4-mapped, NAT64 or 6to4 IPv6.
 * @throws TypeError when `address` is not an IP address.
 */
export function blockedAddressReason(address: string): string | undefined {
  const family = net.isIP(address);
  if (family === 0) throw new TypeError(`Expected an IP address, got ${JSON.stringify(address)}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [reason, list] of LISTS) {
    if (list.check(address, type)) return reason;
  }
  const inner = family === 6 ? embeddedIpv4(address) : undefined;
  return inner ? blockedAddressReason(inner) : undefined;
}
