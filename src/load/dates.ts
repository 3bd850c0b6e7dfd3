/**
 * Dates as exports write them. ISO 8601 (with or without offset; zone-less dates are read
 * as UTC so that an audit gives the same result on every machine), `dd/MM/yyyy HH:mm[:ss]`,
 * `MM/dd/yyyy h:mm a`, epoch seconds or milliseconds.
 *
 * Day/month order is decided over the whole column: every slashed date is read both ways
 * while loading, and the column's order is chosen at the end from the dates that only fit
 * one way (a 31/01 or a 01/31). When none decides, the report says which order was assumed.
 */
export const DATE_FORMATS = ['iso', 'dmy', 'mdy', 'ymd', 'epoch-s', 'epoch-ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface ParsedDate {
  /** epoch ms, UTC, in the order chosen so far (day first unless forced) */
  t: number;
  /** the other reading of an ambiguous slashed date (month first), when both are valid */
  alt?: number;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:,?\s*(?:à|a|at|um|-)?\s*(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?(?:\s*([ap])\.?\s?m\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d{9,13}(?:\.\d+)?$/;

function offsetMinutes(z: string | undefined): number {
  if (!z || /^(z|utc|gmt)$/i.test(z)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return 0;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), as Date counts them. */
function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isInt(v: number, lo: number): boolean {
  return (v | 0) === v && v >= lo;
}

/**
 * Epoch ms of a calendar date and time, NaN when the date is not in the calendar. Plain
 * numbers (what the readers give) are computed directly; anything else goes through Date
 * (`utcByDate`, the reference: the test file compares them). As there, a time that rolls
 * over to the next day (23:59:60) keeps the date: only the time within the day counts.
 */
export function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return NaN;
  if (isInt(y, 0) && isInt(mo, 1) && isInt(d, 1) && isInt(h, 0) && isInt(mi, 0) && isInt(s, 0) && isInt(ms, 0) && ms < 1000 && isInt(offset, -100000) && offset < 100000) {
    const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    if (d > MONTH_DAYS[mo - 1]! + (leap ? 1 : 0)) return NaN;
    return daysFromCivil(y, mo, d) * 86400000 + ((((h * 60 + mi) * 60 + s) * 1000 + ms) % 86400000) - offset * 60000;
  }
  return utcByDate(y, mo, d, h, mi, s, ms, offset);
}

/** `utc` through a Date object: the general way, and the reference for the direct one. */
export function utcByDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return NaN;
  // Date.UTC reads years 0–99 as 1900–1999: set the year apart so "0099-01-01" stays year 99
  const check = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  check.setUTCFullYear(y, mo - 1, d);
  const t = check.getTime();
  // 31/02 rolls over to March: reject what is not a calendar date
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return NaN;
  return t - offset * 60000;
}

function year(y: number, raw: string): number {
  return raw.length <= 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'p';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

export interface DateColumn {
  parse(value: string): ParsedDate | null;
  /** `parse` of the UTF-8 bytes `b[start, end)`: plain ISO dates are read on the bytes */
  parseBytes(b: Buffer, start: number, end: number): ParsedDate | null;
  /** how the column's day/month order ended up: `alt` means the month-first reading won */
  decide(): { order: 'dmy' | 'mdy' | null; useAlt: boolean; ambiguous: boolean };
}

/** digit value at i, or -1 */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** `yyyy-MM-ddTHH:mm:ss` with an optional `Z` (T or a space between): epoch ms (NaN if no calendar date), or undefined for any other shape. */
function plainIso(s: string): number | undefined {
  const len = s.length;
  if (len !== 19 && !(len === 20 && s.charCodeAt(19) === 0x5a)) return undefined;
  if (s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d || s.charCodeAt(13) !== 0x3a || s.charCodeAt(16) !== 0x3a) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 0x54 && sep !== 0x20) return undefined;
  let v = 0;
  const parts = [0, 0, 0, 0, 0, 0];
  const at = [0, 5, 8, 11, 14, 17];
  const width = [4, 2, 2, 2, 2, 2];
  for (let p = 0; p < 6; p++) {
    v = 0;
    for (let j = 0; j < width[p]!; j++) {
      const d = digit(s, at[p]! + j);
      if (d < 0) return undefined;
      v = v * 10 + d;
    }
    parts[p] = v;
  }
  return utc(parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!, 0, 0);
}

/** The number written by `width` ASCII digits at `b[at]`, or -1. */
function digitsAt(b: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let j = at; j < at + width; j++) {
    const d = b[j]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** `plainIso` on ASCII bytes (any other byte is no plain ISO date): the same value for the same text. */
export function plainIsoBytes(b: Uint8Array, start: number, end: number): number | undefined {
  const len = end - start;
  if (len !== 19 && !(len === 20 && b[start + 19] === 0x5a)) return undefined;
  if (b[start + 4] !== 0x2d || b[start + 7] !== 0x2d || b[start + 13] !== 0x3a || b[start + 16] !== 0x3a) return undefined;
  const sep = b[start + 10];
  if (sep !== 0x54 && sep !== 0x20) return undefined;
  const y = digitsAt(b, start, 4);
  const mo = digitsAt(b, start + 5, 2);
  const d = digitsAt(b, start + 8, 2);
  const h = digitsAt(b, start + 11, 2);
  const mi = digitsAt(b, start + 14, 2);
  const s = digitsAt(b, start + 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  return utc(y, mo, d, h, mi, s, 0, 0);
}

export function createDateColumn(forced?: DateFormat): DateColumn {
  const isoFast = forced === undefined || forced === 'iso' || forced === 'ymd';
  let dayFirstOnly = 0; // dates that only read as dd/MM (first part > 12)
  let monthFirstOnly = 0; // dates that only read as MM/dd
  let slashed = 0;
  let ampm = 0;

  function parseSlashed(m: RegExpExecArray): ParsedDate | null {
    const [, a, b, c, hh, mi, ss, ap, z] = m;
    const off = offsetMinutes(z);
    const h = hour12(Number(hh ?? 0), ap);
    const min = Number(mi ?? 0);
    const sec = Number(ss ?? 0);
    if (a!.length === 4) {
      // yyyy/MM/dd
      const t = utc(Number(a), Number(b), Number(c), h, min, sec, 0, off);
      return Number.isNaN(t) ? null : { t };
    }
    const y = year(Number(c), c!);
    const p = Number(a);
    const q = Number(b);
    slashed++;
    if (ap) ampm++;
    const dmy = utc(y, q, p, h, min, sec, 0, off);
    const mdy = utc(y, p, q, h, min, sec, 0, off);
    if (forced === 'dmy') return Number.isNaN(dmy) ? null : { t: dmy };
    if (forced === 'mdy') return Number.isNaN(mdy) ? null : { t: mdy };
    if (Number.isNaN(dmy) && Number.isNaN(mdy)) return null;
    if (Number.isNaN(mdy)) {
      dayFirstOnly++;
      return { t: dmy, alt: dmy };
    }
    if (Number.isNaN(dmy)) {
      monthFirstOnly++;
      return { t: mdy, alt: mdy };
    }
    return { t: dmy, alt: mdy };
  }

  const column: DateColumn = {
    parseBytes(b, start, end) {
      if (isoFast) {
        const t = plainIsoBytes(b, start, end);
        if (t !== undefined) return Number.isNaN(t) ? null : { t };
      }
      return column.parse(start === end ? '' : b.toString('utf8', start, end));
    },
    parse(raw) {
      if (isoFast) {
        // the common shape, read without a regex: 2024-03-05T10:22:31 (Z) — the same result as the ISO branch below
        const t = plainIso(raw);
        if (t !== undefined) return Number.isNaN(t) ? null : { t };
      }
      const value = raw.replace(/[\u200e\u200f\u202f\u00a0]/g, ' ').trim();
      if (value === '') return null;
      if (forced === 'epoch-s' || forced === 'epoch-ms') {
        const n = Number(value);
        if (!Number.isFinite(n)) return null;
        return { t: forced === 'epoch-s' ? n * 1000 : n };
      }
      if (EPOCH.test(value) && !forced) {
        const n = Number(value);
        // 13 digits: milliseconds; 9–10 digits: seconds
        return { t: value.split('.')[0]!.length >= 12 ? n : Math.round(n * 1000) };
      }
      const iso = ISO.exec(value);
      if (iso && forced !== 'dmy' && forced !== 'mdy') {
        const [, y, mo, d, h, mi, s, frac, z] = iso;
        const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
        const t = utc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms, offsetMinutes(z));
        return Number.isNaN(t) ? null : { t };
      }
      const sl = SLASHED.exec(value);
      if (sl) return parseSlashed(sl);
      // last resort: what the JavaScript engine reads unambiguously (e.g. "Jan 5, 2024 10:00 UTC")
      if (/[a-z]{3}/i.test(value) && /\d{4}/.test(value)) {
        const t = Date.parse(value);
        return Number.isNaN(t) ? null : { t };
      }
      return null;
    },
    decide() {
      if (forced === 'dmy') return { order: 'dmy', useAlt: false, ambiguous: false };
      if (forced === 'mdy') return { order: 'mdy', useAlt: false, ambiguous: false };
      if (slashed === 0) return { order: null, useAlt: false, ambiguous: false };
      if (dayFirstOnly > 0 || monthFirstOnly > 0) {
        const mdy = monthFirstOnly > dayFirstOnly;
        return { order: mdy ? 'mdy' : 'dmy', useAlt: mdy, ambiguous: false };
      }
      // nothing decides: 12-hour clocks go with month first (US), 24-hour with day first
      const mdy = ampm > slashed / 2;
      return { order: mdy ? 'mdy' : 'dmy', useAlt: mdy, ambiguous: true };
    },
  };
  return column;
}
