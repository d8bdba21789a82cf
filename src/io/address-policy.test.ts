import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockedAddressReason } from './address-policy.ts';

test('blockedAddressReason(ip) names each class of address a fetch must not reach', () => {
  const cases: Array<[string, RegExp]> = [
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['10.20.30.40', /private/],
    ['172.31.255.1', /private/],
    ['192.168.0.10', /private/],
    ['100.64.0.1', /CGNAT/],
    ['169.254.10.10', /link-local/],
    ['fe80::1', /link-local/],
    ['fd12:3456::1', /unique-local/],
    ['224.0.0.251', /multicast/],
    ['ff02::1', /multicast/],
    ['169.254.169.254', /metadata/],
    ['fd00:ec2::254', /metadata/],
    ['0.0.0.0', /unspecified/],
    ['255.255.255.255', /reserved/],
  ];
  for (const [address, reason] of cases)
    assert.match(blockedAddressReason(address) ?? 'public', reason, address);
});

test('blockedAddressReason(ip) sees private IPv4 inside mapped, NAT64 and 6to4 IPv6 addresses', () => {
  assert.match(blockedAddressReason('::ffff:10.0.0.1') ?? '', /private/);
  assert.match(blockedAddressReason('::ffff:7f00:1') ?? '', /loopback/);
  assert.match(blockedAddressReason('64:ff9b::a9fe:a9fe') ?? '', /metadata/);
  assert.match(blockedAddressReason('2002:c0a8:0101::1') ?? '', /private/);
});

test('blockedAddressReason(ip) lets public addresses through', () => {
  for (const address of [
    '93.184.215.14',
    '8.8.8.8',
    '2606:4700:4700::1111',
    '::ffff:8.8.4.4',
    '172.32.0.1',
  ]) {
    assert.equal(blockedAddressReason(address), undefined, address);
  }
});

test('blockedAddressReason(name) is misuse: it takes IP addresses only', () => {
  assert.throws(() => blockedAddressReason('localhost'), TypeError);
});
