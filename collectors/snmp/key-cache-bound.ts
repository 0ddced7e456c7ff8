import snmp from 'net-snmp';

/** net-snmp's password-to-key cache, one entry per (protocol, password, engine id); not in its type definitions. */
interface KeyCacheOwner {
  authToKeyCache?: Record<string, Buffer>;
}

export const MAX_KEY_CACHE_ENTRIES = 10_000;
const CHECK_EVERY = 1024;

/**
 * net-snmp caches each localised SNMPv3 key by engine id, without a bound: a sender that knows a user name and
 * sprays authenticated-looking messages with random engine ids grows it for ever. It is only a cache (a key is
 * recomputed when missing), so past maxEntries it is emptied. Checked every 1024 datagrams: counting the keys of a
 * bounded object that often costs nothing measurable. Returns the check to call per datagram.
 */
export function createKeyCacheBound(maxEntries = MAX_KEY_CACHE_ENTRIES, owner: KeyCacheOwner = (snmp as unknown as { Authentication: KeyCacheOwner }).Authentication): () => boolean {
  let seen = 0;
  return () => {
    seen += 1;
    if (seen % CHECK_EVERY !== 0 || !owner.authToKeyCache) return false;
    if (Object.keys(owner.authToKeyCache).length <= maxEntries) return false;
    owner.authToKeyCache = {};
    return true;
  };
}
