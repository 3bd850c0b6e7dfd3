/**
 * The input format registry: each reader says how sure it is that an input is its format,
 * from its first bytes (or, for exports made of several files, from their listing).
 * The generic CSV comes first: it is the fallback when no reader is sure.
 */
import { csvReader } from './csv.js';
import { discordCsvReader } from './discord-csv.js';
import { discordJsonReader } from './discord-json.js';
import { discourseReader } from './discourse.js';
import { redditReader } from './reddit.js';
import { slackReader } from './slack.js';
import { stackexchangeReader } from './stackexchange.js';
import { telegramReader } from './telegram.js';
import type { FormatReader } from './types.js';
import { whatsappReader } from './whatsapp.js';
import { xlsxReader } from './xlsx.js';
import { youtubeReader } from './youtube.js';

export const READERS: readonly FormatReader[] = [
  csvReader,
  discordJsonReader,
  discordCsvReader,
  slackReader,
  telegramReader,
  whatsappReader,
  discourseReader,
  youtubeReader,
  redditReader,
  stackexchangeReader,
  xlsxReader,
];

export function readerByName(name: string): FormatReader | undefined {
  return READERS.find((r) => r.name === name);
}

export type { FormatReader, ReadContext, ReadOptions } from './types.js';
