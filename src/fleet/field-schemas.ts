import { z } from 'zod';

/**
 * Field schemas the fleet model shares. `meta({ expected })` is the phrase a
 * config error uses for "what was expected" (src/config/describe-schema.ts).
 */

/** Ids appear in URLs, filters and metric labels, so they are slugs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const ID_PHRASE = 'an id of lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';

export const idSchema = z.string().regex(ID_PATTERN).meta({ expected: ID_PHRASE });

export const nameSchema = z.string().min(1);

export const ipAddressSchema = z.union([z.ipv4(), z.ipv6()]);

/** Intl knows the IANA zones of the runtime's ICU data; it throws RangeError for anything else. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const TIME_ZONE_PHRASE = 'an IANA time zone such as "Europe/London"';

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { error: `expected ${TIME_ZONE_PHRASE}` })
  .meta({ expected: TIME_ZONE_PHRASE });
