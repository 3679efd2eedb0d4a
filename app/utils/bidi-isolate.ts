/**
 * Someone's text set into a translated sentence (a title, a name) keeps its own direction and leaves the
 * sentence's alone: Unicode's first-strong isolate, the plain-text `<bdi>`, which also works where markup cannot go.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
