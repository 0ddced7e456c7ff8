import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { OutboundMessage } from '../delivery.js';
import type { Transport } from '../transport.js';
import { classifySendError } from './classify.js';
import type { EmailConfig } from './config.js';

/** Stable per message, so a retry carries the same Message-ID and a receiving system can drop a duplicate. */
export function messageIdOf(message: OutboundMessage, from: string): string {
  const domain = from.split('@')[1] ?? 'ipo-observer.invalid';
  return `<ipo-observer.${message.id}.${createHash('sha256').update(message.key).digest('hex').slice(0, 16)}@${domain}>`;
}

function mailOptions(message: OutboundMessage, from: string) {
  return {
    from,
    to: message.recipients,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    messageId: messageIdOf(message, from),
    date: new Date(message.createdAt),
  };
}

const address = (a: unknown) => (typeof a === 'string' ? a : ((a as { address?: string }).address ?? String(a)));

/** SMTP with STARTTLS (requireTls) or implicit TLS (secure) and login; one pooled connection. */
export function smtpTransport(config: EmailConfig['transport'], from: string, secrets: { password: string | null; ca: string | undefined }): Transport {
  const timeout = config.timeoutSeconds * 1000;
  const transporter = nodemailer.createTransport({
    host: config.host!,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls,
    ...(config.auth && secrets.password !== null && { auth: { user: config.auth.user, pass: secrets.password } }),
    tls: { rejectUnauthorized: config.tlsRejectUnauthorized, ...(secrets.ca !== undefined && { ca: secrets.ca }) },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    pool: true,
    maxConnections: 1,
    logger: false,
    debug: false,
  });
  const tls = config.secure ? 'implicit TLS' : config.requireTls ? 'STARTTLS required' : 'STARTTLS if offered';
  return {
    description: `smtp ${config.host}:${config.port} (${tls}${config.auth ? `, login ${config.auth.user}` : ''})`,
    async send(message) {
      try {
        const info = await transporter.sendMail(mailOptions(message, from));
        const accepted = (info.accepted ?? []).map(address);
        const rejected = (info.rejected ?? []).map(address);
        if (accepted.length === 0) return { ok: false, retryable: false, transport: false, error: `every recipient was refused: ${rejected.join(', ')}` };
        return { ok: true, rejected };
      } catch (error) {
        return { ok: false, ...classifySendError(error) };
      }
    },
    close: () => transporter.close(),
  };
}

/** "20261121T090000Z" */
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Writes each message as an .eml file (what would have been sent), named
 * after its creation time, profile, kind and id: writing it again on a retry
 * replaces the same file, so there are never two copies.
 */
export function folderTransport(folder: string, from: string): Transport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `folder ${folder}`,
    async send(message) {
      try {
        const info = await builder.sendMail(mailOptions(message, from));
        mkdirSync(folder, { recursive: true });
        const name = `${stamp(message.createdAt)}-${message.profile}-${message.kind}-${message.id}.eml`;
        const temporary = join(folder, `.${name}.tmp`);
        writeFileSync(temporary, info.message as Buffer);
        renameSync(temporary, join(folder, name));
        return { ok: true, rejected: [] };
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        return { ok: false, retryable: true, transport: true, error: `cannot write to the outbox folder ${folder}: ${e.code ?? ''} ${e.message}`.trim() };
      }
    },
    close: () => builder.close(),
  };
}
