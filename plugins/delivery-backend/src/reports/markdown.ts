/**
 * The few Markdown constructs the reports use. Every piece of text that comes from records or
 * configuration goes through `escapeInline` (directly, or as a cell, heading, paragraph or link
 * text), so a title with a pipe, a tilde, an asterisk, a URL or a newline renders as the text it
 * is under a GitHub-flavoured renderer (`markdown.gfm.test.ts` checks it with markdown-it).
 */

/**
 * Escapes the characters that would start Markdown syntax inside a line of text: CommonMark's
 * (emphasis, code, links, HTML, entities), GFM's table pipes and strikethrough tildes, and the
 * beginnings of GFM's autolinks (`scheme://`, `www.`, `user@host`), so a bare URL in a title does
 * not become a link.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/[\\`*_[\]|~&@]/g, '\\$&')
      // `<` only where it could open an HTML tag or autolink; `a < b` stays readable.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      .replace(/:\/\//g, '\\:\\/\\/')
      .replace(/\b(www)\./gi, '$1\\.')
  );
}

/**
 * Text that starts a line of its own (a paragraph): inline-escaped, and a leading `#`, `>`,
 * `-`, `+` or `1.` is escaped so it does not turn into a heading, quote or list.
 */
export function paragraph(text: string): string {
  return escapeInline(text)
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table cell: inline-escaped, and empty cells shown as a dash so columns stay readable. */
export function cell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') {
    return '—';
  }
  return escapeInline(String(text));
}

/** A cell whose content is already Markdown (a link, emphasis): only pipes and newlines escaped. */
export function rawCell(markdown: string): string {
  return markdown.replace(/\r?\n|\r/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

export function heading(level: 1 | 2 | 3 | 4, text: string): string {
  return `${'#'.repeat(level)} ${escapeInline(text)}`;
}

/** A link whose text is escaped and whose URL cannot close the parenthesis early. */
export function link(text: string, url: string | null | undefined): string {
  if (!url) {
    return escapeInline(text);
  }
  // A `)` or space would end the destination early, and a pipe (escaped or not: GFM renderers
  // disagree about `\\|`) or backslash could split a table cell: all are percent-encoded.
  const encoded = url.replace(
    /[()\s\\|<>`"]/g,
    char =>
      `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeInline(text)}](${encoded})`;
}

/**
 * A GitHub-flavoured table. Cells are given raw (already escaped with `cell` or built with
 * `rawCell`), so a column can hold links; alignment `right` for numbers.
 */
export function table(
  headers: string[],
  rows: string[][],
  align: ('left' | 'right')[] = [],
): string {
  const separator = headers.map((_, i) =>
    align[i] === 'right' ? '---:' : '---',
  );
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${separator.join(' | ')} |`,
    ...rows.map(row => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function bulletList(items: string[]): string {
  return items.map(item => `- ${item}`).join('\n');
}

/** Joins blocks with one blank line and ends the document with exactly one newline. */
export function document(
  blocks: (string | null | undefined | false)[],
): string {
  return `${blocks
    .filter(
      (block): block is string => typeof block === 'string' && block !== '',
    )
    .join('\n\n')
    .trimEnd()}\n`;
}
