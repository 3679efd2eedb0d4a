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

  it("takes LiveKit's three settings together or not at all, and names the missing ones", () => {
    expect(parseEnv({}).LIVEKIT_URL).toBeUndefined();
    const full = { LIVEKIT_URL: "ws://localhost:7880", LIVEKIT_API_KEY: "devkey", LIVEKIT_API_SECRET: "secret" };
    expect(parseEnv(full)).toMatchObject(full);
    expect(() => parseEnv({ LIVEKIT_URL: "ws://localhost:7880" })).toThrowError(
      /LIVEKIT_API_KEY: must be set too[\s\S]*LIVEKIT_API_SECRET: must be set too/,
    );
    expect(() => parseEnv({ ...full, LIVEKIT_URL: "localhost:7880" })).toThrowError(/LIVEKIT_URL/);
  });
});
