import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("rabat-2023-atelier");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("rabat-2023-atelier", hash)).toBe(true);
    expect(await verifyPassword("rabat-2023-ateliers", hash)).toBe(false);
  });

  it("salts every hash and treats Unicode compositions of the same text alike", async () => {
    const composed = "café-مجلس-2023";
    const decomposed = composed.normalize("NFD");
    const [first, second] = await Promise.all([hashPassword(composed), hashPassword(composed)]);
    expect(first).not.toEqual(second);
    expect(await verifyPassword(decomposed, first)).toBe(true);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("anything", "md5$abc")).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
  });
});
