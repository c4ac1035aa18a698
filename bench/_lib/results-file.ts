/** Rewriting one suite's section of `bench/RESULTS.md` while keeping the others. */

/**
 * Replaces the text between `<!-- suite:NAME -->` and `<!-- /suite:NAME -->` (markers kept),
 * or appends a new marked section when there is none yet.
 *
 * @param document - the current RESULTS.md text
 * @param name - the suite name
 * @param body - the new section content (heading included)
 * @returns the new document
 * @example
 * replaceSection('<!-- suite:a -->\nold\n<!-- /suite:a -->\n', 'a', 'new');
 * //=> '<!-- suite:a -->\nnew\n<!-- /suite:a -->\n'
 */
export function replaceSection(document: string, name: string, body: string): string {
  const open = `<!-- suite:${name} -->`;
  const close = `<!-- /suite:${name} -->`;
  const section = `${open}\n${body.trim()}\n${close}`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start !== -1 && end > start) {
    return document.slice(0, start) + section + document.slice(end + close.length);
  }
  return `${document.trimEnd()}\n\n${section}\n`;
}
