import { describe, expect, it } from 'vitest';
import { formatVietnamDate, formatVietnamDateTime, monthsFrom, vietnamDay, vietnamDayStart } from '../src/calendar/vietnam-time.js';

describe("the province's calendar (Asia/Ho_Chi_Minh, UTC+7)", () => {
  it('a day there starts at 17:00 UTC the day before', () => {
    expect(vietnamDay('2026-12-02T16:59:59.999Z')).toBe('2026-12-02');
    expect(vietnamDay('2026-12-02T17:00:00.000Z')).toBe('2026-12-03');
    expect(vietnamDayStart('2026-12-03')).toBe('2026-12-02T17:00:00.000Z');
    expect(vietnamDayStart('2027-01-01')).toBe('2026-12-31T17:00:00.000Z');
  });

  it('writes dates as people there do', () => {
    expect(formatVietnamDate('2026-03-07')).toBe('07/03/2026');
    expect(formatVietnamDateTime('2026-12-31T17:05:00.000Z')).toBe('01/01/2027 00:05');
    expect(formatVietnamDateTime('2026-06-15T02:30:00Z')).toBe('15/06/2026 09:30');
    expect(formatVietnamDateTime(null)).toBe('');
    expect(formatVietnamDate(undefined)).toBe('');
  });

  it('counts months across a year end', () => {
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
