/**
 * An AuditResult in the format asked for: the one switch the audit and the quiz share.
 * Renderers are imported when used, so `--help` does not load them. A format added to
 * OUTPUT_FORMATS fails the type check here until it is handled.
 */
import type { AuditResultT } from '../model/result.js';
import type { OUTPUT_FORMATS } from './commands/audit.js';
import type { CliIo } from './run-cli.js';

export async function renderReport(result: AuditResultT, format: (typeof OUTPUT_FORMATS)[number], io: CliIo, options: { toFile: boolean; color: boolean }): Promise<string> {
  switch (format) {
    case 'json': {
      const { renderJson } = await import('../render/json.js');
      return renderJson(result);
    }
    case 'markdown': {
      const { renderMarkdown } = await import('../render/markdown.js');
      return renderMarkdown(result);
    }
    case 'html': {
      const { renderHtml } = await import('../render/html.js');
      return renderHtml(result);
    }
    case 'text': {
      const { renderText } = await import('../render/text.js');
      const toTerminal = !options.toFile;
      const color = options.color && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0' && (toTerminal ? io.stdout.isTTY === true || io.env.FORCE_COLOR !== undefined : false);
      // a pipe has no width: COLUMNS, as shells export it, else 100
      return renderText(result, { color, width: io.stdout.columns ?? (Number(io.env.COLUMNS) || 100) });
    }
    default: {
      const unhandled: never = format;
      throw new Error(`no renderer for ${String(unhandled)}`);
    }
  }
}
