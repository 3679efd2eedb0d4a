import type { LiveFeature } from "./feature";
import { roomFeature } from "./room";

/** Every live feature the server offers; each lives in its own file of this folder. */
export const FEATURES: LiveFeature[] = [roomFeature];
