import { createHash, timingSafeEqual } from 'node:crypto';

export type TokenCheck = 'ok' | 'missing' | 'wrong' | 'none-configured';

/**
 * Checks `Authorization: Bearer <token>` against the configured tokens. Each
 * is compared by SHA-256 digest with timingSafeEqual, so neither the length
 * nor a matching prefix shows in the response time.
 */
export function createTokenCheck(tokens: readonly string[]): (authorization: string | undefined) => TokenCheck {
  const digests = tokens.map(digest);
  return (authorization) => {
    if (digests.length === 0) return 'none-configured';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'missing';
    const offered = digest(match[1]);
    let found = false;
    for (const known of digests) found = timingSafeEqual(known, offered) || found;
    return found ? 'ok' : 'wrong';
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The configured tokens plus the one in tokenEnv; a named but unset variable is an error the caller reports. */
export function collectTokens(tokens: readonly string[], tokenEnv: string | null, env: NodeJS.ProcessEnv): { tokens: string[]; missingEnv: string | null } {
  if (tokenEnv === null) return { tokens: [...tokens], missingEnv: null };
  const value = env[tokenEnv]?.trim();
  return value ? { tokens: [...tokens, value], missingEnv: null } : { tokens: [...tokens], missingEnv: tokenEnv };
}
