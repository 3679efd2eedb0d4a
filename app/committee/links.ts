/** Where a piece of evidence can be seen as it was: the frozen board version, with the cited element picked out. */
export function evidencePath(workshopId: string, source: { boardId: string; boardVersionId: string; elementId: string }): string {
  const query = new URLSearchParams({ element: source.elementId });
  return `/workshops/${workshopId}/boards/${source.boardId}/versions/${source.boardVersionId}?${query}`;
}

export function recommendationPath(workshopId: string, recommendationId: string): string {
  return `/workshops/${workshopId}/recommendations/${recommendationId}`;
}
