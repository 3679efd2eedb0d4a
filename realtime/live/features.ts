import type { LiveFeature } from "./feature";
import { roomFeature } from "./room";
import { consoleFeature } from "./console";
import { stageFeature } from "./stage";
import { chatFeature } from "./chat";
import { questionsFeature } from "./questions";

/** Every live feature the server offers; each lives in its own file of this folder. */
export const FEATURES: LiveFeature[] = [roomFeature, chatFeature, questionsFeature, consoleFeature, stageFeature];
