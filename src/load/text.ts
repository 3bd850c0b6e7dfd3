/** Small text helpers shared by the readers: excerpts, masking, invisible characters. */

const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;
/** Phone numbers: + or 0 followed by 8 to 14 digits with spaces, dots, dashes or brackets between. */
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00|0)\d(?:[\s.\-\u2011()]{0,2}\d){7,13}(?![\p{N}])/gu;
/** Bidi marks and isolates, zero-width characters: invisible, but they break name matching. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export const EXCERPT_LENGTH = 120;

/** Replaces e-mail addresses and phone numbers, wherever they appear in text we print. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(PHONE, '[phone]');
}

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A one-line, masked, bounded excerpt, copied so it does not keep the parser's chunk alive. */
export function makeExcerpt(text: string): string {
  const head = text.length > EXCERPT_LENGTH * 2 ? text.slice(0, EXCERPT_LENGTH * 2) : text;
  let one = maskContacts(stripInvisible(head)).replace(/\s+/g, ' ').trim();
  if (one.length > EXCERPT_LENGTH) one = one.slice(0, EXCERPT_LENGTH - 1).trimEnd() + '…';
  else if (text.length > head.length) one += '…';
  return copyString(one);
}

/**
 * V8 keeps substrings of 13 characters or more as slices of their parent: a kept id would
 * pin the whole parsed chunk. This makes a flat, independent copy (through a buffer: a
 * `(' ' + s).slice(1)` copy is itself a slice, and a Map keyed by slices runs twice as
 * slow). Shorter strings are never slices.
 */
export function copyString(s: string): string {
  if (s.length < 13) return s;
  // one byte per character when every character fits, as V8 stores such strings
  return LATIN1.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : Buffer.from(s, 'utf16le').toString('utf16le');
}
const LATIN1 = /^[\x00-\xff]*$/;

/** A leading `@name` (or `@First Last` up to a punctuation mark) at the start of a text. */
export function leadingMention(text: string): string | undefined {
  // most messages do not start with "@": say so without slicing or a regex
  let i = 0;
  while (i < text.length && i < 100 && SPACE_CHAR.test(text[i]!)) i++;
  if (text.charCodeAt(i) !== 0x40) return undefined;
  const m = /^\s*@([\p{L}\p{N}_.\-]{1,40}(?: [\p{L}\p{N}_.\-]{1,40}){0,2})/u.exec(text.slice(0, 100));
  return m?.[1] ? normalizeName(m[1]) : undefined;
}

const SPACE_CHAR = /\s/;

/** How names are compared: no invisible marks, no accents, lower case, single spaces. */
export function normalizeName(name: string): string {
  return stripInvisible(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
