import { en } from './en.js';
import { fr } from './fr.js';
import { type Lang, type Values, interpolate } from './format.js';

export type { Lang, Values } from './format.js';
export { formatNumber, formatPercent } from './format.js';
export type MessageKey = keyof typeof en;
/** Every language has every key: a missing one fails the build. */
export type Catalog = { readonly [K in MessageKey]: string };

const catalogs: Record<Lang, Catalog> = { en, fr };

export function t(lang: Lang, key: MessageKey, values?: Values): string {
  return interpolate(lang, catalogs[lang][key], values);
}

export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
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

export function catalogKeys(lang: Lang): string[] {
  return Object.keys(catalogs[lang]).sort();
}
