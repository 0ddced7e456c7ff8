/**
 * Where simulated systems and phones live. Linux routes all of 127.0.0.0/8 to the loopback interface, so a sender
 * can bind to 127.1.0.7 and the stack sees a distinct source address per system, as on a real LAN: attribution works
 * by address first (src/fleet/fleet-index.ts), with no device id or host name needed. 250 per octet keeps .0 and
 * .255 out of the way.
 */
const PER_OCTET = 250;
export const MAX_NODES = 10_000;
export const MAX_PHONES_PER_NODE = PER_OCTET;

/** Node k (0-based): 127.1.<k/250>.<k%250+1>. */
export function nodeAddress(index: number): string {
  return `127.1.${Math.floor(index / PER_OCTET)}.${(index % PER_OCTET) + 1}`;
}

/** The /24 of node k's phones: 127.<16+k/250>.<k%250+1>.0/24. */
export function phonePrefix(index: number): string {
  return `${phoneBlock(index)}.0/24`;
}

export function phoneAddress(nodeIndex: number, phoneIndex: number): string {
  return `${phoneBlock(nodeIndex)}.${(phoneIndex % PER_OCTET) + 1}`;
}

/** IPO-MIB ipoGTEventDevID is 10 characters: "SIM" + 7 digits. */
export function deviceIdOf(index: number): string {
  return `SIM${String(index + 1).padStart(7, '0')}`;
}

function phoneBlock(index: number): string {
  return `127.${16 + Math.floor(index / PER_OCTET)}.${(index % PER_OCTET) + 1}`;
}
