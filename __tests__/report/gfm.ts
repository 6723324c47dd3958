// Renders Markdown the way GitHub does (CommonMark + GFM tables, autolinks, strikethrough), so tests
// check what a reader sees rather than the escaping they were written against.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function toHtml(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The text a reader sees: tags removed, entities decoded, zero-width joiners dropped, trimmed. */
export function visibleText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, '')).trim();
}

/** HTML text with its entities decoded and zero-width joiners dropped. */
export function decode(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200d/g, '');
}

/** The cells of each body row of every table in the HTML. */
export function tableRows(html: string): string[][] {
  const bodies = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
  return bodies.flatMap((body) =>
    [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!)),
  );
}
