import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // An empty value (DATABASE_URL= in a shell or .env) means: not set, use the embedded database.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('postgres').optional()),
  KRING_DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** 64 hex characters (32 bytes): encrypts identifiers and keys the BSN match hash. */
  KRING_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'KRING_SECRET_KEY must be 64 hexadecimal characters')
    .optional(),
  KRING_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  secretKeyHex: string | undefined;
  trustProxy: boolean;
  logLevel: string;
}

/** Reads configuration from the environment once, at the edge; everything else receives a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.KRING_DATA_DIR),
    host: c.HOST,
    port: c.PORT,
    secretKeyHex: c.KRING_SECRET_KEY,
    trustProxy: c.KRING_TRUST_PROXY === 'true',
    logLevel: c.LOG_LEVEL,
  };
}
