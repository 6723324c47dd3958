// Text from users (resource names, file paths, messages that quote values) goes into comments and job
// summaries that GitHub renders as Markdown with HTML, mentions and issue links. Nothing in it may
// become markup, a link, an image, a notification or a broken table.

/** U+200D: invisible, and enough to stop GitHub's mention, issue-reference and autolink matching. */
const ZWJ = '\u200d';

// C0/C1 controls (newlines included) would end a table row or a heading; they become spaces.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes `text` so that GitHub renders it literally, wherever inline text may stand (paragraphs,
 * list items, table cells, headings). Keep it out of raw HTML blocks such as `<summary>`, where
 * Markdown backslash escapes are not processed.
 */
export function escapeMarkdown(text: string): string {
  let out = text.replace(CONTROLS, ' ');
  // Backslash first, so the escapes added below are not themselves escaped.
  out = out.replace(/[\\`*_[\]()#|!~$]/g, (c) => `\\${c}`);
  out = out.replace(/[&<>]/g, (c) => ENTITIES[c]!);
  // Block starts, should the text open a line: bullets, thematic breaks and setext underlines
  // (`-`, `+`, `=`), and ordered-list numbers (`1.` followed by a space or the end).
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return neutraliseReferences(out);
}

/**
 * Breaks what GitHub turns into notifications or links after rendering: `@user` / `@org/team`
 * mentions, `#123` / `GH-123` issue references, bare `http://` / `www.` autolinks and e-mail
 * addresses. A zero-width joiner keeps the text readable while the patterns no longer match.
 */
function neutraliseReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`);
}

export interface InlineCodeOptions {
  /**
   * The span goes into a GFM table cell. A `|` would end the cell even inside a code span, and
   * how `\|` after a literal backslash is read differs between renderers; such text is given as
   * escaped plain text instead.
   */
  inTable?: boolean;
}

/**
 * A code span that shows `text` verbatim, backticks included: the fence is one backtick longer
 * than the longest run inside, padded with spaces where the text starts or ends with a backtick
 * or a space (CommonMark strips one space from each side). GitHub neither mentions nor links
 * inside code spans.
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  const flat = text.replace(CONTROLS, ' ');
  if (flat === '' || (options.inTable && flat.includes('|'))) return escapeMarkdown(flat);
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(flat) && flat.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
