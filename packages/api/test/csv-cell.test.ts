import { describe, expect, it } from 'vitest';
import { csvCell } from '../src/admin/csv.js';

describe('csvCell', () => {
  it('quotes a cell holding a semicolon, so Excel in a semicolon locale cannot split a formula out of it', () => {
    expect(csvCell('a;=cmd|"/c calc"!A1')).toBe('"a;=cmd|""/c calc""!A1"');
  });

  it('quotes a cell holding a tab', () => {
    expect(csvCell('a\t=1+1')).toBe('"a\t=1+1"');
  });

  it('leaves a plain Vietnamese cell as it is', () => {
    expect(csvCell('Đất đai')).toBe('Đất đai');
  });
});
