import { createRequire } from "node:module";

/**
 * The dossier's typeface, shipped with the app rather than taken from the system: DejaVu Sans draws Arabic and the
 * Latin letters of French and English alike, so one font serves every language of the dossier, on any machine. Each
 * letter form is a glyph of its own (no dots added as separate marks, no glyph shared by two letters), so the text
 * copied or extracted from the PDF comes back as the letters that were written.
 */
const require = createRequire(import.meta.url);

export const DOSSIER_FONT_FAMILY = "DejaVu Sans";

export const DOSSIER_FONTS = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
