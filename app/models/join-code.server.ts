import { randomInt } from "node:crypto";

/**
 * Join codes are read off a projector and typed on a phone: uppercase letters and digits without the pairs
 * people confuse (0/O, 1/I), and short enough to type in a few seconds.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 7;

export function generateJoinCode(pick: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}
