/**
 * CSV that spreadsheets open safely. A cell starting with = + - @ (or a tab or carriage return) is
 * a formula to Excel and LibreOffice, so such cells get a leading apostrophe (OWASP's advice);
 * other control characters are dropped. UTF-8 with a BOM, so Excel shows Vietnamese correctly.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // Quoted also when it holds ; or a tab: Excel set to a semicolon-separated locale would otherwise
  // split "a;=cmd" into a cell that starts a formula.
  return /[",;\t\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
