/** `community-audit formats`: every reader, what it reads and how it knows replies, in the user's language. */
import { type Lang, type MessageKey, t } from '../../i18n/index.js';
import { READERS } from '../../load/formats/index.js';
import { REPLY_KINDS } from '../../model/dataset.js';

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n\r]+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export function listFormats(lang: Lang, columns: number): string {
  const width = Math.max(60, Math.min(columns, 100));
  const pad = ' '.repeat(18);
  const out: string[] = [wrap(t(lang, 'formats.title'), width, ''), ''];
  for (const r of READERS) {
    const reads = wrap(t(lang, `format.${r.name}.reads` as MessageKey), width, pad).slice(pad.length);
    out.push(`  ${r.name.padEnd(16)}${reads}`);
    const kinds = r.replies.map((k) => t(lang, `formats.kind.${k}` as MessageKey)).join(', ');
    out.push(pad + t(lang, 'formats.replies', { kinds }));
  }
  out.push('', t(lang, 'formats.legendTitle'));
  const kinds = REPLY_KINDS.filter((k) => k !== 'none');
  const labelWidth = Math.max(...kinds.map((k) => t(lang, `formats.kind.${k}` as MessageKey).length)) + 2;
  for (const k of kinds) {
    const label = t(lang, `formats.kind.${k}` as MessageKey).padEnd(labelWidth);
    out.push(wrap(t(lang, `formats.legend.${k}` as MessageKey), width, ' '.repeat(2 + labelWidth)).replace(/^ */, `  ${label}`));
  }
  out.push('', t(lang, 'formats.membersTitle'), wrap(t(lang, 'formats.members'), width, '  '), '', wrap(t(lang, 'formats.containers'), width, ''));
  return out.join('\n') + '\n';
}
