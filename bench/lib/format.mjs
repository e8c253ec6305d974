// Small helpers for printing figures.

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const min = (xs) => Math.min(...xs.filter(Number.isFinite));
export const max = (xs) => Math.max(...xs.filter(Number.isFinite));

export const MET = 'met';
export const NOT_MET = 'NOT MET';
export const verdict = (ok) => (ok ? MET : NOT_MET);

/** A plain text table; numbers right-aligned. */
export function table(header, rows, { indent = '  ' } = {}) {
  const all = [header, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) =>
    rows.every((r) => r[i] === '' || r[i] === undefined || /^[-+]?[\d.,]+( ?(B|ms|×|%|k|MB\/s|KB\/s))?$|^[-–]$/.test(String(r[i]))),
  );
  const line = (r) =>
    indent +
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(all[0]), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)}` : '–');
export const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
export const cls = (x) => (Number.isFinite(x) ? x.toFixed(4) : '–');

const bold = process.stdout.isTTY && !process.env.NO_COLOR;
export const heading = (text) => (bold ? `\n\x1b[1m== ${text} ==\x1b[0m` : `\n== ${text} ==`);
