import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, generateJoinCode } from "~/models/join-code.server";

describe("join codes", () => {
  it("never uses the characters people confuse when reading a projector", () => {
    for (const ambiguous of ["0", "O", "1", "I"]) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it("are uppercase letters and digits of a fixed, short length", () => {
    for (let i = 0; i < 200; i++) {
      expect(generateJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    }
    expect(JOIN_CODE_LENGTH).toBeGreaterThanOrEqual(6);
    expect(JOIN_CODE_LENGTH).toBeLessThanOrEqual(8);
  });

  it("draws every character from the random source, over the whole alphabet", () => {
    const asked: number[] = [];
    let next = 0;
    const first = generateJoinCode((max) => {
      asked.push(max);
      return next++;
    });
    expect(asked).toEqual(Array(JOIN_CODE_LENGTH).fill(JOIN_CODE_ALPHABET.length));
    expect(first).toBe(JOIN_CODE_ALPHABET.slice(0, JOIN_CODE_LENGTH));
    expect(generateJoinCode((max) => max - 1)).toBe("9".repeat(JOIN_CODE_LENGTH));
  });

  it("differ from one call to the next", () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateJoinCode()));
    expect(codes.size).toBe(500);
  });
});
