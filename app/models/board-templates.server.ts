import * as Y from "yjs";
import { addElement, DOCUMENT_SCHEMA_VERSION, metaOf, type Colour } from "~/boards/document";
import type { BoardTemplate } from "~/generated/prisma/enums";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";

/**
 * The co-design templates: each seeds a new board with its sections (frames), titled in the language of the person
 * who creates the board, so that a workshop held in Arabic gets Arabic columns. Participants then add notes into
 * the sections; exports group notes by section.
 */

interface SectionLayout {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  colour: Colour;
}

const COLUMN_GAP = 40;

function columns(keys: Array<[string, Colour]>, width: number, height = 800): SectionLayout[] {
  return keys.map(([key, colour], index) => ({ key, x: index * (width + COLUMN_GAP), y: 0, w: width, h: height, colour }));
}

/** Problem tree on the start side (effects above, causes below, as a tree grows), its mirror solution tree after it. */
function trees(): SectionLayout[] {
  const w = 640;
  const h = 280;
  const rows: Array<[string, string, Colour]> = [
    ["effects", "ends", "orange"],
    ["problem", "objective", "pink"],
    ["causes", "means", "blue"],
  ];
  return rows.flatMap(([problemKey, solutionKey, colour], row) => [
    { key: problemKey, x: 0, y: row * (h + COLUMN_GAP), w, h, colour },
    { key: solutionKey, x: w + 2 * COLUMN_GAP, y: row * (h + COLUMN_GAP), w, h, colour: "green" as const },
  ]);
}

const LAYOUTS: Record<BoardTemplate, SectionLayout[]> = {
  FEATURES_MOSCOW: columns(
    [
      ["must", "green"],
      ["should", "blue"],
      ["could", "yellow"],
      ["wont", "grey"],
    ],
    360,
  ),
  PROJECT_HOLDER_JOURNEY: columns(
    [
      ["discover", "purple"],
      ["inform", "blue"],
      ["prepare", "green"],
      ["finance", "yellow"],
      ["launch", "orange"],
      ["followUp", "pink"],
    ],
    320,
  ),
  DATA_INVENTORY: columns(
    [
      ["dataset", "blue"],
      ["owner", "purple"],
      ["source", "green"],
      ["sensitivity", "orange"],
      ["frequency", "yellow"],
    ],
    300,
  ),
  PROBLEM_SOLUTION_TREE: trees(),
  BLANK: [],
};

/** The first state of a board made from this template, as a Yjs update. */
export function templateState({ template, language, authorId }: { template: BoardTemplate; language: Language; authorId: string }): Uint8Array {
  const t = translatorFor(language);
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set("schemaVersion", DOCUMENT_SCHEMA_VERSION);
    meta.set("template", template);
    for (const { key, ...geometry } of LAYOUTS[template]) {
      addElement(doc, { type: "section", ...geometry, z: 0, authorId, text: t(`boards:templates.${template}.sections.${key}`) });
    }
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
