import { describe, expect, it } from 'vitest';
import { createDateColumn } from '../../src/load/dates.js';

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('dates as exports write them', () => {
  it.each([
    ['2025-01-31T10:20:30Z', '2025-01-31T10:20:30.000Z'],
    ['2025-01-31T10:20:30+02:00', '2025-01-31T08:20:30.000Z'],
    ['2025-01-31T10:20:30+0200', '2025-01-31T08:20:30.000Z'],
    ['2023-11-07T22:16:25.4780000+02:00', '2023-11-07T20:16:25.478Z'],
    ['2025-01-31 10:20', '2025-01-31T10:20:00.000Z'],
    ['2025-01-31', '2025-01-31T00:00:00.000Z'],
    ['2010-01-01 00:00:00 UTC', '2010-01-01T00:00:00.000Z'],
    ['1706695230', '2024-01-31T10:00:30.000Z'],
    ['1706695230123', '2024-01-31T10:00:30.123Z'],
    ['1454884927.000002', '2016-02-07T22:42:07.000Z'],
    ['31/01/2025 10:20', '2025-01-31T10:20:00.000Z'],
    ['31/01/2025 10:20:05', '2025-01-31T10:20:05.000Z'],
    ['31.01.2025 10:20', '2025-01-31T10:20:00.000Z'],
    ['1/31/2025 3:05 PM', '2025-01-31T15:05:00.000Z'],
    ['12/31/24, 12:05 AM', '2024-12-31T00:05:00.000Z'],
  ])('%s', (raw, expected) => {
    expect(iso(createDateColumn().parse(raw)?.t)).toBe(expected);
  });

  it('rejects what is not a date', () => {
    const col = createDateColumn();
    for (const v of ['', 'yesterday', '31/02/2025', '2025-13-01', '99/99/2025']) expect(col.parse(v)).toBeNull();
  });

  it('decides day/month order over the whole column: one 13/01 makes every 05/01 the 5th of January', () => {
    const col = createDateColumn();
    const early = col.parse('05/01/2025 10:00')!;
    col.parse('13/01/2025 10:00');
    const d = col.decide();
    expect(d).toMatchObject({ order: 'dmy', useAlt: false, ambiguous: false });
    expect(iso(early.t)).toBe('2025-01-05T10:00:00.000Z');
  });

  it('switches to month first when a date only reads that way', () => {
    const col = createDateColumn();
    const early = col.parse('05/01/2025 10:00')!;
    col.parse('01/13/2025 10:00');
    const d = col.decide();
    expect(d).toMatchObject({ order: 'mdy', useAlt: true, ambiguous: false });
    expect(iso(early.alt)).toBe('2025-05-01T10:00:00.000Z');
  });

  it('reports an undecidable column as ambiguous, reading 24-hour clocks day first', () => {
    const col = createDateColumn();
    col.parse('05/01/2025 10:00');
    col.parse('06/02/2025 18:00');
    expect(col.decide()).toMatchObject({ order: 'dmy', ambiguous: true });
  });

  it('obeys a forced format', () => {
    const col = createDateColumn('mdy');
    expect(iso(col.parse('05/01/2025 10:00')?.t)).toBe('2025-05-01T10:00:00.000Z');
    expect(createDateColumn('epoch-ms').parse('1706695230')?.t).toBe(1706695230);
  });
});
