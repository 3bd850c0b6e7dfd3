/**
 * Drives a real terminal: the command runs in a detached tmux session (on a private socket,
 * so a developer's own tmux is left alone); keys go in with send-keys, the screen comes
 * back with capture-pane.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

export interface Terminal {
  /** tmux key names (Down, Enter, Left, Escape, C-c) or literal text */
  send(...keys: string[]): void;
  screen(): string;
  /** the screen once it shows `text` (a string or a pattern); throws with the screen after `timeoutMs` */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  kill(): void;
}

export function openTerminal(command: string, options: { cwd: string; env?: Record<string, string>; width?: number; height?: number }): Terminal {
  const socket = `ca-test-${randomBytes(4).toString('hex')}`;
  const session = 'quiz';
  const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
  // keep the pane after the command ends, so its last screen can still be read
  const script = `cd ${shellQuote(options.cwd)} && env ${env} ${command}; sleep 60`;
  execFileSync('tmux', ['-L', socket, 'new-session', '-d', '-s', session, '-x', String(options.width ?? 120), '-y', String(options.height ?? 40), script]);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
  return {
    send: (...keys) => void tmux('send-keys', '-t', session, ...keys),
    screen,
    async waitFor(text, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = screen();
        if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${s}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill() {
      spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    },
  };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
