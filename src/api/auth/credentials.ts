import { randomBytes } from 'node:crypto';
import type { AuthConfig } from './config.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import type { Principal } from './principal.js';
import { digestsEqual, sha256Hex } from './token-hash.js';

/** Checks names with passwords and bearer tokens against server.auth; knows no secret, only hashes. */
export class Credentials {
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly auth: Pick<AuthConfig, 'users' | 'tokens'>) {}

  /** The user, when the name exists and the password matches; null otherwise. */
  async checkPassword(name: string, password: string): Promise<Principal | null> {
    const user = this.auth.users.find((candidate) => candidate.name === name);
    // An unknown name costs the same scrypt as a known one, so timing does not tell which names exist.
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    return user && matches ? { name: user.name, role: user.role, via: 'session' } : null;
  }

  knowsUser(name: string): boolean {
    return this.auth.users.some((user) => user.name === name);
  }

  /** The configured user as a session principal, with the role configured now; null when no such user. */
  userPrincipal(name: string): Principal | null {
    const user = this.auth.users.find((candidate) => candidate.name === name);
    return user ? { name: user.name, role: user.role, via: 'session' } : null;
  }

  /** The token's principal when its sha256 is configured; every configured digest is compared, in constant time. */
  checkToken(token: string): Principal | null {
    const digest = sha256Hex(token);
    let found: Principal | null = null;
    for (const candidate of this.auth.tokens) if (digestsEqual(digest, candidate.sha256)) found = { name: candidate.name, role: candidate.role, via: 'token' };
    return found;
  }
}
