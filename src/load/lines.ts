/**
 * Line by line over the decoded stream (NDJSON, WhatsApp text): memory holds one chunk and
 * one line at a time, never the whole text.
 */
import { type Input, decode, detectEncoding } from './read.js';

export interface Line {
  text: string;
  /** 1-based */
  number: number;
  /** the line was longer than the limit and was cut */
  cut: boolean;
}

export interface LineOptions {
  /** longer lines are cut to this many characters (a huge line is data, not a reason to run out of memory) */
  maxLength?: number;
  /** bytes read so far, now and then */
  onBytes?: (bytes: number) => void;
}

const DEFAULT_MAX = 1 << 20;

export async function* readLines(input: Input, options: LineOptions = {}): AsyncGenerator<Line> {
  const max = options.maxLength ?? DEFAULT_MAX;
  let bytes = 0;
  async function* counted() {
    for await (const chunk of input.bytes()) {
      bytes += chunk.length;
      options.onBytes?.(bytes);
      yield chunk;
    }
  }
  let number = 0;
  let pending = '';
  let cut = false;
  const finish = (raw: string): Line => {
    number++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line = { text, number, cut };
    cut = false;
    return line;
  };
  for await (const chunk of decode(counted(), detectEncoding(input.head))) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl);
      start = nl + 1;
      if (cut) {
        yield finish(pending);
        pending = '';
        continue;
      }
      const whole = pending ? pending + piece : piece;
      pending = '';
      if (whole.length > max) {
        cut = true;
        yield finish(whole.slice(0, max));
      } else yield finish(whole);
    }
    if (start < chunk.length && !cut) {
      pending += chunk.slice(start);
      if (pending.length > max) {
        pending = pending.slice(0, max);
        cut = true;
      }
    }
  }
  if (pending || cut) yield finish(pending);
}
