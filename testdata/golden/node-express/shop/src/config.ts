// Configuration from the environment, validated once at start (a clear message per problem).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/app.db')
    .refine(
      (v) => v.startsWith('sqlite:') || v.startsWith('postgres://') || v.startsWith('postgresql://'),
      'must be sqlite:<path>, sqlite::memory: or postgres://...',
    ),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1).default("shop-api"),
  JWT_AUDIENCE: z.string().min(1).default("shop-api"),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt(604800),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ADMIN_EMAIL: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_WINDOW_SECONDS: positiveInt(900),
  SSE_HEARTBEAT_MS: positiveInt(15_000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string;
  jwt: {
    secret: string;
    /** false when no JWT_SECRET was given and a random one was generated (dev/test only). */
    secretFromEnv: boolean;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
  };
  logLevel: LogLevel;
  /** ADMIN_EMAIL + ADMIN_PASSWORD: an account created (or promoted) with the admin role at start. */
  admin: { identity: string; password: string | undefined } | undefined;
  login: { maxFailures: number; windowSeconds: number };
  sseHeartbeatMs: number;
  shutdownTimeoutMs: number;
}

/** Reads and validates the configuration. Throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Treat empty strings as "not set" so that `FOO=` in an .env file means the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.JWT_SECRET === undefined) {
    throw new ConfigError([
      'JWT_SECRET: required when NODE_ENV=production (at least 32 characters, e.g. `openssl rand -base64 48`)',
    ]);
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    jwt: {
      secret: e.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      secretFromEnv: e.JWT_SECRET !== undefined,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    admin: e.ADMIN_EMAIL === undefined ? undefined : { identity: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, windowSeconds: e.LOGIN_WINDOW_SECONDS },
    sseHeartbeatMs: e.SSE_HEARTBEAT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
