import type { LiveFeature } from "./feature";
import { roomFeature } from "./room";
import { handsFeature } from "./hands";
import { timersFeature } from "./timers";
import { helpFeature } from "./help";
import { consoleFeature } from "./console";
import { stageFeature } from "./stage";
import { chatFeature } from "./chat";
import { questionsFeature } from "./questions";
import { pollsFeature } from "./polls";

/** Every live feature the server offers; each lives in its own file of this folder. */
export const FEATURES: LiveFeature[] = [roomFeature, handsFeature, timersFeature, helpFeature, chatFeature, questionsFeature, pollsFeature, consoleFeature, stageFeature];
