/** Small text helpers shared by the readers: excerpts, masking, invisible characters. */

/** E-mail addresses, international domains included; bounded parts so that a long text stays linear. */
const EMAIL = /[\p{L}\p{N}._%+\-]{1,64}@[\p{L}\p{N}\-]{1,63}(?:\.[\p{L}\p{N}\-]{1,63}){1,8}/gu;
/** Bidi marks and isolates, zero-width characters: invisible, but they break name matching. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export const EXCERPT_LENGTH = 120;
/** How much of a text an excerpt looks at: bounded, so a 10 MB field costs no more than a short one. */
const EXCERPT_WINDOW = 4096;

/**
 * Phone numbers are found in two steps, both linear: a run of digits and separators (no
 * nested quantifiers, so no catastrophic backtracking on hostile text), then the run's
 * space-separated tokens are matched against the shapes numbers are written in. A run can
 * hold a date and a phone ("le 01.02.2024 06 12 34 56 78"): only the phone goes.
 */
const DIGIT_RUN = /[+(]?\d[\d .\-\u2011\u00a0\u202f()/]*[\d)]/gu;
const SPACES = /[ \u00a0\u202f]+/gu;
const S = '[ .\\-\\u2011\\u00a0\\u202f]';
const PHONE_SHAPES: { shape: RegExp; digits: [number, number] }[] = [
  // international: +33 6 12 34 56 78, +1 (555) 123-4567, +33 (0)6 12 34 56 78, +447700900123
  { shape: new RegExp(`^\\+\\d(?:${S}{0,2}\\(?\\d{1,5}\\)?)*$`, 'u'), digits: [8, 15] },
  // international with 00: 0033 6 12 34 56 78
  { shape: new RegExp(`^00[1-9](?:${S}?\\d{1,5})+$`, 'u'), digits: [11, 15] },
  // French national: 06 12 34 56 78, 06.12.34.56.78, 0612345678 (one kind of separator, or none)
  { shape: new RegExp(`^0[1-9](?:\\d{8}|(${S})\\d\\d(?:\\1\\d\\d){3})$`, 'u'), digits: [10, 10] },
  // other national numbers with a trunk 0: 020 7946 0958, 07700 900123, 030/12345678
  { shape: /^0\d{2,4}[ \-\u2011\u00a0\u202f/]\d{3,8}(?:[ \-\u2011\u00a0\u202f]\d{2,5})?$/u, digits: [10, 11] },
  // North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-1234
  { shape: /^(?:1[ .\-])?(?:\([2-9]\d{2}\)[ \u00a0]?|[2-9]\d{2}[ .\-\u2011])\d{3}[ .\-\u2011]\d{4}$/u, digits: [10, 11] },
];
/** A number right after these words is an order, an invoice or an id, not a phone. */
const NOT_A_PHONE_BEFORE = /(?:\b(?:order|commande|cde|ref|réf|reference|référence|invoice|facture|ticket|suivi|tracking|colis|parcel|id|iban|siret|siren|sku|transaction)\b\.?\s*(?:n[°º]|no\.?|nr\.?)?\s*[:#]?\s*|[#°º/=]\s*)$/iu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  return PHONE_SHAPES.some(({ shape, digits: [lo, hi] }) => digits >= lo && digits <= hi && shape.test(candidate));
}

function maskPhones(text: string): string {
  return text.replace(DIGIT_RUN, (run: string, offset: number) => {
    // the first token glued to a word ("user0612345678") or after "order", "#", "n°"… is an id or a reference
    const firstIsId = (offset > 0 && WORD_CHAR.test(text[offset - 1]!)) || NOT_A_PHONE_BEFORE.test(text.slice(Math.max(0, offset - 40), offset));
    const after = text[offset + run.length];
    const tokens: { start: number; end: number }[] = [];
    let at = 0;
    for (const m of run.matchAll(SPACES)) {
      if (m.index > at) tokens.push({ start: at, end: m.index });
      at = m.index + m[0].length;
    }
    if (at < run.length) tokens.push({ start: at, end: run.length });
    let out = '';
    let copied = 0;
    for (let i = firstIsId ? 1 : 0; i < tokens.length; i++) {
      for (let n = Math.min(7, tokens.length - i); n >= 1; n--) {
        const last = tokens[i + n - 1]!;
        // the last token of the run glued to a letter ("0612345678abc") is an id
        if (last.end === run.length && after !== undefined && WORD_CHAR.test(after)) continue;
        // a number in brackets, "(06 12 34 56 78)", keeps its brackets; "(555) 123-4567" is one number
        const s0 = tokens[i]!.start;
        const e0 = last.end;
        const opens = run[s0] === '(';
        const closes = run[e0 - 1] === ')';
        const variants: [number, number][] = [];
        if (opens && closes) variants.push([s0 + 1, e0 - 1]);
        if (opens) variants.push([s0 + 1, e0]);
        if (closes) variants.push([s0, e0 - 1]);
        variants.push([s0, e0]);
        const hit = variants.find(([a, b]) => b > a && isPhone(run.slice(a, b)));
        if (!hit) continue;
        const [start, end] = hit;
        out += run.slice(copied, start) + '[phone]';
        copied = end;
        i += n - 1;
        break;
      }
    }
    return out + run.slice(copied);
  });
}

/**
 * Replaces e-mail addresses and phone numbers, wherever they appear in text we print.
 * Dates, times, prices, order numbers and long ids are left alone.
 */
export function maskContacts(text: string): string {
  return maskPhones(text.includes('@') ? text.replace(EMAIL, '[e-mail]') : text);
}

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * The end of a window cut inside a longer text: its last token may be half a word, half an
 * address, or the first groups of a phone number ("+33 6 12 34"), which masking would not
 * recognize. Drops the partial token and any run of digit groups before it.
 */
function dropCutTail(one: string): string {
  let k = one.length;
  while (k > 0 && one[k - 1] !== ' ') k--;
  let d = k;
  while (d > 0 && /[\d ().\-\u2011/+]/.test(one[d - 1]!)) d--;
  // a digit run glued to a word ("abc123 45") starts at the word's end, not inside it
  while (d < k && one[d] !== ' ' && d > 0 && one[d - 1] !== ' ') d++;
  return one.slice(0, d).trimEnd();
}

/**
 * A one-line, masked, bounded excerpt, copied so it does not keep the parser's chunk alive.
 * Masking runs on the whitespace-collapsed window before the cut, so an address or a number
 * is never cut in half and left readable; a window that ends inside a long text drops its
 * last, possibly partial, token.
 */
export function makeExcerpt(text: string): string {
  const cut = text.length > EXCERPT_WINDOW;
  let one = stripInvisible(cut ? text.slice(0, EXCERPT_WINDOW) : text).replace(/\s+/g, ' ').trim();
  if (cut) one = dropCutTail(one);
  one = maskContacts(one);
  if (one.length > EXCERPT_LENGTH) one = one.slice(0, EXCERPT_LENGTH - 1).trimEnd() + '…';
  else if (cut) one += '…';
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
