import core from './messages/core.js';
import quiz from './messages/quiz.js';
import formats from './messages/formats.js';
import reports from './messages/reports.js';
import safety from './messages/safety.js';
import signals from './messages/signals.js';
import verdict from './messages/verdict.js';
import perf from './messages/perf.js';
import help from './messages/help.js';
import { type Lang, type Values, interpolate } from './format.js';

export type { Lang, Values } from './format.js';
export { formatNumber, formatPercent } from './format.js';

/** Every section of the catalogue; a key may live in one section only. */
const SECTIONS = [core, signals, verdict, quiz, formats, reports, safety, perf, help] as const;

type Section = (typeof SECTIONS)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllEnglish = UnionToIntersection<Section['en']>;
export type MessageKey = keyof AllEnglish & string;
export type Catalog = { readonly [K in MessageKey]: string };

/**
 * French typography, applied to the French templates once (never to the values put in them):
 * a narrow no-break space before ; : ? ! and inside « », so lines never break before them.
 */
export function frenchTypography(template: string): string {
  return template
    .replace(/ ([;:?!»])/g, '\u202f$1')
    .replace(/« /g, '«\u202f')
    .replace(/\u00a0([;:?!»])/g, '\u202f$1');
}

function merge(lang: Lang): Catalog {
  const out: Record<string, string> = {};
  for (const s of SECTIONS) Object.assign(out, s[lang]);
  if (lang === 'fr') for (const k of Object.keys(out)) out[k] = frenchTypography(out[k]!);
  return out as Catalog;
}

const catalogs: Record<Lang, Catalog> = { en: merge('en'), fr: merge('fr') };

export function t(lang: Lang, key: MessageKey, values?: Values): string {
  return interpolate(lang, catalogs[lang][key], values);
}

export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.en, key);
}

/** A sentence as data: rendered only when a report is written. */
export interface MsgRef {
  key: MessageKey;
  values?: Values;
}

export function msg(key: MessageKey, values?: Values): MsgRef {
  return values ? { key, values } : { key };
}

/** French when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr/i.test(locale) ? 'fr' : 'en';
}

/** For tests: every key of a language, and the sections' keys to check they do not overlap. */
export function catalogKeys(lang: Lang): string[] {
  return Object.keys(catalogs[lang]).sort();
}
export function sectionKeys(): string[][] {
  return SECTIONS.map((s) => Object.keys(s.en));
}
