/** The HTML of a response with React's entity escapes undone, so tests can look for messages and attributes as written. */
export async function pageHtml(response: Response): Promise<string> {
  return decodeEntities(await response.text());
}

/** The text of an HTML page as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/gi, " ").replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ")).replace(
    /\s+/g,
    " ",
  );
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The values of the checked radio buttons or checkboxes with this name, as the server rendered them. */
export function checkedValues(html: string, name: string): string[] {
  return [...html.matchAll(/<input\b[^>]*>/g)]
    .map(([input]) => input)
    .filter((input) => input.includes(`name="${name}"`) && /\bchecked=""/.test(input))
    .map((input) => /value="([^"]*)"/.exec(input)?.[1] ?? "");
}
