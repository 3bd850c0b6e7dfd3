import type { Lang } from '../../i18n/index.js';
import type { ReplyKind } from '../../model/dataset.js';
import type { DatasetBuilder } from '../builder.js';
import type { Container } from '../container.js';
import type { DateFormat } from '../dates.js';
import type { Input } from '../read.js';

export interface ReadOptions {
  /** --map field=column */
  map: Record<string, string>;
  dateFormat?: DateFormat;
  /** --platform, for a generic CSV with no platform column */
  platform?: string;
  lang: Lang;
  /** called now and then while reading: rows so far, bytes so far */
  onProgress?: (rows: number, bytes: number) => void;
}

export interface ReadContext {
  builder: DatasetBuilder;
  options: ReadOptions;
  /** the format sources are reported as, when a reader hands its input to another (an Excel sheet read as CSV) */
  format?: string;
}

export interface FormatReader {
  name: string;
  /** how replies are known in this format, strongest first */
  replies: readonly ReplyKind[];
  /** 0..1: how sure the reader is that this input is its format (0 = not mine), from its first bytes */
  detect(input: Input, headText: string): number;
  read(input: Input, ctx: ReadContext): Promise<void>;
  /** 0..1 for an export made of several files (a zip or a folder), from its listing */
  detectContainer?(container: Container): number;
  readContainer?(container: Container, ctx: ReadContext): Promise<void>;
}
