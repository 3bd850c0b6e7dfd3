/**
 * What a report may say about people (SECURITY.md).
 *
 * Always: e-mail addresses and phone numbers are masked in every string of the report,
 * wherever they come from (an excerpt, an author name that is an address, a header shown
 * in a warning).
 *
 * With --anonymize: every person gets a pseudonym ("Member 3F9A2C", "Brand 1C0FFE"), in
 * every place the report names them: authors and brand accounts (through runAudit's
 * `nameOf`), the excerpts (`@mentions`, names and ids written in the text) and the values
 * of the report's sentences. Renderers read the AuditResult only, so every format gets the
 * same pseudonyms.
 *
 * Pseudonyms are HMAC-SHA-256 of the account (platform + key), cut to 6 hex digits (longer
 * on a collision). The HMAC key is the --salt when one is given: the same person gets the
 * same pseudonym in every run and every export audited with that salt. Without a salt the
 * key is derived from the set of accounts in the data: the same input gives the same
 * report, byte for byte, whatever the row order, and another export gives other pseudonyms.
 */
import { createHash, createHmac } from 'node:crypto';
import { type Lang, hasKey, t } from '../i18n/index.js';
import { maskContacts, normalizeName } from '../load/text.js';
import type { Dataset } from '../model/dataset.js';
import type { AuditResultT } from '../model/result.js';

export interface PrivacyOptions {
  anonymize: boolean;
  /** --salt: pseudonyms stable across runs */
  salt?: string;
  lang: Lang;
  /** --brand values: names too, even when they match no account */
  brand?: readonly string[];
}

export interface Privacy {
  /** the dataset whose excerpts go through the text pass */
  dataset: Dataset;
  /** for runAudit: how a person is named */
  nameOf: (author: number, ds: Dataset) => string;
  /** the last pass over a report: contacts masked everywhere, names replaced in its data */
  protect(result: AuditResultT): AuditResultT;
}

/** Names shorter than this are not looked for inside texts: "Jo" would eat every "jo". */
const MIN_NAME_IN_TEXT = 3;
/**
 * Report fields under these keys are people (evidence.author, brand.accounts): under
 * --anonymize a string there is replaced even when it matches no known account.
 */
const NAME_FIELDS = new Set(['author', 'authors', 'account', 'accounts', 'member', 'members']);
/**
 * Sentence values under these keys are people: a convention for every catalogue section
 * ({name} in 'brand.detectedThreads', 'issue.brand-not-found'…).
 */
const NAME_VALUES = new Set([...NAME_FIELDS, 'name', 'names', 'brand']);
/** A word of a name as it appears in a text: letters, digits and the marks usernames use. */
const WORD = /@?[\p{L}\p{N}_][\p{L}\p{N}_.'’\-]*/gu;

export function preparePrivacy(ds: Dataset, options: PrivacyOptions): Privacy {
  if (!options.anonymize) {
    return {
      dataset: ds,
      nameOf: (a) => maskContacts(ds.authors[a]!.name),
      protect: (result) => mapReport(result, options.lang, (s) => maskContacts(s), (s) => maskContacts(s)),
    };
  }

  const key = options.salt !== undefined ? sha256('salt\u0000' + options.salt) : sha256(['data', ...ds.authors.map((a) => a.platform + '\u0000' + a.key).sort()].join('\u0001'));
  const tag = (kind: string, value: string) => createHmac('sha256', key).update(kind + '\u0000' + value).digest('hex').toUpperCase();
  /** every pseudonym handed out, so that a second pass never takes one for a name */
  const given = new Set<string>();

  // authors come sorted by (platform, key): collisions resolve the same way in every run
  const used = new Set<string>();
  const pseudonyms = ds.authors.map((a) => {
    const h = tag('account', a.platform + '\u0000' + a.key);
    let n = 6;
    while (used.has(h.slice(0, n)) && n < h.length) n += 2;
    used.add(h.slice(0, n));
    const p = t(options.lang, a.isBrand ? 'anonymize.brand' : 'anonymize.member', { id: h.slice(0, n) });
    given.add(p);
    return p;
  });
  const other = (name: string) => {
    const p = t(options.lang, 'anonymize.member', { id: tag('name', normalizeName(name)).slice(0, 6) });
    given.add(p);
    return p;
  };

  // every way a person can be written: display name, account key, member-file id and name
  const byName = new Map<string, string>();
  const remember = (name: string | undefined, pseudonym: string) => {
    if (!name) return;
    const n = normalizeName(name.replace(/^@/, ''));
    if (n && !byName.has(n)) byName.set(n, pseudonym);
  };
  ds.authors.forEach((a, i) => {
    remember(a.name, pseudonyms[i]!);
    remember(a.key, pseudonyms[i]!);
  });
  for (const m of ds.members) {
    const p = m.author !== undefined ? pseudonyms[m.author]! : other(m.name ?? m.id ?? '');
    remember(m.name, p);
    remember(m.id, p);
  }
  for (const b of options.brand ?? []) remember(b, byName.get(normalizeName(b)) ?? other(b));

  // a name written among other words is looked for only when it cannot be an ordinary word
  const distinctive = (n: string) => /[\s\p{N}._@'’\-]/u.test(n);
  const inText = (text: string) => replaceNames(text, byName, other, () => true);
  const inSentence = (text: string) => replaceNames(text, byName, null, distinctive);
  const asName = (s: string) => (given.has(s) ? s : (byName.get(normalizeName(s.replace(/^@/, ''))) ?? other(s)));

  return {
    dataset: { ...ds, excerpt: (i) => maskContacts(inText(ds.excerpt(i))) },
    nameOf: (a) => pseudonyms[a]!,
    protect: (result) =>
      mapReport(
        result,
        options.lang,
        // report fields: a name field is a name; identifiers and catalogue titles are left alone
        (s, k) => maskContacts(k !== undefined && NAME_FIELDS.has(k) ? asName(s) : s.includes(' ') ? inSentence(s) : s),
        // sentence values are data: names are looked for as in a text
        (s, k) => maskContacts(k !== undefined && NAME_VALUES.has(k) ? asName(s) : inText(s)),
      ),
  };
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Replaces known names written in a text, longest first (up to four words), as whole
 * words, whatever their case or accents; an `@mention` of someone unknown gets a pseudonym
 * too when `unknownMention` is given.
 */
function replaceNames(
  text: string,
  byName: Map<string, string>,
  unknownMention: ((name: string) => string) | null,
  eligible: (normalized: string) => boolean,
): string {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (words.length === 0) return text;
  let out = '';
  let copied = 0;
  for (let i = 0; i < words.length; i++) {
    const at = text[words[i]!.start] === '@';
    let replaced = false;
    for (let n = Math.min(4, words.length - i); n >= 1 && !replaced; n--) {
      // the words of a name are separated by single spaces
      let joined = true;
      for (let j = i; j < i + n - 1; j++) if (text.slice(words[j]!.end, words[j + 1]!.start) !== ' ') joined = false;
      if (!joined) continue;
      const start = words[i]!.start + (at ? 1 : 0);
      let end = words[i + n - 1]!.end;
      // sentence punctuation glued to the last word is not part of the name
      while (end > start && /[.'’\-]/.test(text[end - 1]!)) end--;
      const normalized = normalizeName(text.slice(start, end));
      if (normalized.length < MIN_NAME_IN_TEXT || !eligible(normalized)) continue;
      const pseudonym = byName.get(normalized) ?? (at && n === 1 && unknownMention ? unknownMention(normalized) : undefined);
      if (pseudonym === undefined) continue;
      out += text.slice(copied, start) + pseudonym;
      copied = end;
      i += n - 1;
      replaced = true;
    }
  }
  return out + text.slice(copied);
}

type Sentence = { key: string; text: string; values?: Record<string, string | number> };

function isSentence(v: unknown): v is Sentence {
  return v !== null && typeof v === 'object' && typeof (v as Sentence).key === 'string' && typeof (v as Sentence).text === 'string' && Object.keys(v).every((k) => k === 'key' || k === 'text' || k === 'values');
}

/**
 * Every string of a report through `field` (with the key it sits under), except the
 * report's sentences: their string values go through `value` and their text is rendered
 * again from the catalogue, so the catalogue's own words are never touched. Excerpts have
 * had their pass already (the dataset's): they are only masked again.
 */
function mapReport(result: AuditResultT, lang: Lang, field: (s: string, key?: string) => string, value: (s: string, key?: string) => string): AuditResultT {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key === 'excerpt' ? maskContacts(v) : field(v, key);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v === null || typeof v !== 'object') return v;
    if (isSentence(v)) {
      if (!v.values) return { key: v.key, text: maskContacts(v.text) };
      const values: Record<string, string | number> = {};
      let changed = false;
      for (const [k, x] of Object.entries(v.values)) {
        values[k] = typeof x === 'string' ? value(x, k) : x;
        if (values[k] !== x) changed = true;
      }
      const text = changed && hasKey(v.key) ? t(lang, v.key, values) : maskContacts(changed ? value(v.text) : v.text);
      return { key: v.key, values, text };
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
    return out;
  };
  return walk(result) as AuditResultT;
}
