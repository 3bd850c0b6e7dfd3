/** The input format registry: each reader says how sure it is that an input is its format. */
import { csvReader } from './csv.js';
import type { FormatReader } from './types.js';

export const READERS: readonly FormatReader[] = [csvReader];

export function readerByName(name: string): FormatReader | undefined {
  return READERS.find((r) => r.name === name);
}

export type { FormatReader, ReadContext, ReadOptions } from './types.js';
