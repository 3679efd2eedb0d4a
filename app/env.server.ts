import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}:`).join(" or ")}`,
    })
    .optional();

/**
 * Every setting the server reads. Parsed once at start so a wrong value stops the process with a clear message
 * instead of failing later in the middle of a request. README.md documents each of them.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: optionalUrl(["postgres", "postgresql"]),
  DATA_DIR: z.string().min(1).default(".data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PUBLIC_URL: optionalUrl(["http", "https"]),
  SMTP_URL: optionalUrl(["smtp", "smtps"]),
  MAIL_FROM: z.string().min(3).default("Majlis <no-reply@majlis.invalid>"),
  SEED_DEMO: flag.optional(),
  TRUST_PROXY: flag.default(false),
  SECURE_COOKIES: flag.optional(),
  LIVEKIT_URL: optionalUrl(["ws", "wss", "http", "https"]),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(1).optional(),
});

const LIVEKIT_VARIABLES = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"] as const;

// Video is optional, but half a configuration is a mistake to report at start, not a call that fails later.
const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  const missing = LIVEKIT_VARIABLES.filter((name) => !env[name]);
  if (missing.length === 0 || missing.length === LIVEKIT_VARIABLES.length) return;
  for (const name of missing) {
    ctx.addIssue({ code: "custom", path: [name], message: `must be set too: video needs ${LIVEKIT_VARIABLES.join(", ")} together (or none of them)` });
  }
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}

let cached: Env | undefined;

/** The parsed environment; realtime/main.ts parses it first so that errors surface before anything starts. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
