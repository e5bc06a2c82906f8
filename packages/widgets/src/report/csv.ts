/**
 * Rows of text as CSV (RFC 4180): every cell quoted, quotes doubled, lines ended with CRLF, after a
 * byte order mark so spreadsheet programs read UTF-8 (Chinese names, "–"). A cell that a spreadsheet
 * would take for a formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a leading `'`, as
 * OWASP advises against CSV injection; negative numbers keep their sign in the table, so the CSV says
 * `'-5` for them.
 */
export function csvOf(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) =>
    `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
