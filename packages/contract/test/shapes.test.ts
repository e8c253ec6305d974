import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LawPage } from '../src/laws.js';
import { generate } from '../scripts/gen-shapes.js';
import { conforms } from '../src/shape.js';
import { LawPageShape } from '../src/shapes.generated.js';

const law = {
  id: '91-2025-qh15',
  number: '91/2025/QH15',
  type: { code: 'luat', label: 'Luật' },
  issuer: { code: 'quoc-hoi', label: 'Quốc hội' },
  issuedOn: '2025-06-26',
  effectiveOn: null,
  validity: { code: 'con-hieu-luc', label: 'Còn hiệu lực' },
  fields: [{ code: 'du-lieu-ca-nhan', label: 'Dữ liệu cá nhân' }],
  abstract: 'Luật Bảo vệ dữ liệu cá nhân',
  url: 'https://example.org/91-2025-qh15',
};
const page = { items: [law, { ...law, id: 'x', effectiveOn: '2026-01-01' }], nextCursor: 'abc' };

/** Every way to break one value somewhere in the tree: drop a key, or swap a value for one of another kind. */
function* mutations(value: unknown, path: string[] = []): Generator<[string, unknown]> {
  const wrong = [null, 1, 'x', true, [], {}];
  for (const w of wrong) if (JSON.stringify(w) !== JSON.stringify(value)) yield [path.join('.') + ` := ${JSON.stringify(w)}`, w];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    for (const [k, v] of entries) {
      if (!Array.isArray(value)) {
        const { [k]: _dropped, ...rest } = value as Record<string, unknown>;
        yield [[...path, k].join('.') + ' dropped', rest];
      }
      for (const [label, m] of mutations(v, [...path, k])) {
        yield [label, Array.isArray(value) ? value.map((x, i) => (String(i) === k ? m : x)) : { ...value, [k]: m }];
      }
    }
  }
}

describe('browser shapes', () => {
  it('are generated from the current schemas', () => {
    expect(readFileSync(new URL('../src/shapes.generated.ts', import.meta.url), 'utf8')).toBe(generate());
  });

  it('accept what the schema accepts', () => {
    expect(z.safeParse(LawPage, page).success).toBe(true);
    expect(conforms(LawPageShape, page)).toBe(true);
    expect(conforms(LawPageShape, { items: [], nextCursor: null })).toBe(true);
  });

  it('reject every structural mutation the schema rejects', () => {
    let checked = 0;
    for (const [label, bad] of mutations(page)) {
      const zodOk = z.safeParse(LawPage, bad).success;
      if (zodOk || hasOnlyFormatErrors(bad)) continue; // a string swapped for another, or a date format: the server's job
      checked++;
      expect(conforms(LawPageShape, bad), label).toBe(false);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never accepts what the schema rejects, for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        if (conforms(LawPageShape, v)) expect(z.safeParse(LawPage, v).success || hasOnlyFormatErrors(v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The shape checks structure and closed lists; formats (dates, codes) stay the server's job. */
function hasOnlyFormatErrors(v: unknown) {
  const r = z.safeParse(LawPage, v);
  return !r.success && r.error.issues.every((i) => i.code === 'invalid_format');
}
