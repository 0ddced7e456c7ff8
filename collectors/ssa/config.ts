import { z } from 'zod';

/** Every default of the SSA collector, in one place (README and sample.yaml show the same values). */
export const DEFAULT_SSA_CONFIG = {
  /** Off until configured: it needs a token for the API or a drop folder. */
  enabled: false,
  tokens: [],
  tokenEnv: null,
  dropFolder: {
    enabled: false,
    path: null,
    scanIntervalSeconds: 10,
    settleSeconds: 2,
  },
  storeWaitSeconds: 5,
} as const;

const MIN_TOKEN_LENGTH = 16;

/** A bearer token: never logged (src/log.ts redacts *.tokens), never echoed in config errors. */
const tokenSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (value.length < MIN_TOKEN_LENGTH) ctx.addIssue({ code: 'custom', message: `must be at least ${MIN_TOKEN_LENGTH} characters long (the value is secret and not shown)` });
  })
  .describe('secret: API token')
  .meta({ secret: true, expected: 'an API token of at least 16 characters (secret)' });

const dropFolderSchema = z
  .strictObject({
    enabled: z.boolean().default(DEFAULT_SSA_CONFIG.dropFolder.enabled),
    /** Created if missing, with done/ and quarantine/ inside. */
    path: z.string().min(1).nullable().default(DEFAULT_SSA_CONFIG.dropFolder.path),
    /** Besides reacting to file-system notifications, look every this many seconds (network shares notify nothing). */
    scanIntervalSeconds: z.number().int().min(1).max(3600).default(DEFAULT_SSA_CONFIG.dropFolder.scanIntervalSeconds),
    /** A file is read once it has not changed for this long, so a half-written copy is not taken. */
    settleSeconds: z.number().int().min(0).max(3600).default(DEFAULT_SSA_CONFIG.dropFolder.settleSeconds),
  })
  .superRefine((folder, ctx) => {
    if (folder.enabled && folder.path === null) ctx.addIssue({ code: 'custom', path: ['path'], message: 'is required when dropFolder.enabled is true: the folder to watch' });
  });

export const ssaConfigSchema = z.strictObject({
  enabled: z.boolean().default(DEFAULT_SSA_CONFIG.enabled),
  /** Who may POST /api/v1/ssa/alarms (Authorization: Bearer <token>). */
  tokens: z.array(tokenSchema).default([]),
  /** An environment variable holding one more token, to keep it out of the file. */
  tokenEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .meta({ expected: 'an environment variable name such as IPO_SSA_TOKEN' })
    .nullable()
    .default(DEFAULT_SSA_CONFIG.tokenEnv),
  dropFolder: dropFolderSchema.prefault({}),
  /** The API answers 200 once the events are stored, or 202 (queued, nothing to resend) after this many seconds. */
  storeWaitSeconds: z.number().int().min(0).max(60).default(DEFAULT_SSA_CONFIG.storeWaitSeconds),
});

export type SsaConfig = z.infer<typeof ssaConfigSchema>;
