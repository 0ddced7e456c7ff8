import { z } from 'zod';
import { EVENT_CATEGORIES } from '../../src/events/categories.js';
import { PROBLEM_SEVERITIES } from '../../src/events/severity.js';
import { idSchema } from '../../src/fleet/field-schemas.js';
import { GROUP_BY_LABELS } from '../group-key.js';

/**
 * Every default of the email notifier, in one place (README and sample.yaml
 * show the same values). Three profiles, as IP Office's own email: up to three
 * addresses, each with its own set of the documented categories (003:1448-1470).
 * The recipients are placeholders (.invalid never resolves), and the transport
 * is the outbox folder, so the embedded default writes .eml files and sends nothing.
 */
export const DEFAULT_EMAIL_CONFIG = {
  enabled: true,
  transport: {
    kind: 'folder',
    host: null,
    port: 587,
    secure: false,
    requireTls: true,
    auth: null,
    tlsRejectUnauthorized: true,
    caFile: null,
    timeoutSeconds: 30,
  },
  from: 'ipo-observer@example.invalid',
  outboxFolder: null,
  groupWaitSeconds: 30,
  groupIntervalSeconds: 300,
  repeatIntervalHours: 4,
  brake: { maxPerInterval: 20, intervalMinutes: 10 },
  retry: { initialSeconds: 30, maxSeconds: 1800, giveUpHours: 72 },
  profiles: [
    {
      id: 'noc',
      name: 'NOC',
      to: ['noc@example.invalid'],
      categories: [],
      minSeverity: 'major',
      customers: [],
      sites: [],
      sendResolved: true,
      groupBy: ['customer', 'site', 'node'],
    },
    {
      id: 'partner',
      name: 'Partner',
      to: ['partner@example.invalid'],
      categories: ['License', 'Generic', 'Applications'],
      minSeverity: 'warning',
      customers: [],
      sites: [],
      sendResolved: true,
      groupBy: ['customer'],
    },
    {
      id: 'support',
      name: 'Support',
      to: ['support@example.invalid'],
      categories: ['Trunk lines', 'Phone change', 'VCM', 'QoS'],
      minSeverity: 'warning',
      customers: [],
      sites: [],
      sendResolved: true,
      groupBy: ['customer', 'site', 'node'],
    },
  ],
} as const;

const P = DEFAULT_EMAIL_CONFIG.profiles[0];
const email = z.email().meta({ expected: 'an email address such as noc@example.com' });

export const emailProfileSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  to: z.array(email).min(1),
  /** Empty = every category. */
  categories: z.array(z.enum(EVENT_CATEGORIES)).default([]),
  minSeverity: z.enum(PROBLEM_SEVERITIES).default('warning'),
  /** Customer ids; empty = every customer. */
  customers: z.array(idSchema).default([]),
  /** Site ids; empty = every site. */
  sites: z.array(idSchema).default([]),
  sendResolved: z.boolean().default(P.sendResolved),
  groupBy: z.array(z.enum(GROUP_BY_LABELS)).default([...P.groupBy]),
});
export type EmailProfile = z.infer<typeof emailProfileSchema>;

const T = DEFAULT_EMAIL_CONFIG.transport;

const authSchema = z.strictObject({
  user: z.string().min(1),
  /** Name of the environment variable that holds the password. */
  passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  /** File whose content (trailing newline removed) is the password. */
  passwordFile: z.string().min(1).optional(),
  /** Refused: a literal password would end up in backups, tickets and screen shares. */
  password: z
    .never()
    .meta({ secret: true, expected: 'no password here: the password is never written in the configuration; use passwordEnv (an environment variable name) or passwordFile (a file only ipo-observer can read)' })
    .optional(),
}).refine((a) => (a?.passwordEnv === undefined) !== (a?.passwordFile === undefined), { error: 'give exactly one of passwordEnv or passwordFile', when: () => true });

const transportSchema = z
  .strictObject({
    /** smtp: send through a mail server; folder: write .eml files into outboxFolder. */
    kind: z.enum(['smtp', 'folder']).default(T.kind),
    host: z.string().min(1).nullable().default(T.host),
    port: z.number().int().min(1).max(65535).default(T.port),
    /** Implicit TLS from the first byte (usually port 465). */
    secure: z.boolean().default(T.secure),
    /** Refuse to send unless STARTTLS succeeds (port 587/25). */
    requireTls: z.boolean().default(T.requireTls),
    auth: authSchema.nullable().default(T.auth),
    tlsRejectUnauthorized: z.boolean().default(T.tlsRejectUnauthorized),
    /** PEM file with the CA that signed the mail server's certificate. */
    caFile: z.string().min(1).nullable().default(T.caFile),
    timeoutSeconds: z.number().min(1).max(600).default(T.timeoutSeconds),
  })
  // `when`: also checked when another key is wrong, so one message lists every problem (values read defensively).
  .superRefine(
    (t, ctx) => {
      if (t?.kind === 'smtp' && (t.host === null || t.host === undefined)) ctx.addIssue({ code: 'custom', path: ['host'], message: 'required when kind is smtp: the mail server host name or address' });
    },
    { when: () => true },
  );

export const emailConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(DEFAULT_EMAIL_CONFIG.enabled),
    transport: transportSchema.prefault({}),
    from: email.default(DEFAULT_EMAIL_CONFIG.from),
    /** null = <storage.dataDir>/outbox. */
    outboxFolder: z.string().min(1).nullable().default(DEFAULT_EMAIL_CONFIG.outboxFolder),
    groupWaitSeconds: z.number().min(0).max(3600).default(DEFAULT_EMAIL_CONFIG.groupWaitSeconds),
    groupIntervalSeconds: z.number().min(1).max(86_400).default(DEFAULT_EMAIL_CONFIG.groupIntervalSeconds),
    repeatIntervalHours: z.number().min(0.01).max(720).default(DEFAULT_EMAIL_CONFIG.repeatIntervalHours),
    brake: z
      .strictObject({
        maxPerInterval: z.number().int().min(1).max(100_000).default(DEFAULT_EMAIL_CONFIG.brake.maxPerInterval),
        intervalMinutes: z.number().min(0.1).max(1440).default(DEFAULT_EMAIL_CONFIG.brake.intervalMinutes),
      })
      .prefault({}),
    retry: z
      .strictObject({
        initialSeconds: z.number().min(0.1).max(3600).default(DEFAULT_EMAIL_CONFIG.retry.initialSeconds),
        maxSeconds: z.number().min(0.1).max(86_400).default(DEFAULT_EMAIL_CONFIG.retry.maxSeconds),
        giveUpHours: z.number().min(0.01).max(720).default(DEFAULT_EMAIL_CONFIG.retry.giveUpHours),
      })
      .prefault({}),
    profiles: z.array(emailProfileSchema).default(() => DEFAULT_EMAIL_CONFIG.profiles.map((p) => ({ ...p, to: [...p.to], categories: [...p.categories], customers: [], sites: [], groupBy: [...p.groupBy] }))),
  })
  .superRefine(
    (c, ctx) => {
      const seen = new Set<string>();
      (Array.isArray(c?.profiles) ? c.profiles : []).forEach((p, i) => {
        if (typeof p?.id !== 'string') return;
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `profile id "${p.id}" is used twice; ids must be unique` });
        seen.add(p.id);
      });
    },
    { when: () => true },
  );

export type EmailConfig = z.infer<typeof emailConfigSchema>;
