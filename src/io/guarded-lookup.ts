import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { blockedAddressReason } from './address-policy.ts';
import { IoError } from './io-error.ts';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (`dns.lookup` with `all: true` by default; tests inject their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Which addresses a fetch may connect to. */
export interface AddressPolicy {
  /** Allow every address, private ones included. */
  allowPrivate?: boolean;
  /** Exact addresses allowed although private (an intranet host, a test server). */
  allowAddresses?: readonly string[];
}

/** The system resolver, as the OS would answer `getaddrinfo`. */
export const systemResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Refuse an address the policy does not allow, with a message that says why
 * and how to allow it.
 * @throws IoError `io/refused`
 */
export function checkAddress(
  address: string,
  host: string,
  policy: AddressPolicy,
  target: string,
): void {
  if (policy.allowPrivate || policy.allowAddresses?.includes(address)) return;
  const reason = blockedAddressReason(address);
  if (!reason) return;
  const via = host === address ? '' : ` (${host} resolves to it)`;
  throw new IoError(
    'io/refused',
    `Refused to fetch ${target}: ${address}${via} is ${reason}. parallax does not fetch loopback, private, link-local or cloud-metadata addresses unless private addresses are allowed (--allow-private).`,
    target,
  );
}

/**
 * A `lookup` for node:http that resolves the host, checks every address it
 * returns against the policy, and hands the socket exactly those checked
 * addresses, so a DNS answer that changes between check and connect (DNS
 * rebinding) cannot slip a private address through. One blocked address
 * refuses the host.
 */
export function guardedLookup(
  policy: AddressPolicy,
  resolve: Resolver,
  target: string,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = found.filter((entry) => family === 0 || entry.family === family);
        if (usable.length === 0) {
          throw new IoError(
            'io/network',
            `Could not resolve ${hostname}: no address found.`,
            target,
          );
        }
        for (const entry of usable) checkAddress(entry.address, hostname, policy, target);
        if (options.all) callback(null, usable);
        else callback(null, usable[0]?.address ?? '', usable[0]?.family ?? 4);
      })
      .catch((error: unknown) => {
        const failure =
          error instanceof IoError
            ? error
            : new IoError(
                'io/network',
                `Could not resolve ${hostname}: ${(error as Error).message}`,
                target,
                {
                  cause: error,
                },
              );
        callback(failure as NodeJS.ErrnoException, '', 4);
      });
  };
}
