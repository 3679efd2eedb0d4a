import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/env.server";

describe("parseEnv", () => {
  it("has defaults that need no configuration", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir.endsWith(".data")).toBe(true);
  });

  it("names every wrong variable in one clear message", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x@y/z", SESSION_SECRET: "short" })).toThrowError(EnvError);
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x@y/z", SESSION_SECRET: "short" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: must start with postgres: or postgresql:/);
      expect(message).toMatch(/SESSION_SECRET: must be at least 32 characters/);
    }
  });
});
