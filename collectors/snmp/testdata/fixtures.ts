import { readFileSync } from 'node:fs';

export const FIXTURES = ['v2c-trunk-failure', 'v1-trunk-failure', 'v3-authpriv-trunk-failure', 'v2c-inform-trunk-failure'] as const;

/** A captured datagram (testdata/README.md). */
export function fixture(name: (typeof FIXTURES)[number]): Buffer {
  return Buffer.from(readFileSync(new URL(`${name}.hex`, import.meta.url), 'utf8').trim(), 'hex');
}

/** The v3 user the fixtures were sent with. */
export const FIXTURE_USER = { name: 'ipotrap', level: 'authPriv', authProtocol: 'sha', authKey: 'authpass123', privProtocol: 'aes', privKey: 'privpass123' } as const;
export const FIXTURE_ENGINE_ID = '80001f8880c0ffee0001';
