import type { EmailConfig } from './config.js';

/**
 * Settings that are valid but probably not meant (Alertmanager warns about the
 * first since its users kept asking why reminders came "too late"). Logged at
 * start and printed by check-config; none stops the program.
 */
export function emailConfigWarnings(config: EmailConfig): string[] {
  if (!config.enabled) return [];
  const warnings: string[] = [];
  const at = 'notifiers.email';
  if (config.repeatIntervalHours * 3600 < config.groupIntervalSeconds) {
    warnings.push(`${at}.repeatIntervalHours (${config.repeatIntervalHours} h) is shorter than groupIntervalSeconds (${config.groupIntervalSeconds} s): reminders cannot come more often than the group interval`);
  }
  if (config.retry.maxSeconds < config.retry.initialSeconds) warnings.push(`${at}.retry.maxSeconds is below retry.initialSeconds: every retry waits maxSeconds`);
  const t = config.transport;
  if (t.kind === 'folder') return warnings;
  for (const profile of config.profiles) {
    const placeholders = profile.to.filter((address) => address.toLowerCase().endsWith('.invalid'));
    if (placeholders.length > 0) warnings.push(`${at}.profiles ${profile.id} sends to placeholder addresses (${placeholders.join(', ')}); the mail server will refuse them`);
  }
  if (!t.tlsRejectUnauthorized) warnings.push(`${at}.transport.tlsRejectUnauthorized is false: the mail server's certificate is not checked`);
  if (t.auth && !t.secure && !t.requireTls) warnings.push(`${at}.transport.auth is set but neither secure nor requireTls: the password may cross the network unencrypted`);
  if (t.secure && t.port === 587) warnings.push(`${at}.transport.secure (implicit TLS) with port 587, which usually speaks STARTTLS: use requireTls, or port 465`);
  if (!t.secure && t.port === 465) warnings.push(`${at}.transport port 465 usually speaks implicit TLS: set secure: true`);
  return warnings;
}
