/**
 * Progress on stderr for inputs that take more than a moment: a spinner with rows read,
 * rows per second, percent and time left, updated in place. Silent when stderr is not a
 * terminal (CI logs, pipes) or with --quiet.
 */
import type { Lang } from '../i18n/index.js';
import { t } from '../i18n/index.js';

export interface Progress {
  update(inputs: readonly { label: string; size?: number | null }[], rows: number, bytes: number): void;
  phase(text: string): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, phase() {}, stop() {} };
/** Nothing is shown for inputs read faster than this. */
const SHOW_AFTER_MS = 400;

export async function startProgress(stderr: { isTTY?: boolean }, lang: Lang, enabled: boolean): Promise<Progress> {
  if (!enabled || !stderr.isTTY) return SILENT;
  const { default: ora } = await import('ora');
  const started = Date.now();
  let spinner: ReturnType<typeof ora> | null = null;
  const show = (text: string) => {
    if (!spinner) {
      if (Date.now() - started < SHOW_AFTER_MS) return;
      spinner = ora({ text, stream: process.stderr, discardStdin: false }).start();
    } else spinner.text = text;
  };
  return {
    update(inputs, rows, bytes) {
      const total = inputs.reduce((s, i) => s + (i.size ?? 0), 0);
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? rows / seconds : 0;
      const label = inputs.map((i) => i.label).join(', ');
      let text = `${t(lang, 'progress.rows', { file: label, rows })} · ${t(lang, 'progress.rate', { rate: Math.round(rate) })}`;
      if (total > 0 && bytes > 0) {
        const share = Math.min(1, bytes / total);
        const left = share > 0 ? (seconds / share) * (1 - share) : 0;
        text += ` · ${t(lang, 'progress.left', { share: Math.floor(share * 100) / 100, seconds: Math.ceil(left) })}`;
      }
      show(text);
    },
    phase(text) {
      if (!spinner) return;
      spinner.text = text;
      // what follows may be synchronous work: draw the new text now, not at the next frame
      spinner.render();
    },
    stop() {
      spinner?.stop();
    },
  };
}
