/**
 * The command line: flags in, an exit code out. Reading, progress and writing happen here;
 * everything between (load → derive → detectors → scoring → render) is called, not done.
 * Heavy modules are imported when a command needs them, so `--help` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import { type MessageKey, type MsgRef, type Values, msg, t } from '../i18n/index.js';
import { type AuditFlags, OUTPUT_FORMATS, audit } from './commands/audit.js';
import type { QuizFlags } from './commands/quiz.js';
import { ExitCode } from './exit-codes.js';
import { localHelp, localUsageError } from './help-text.js';
import { MAP_FIELDS, earlyLang, version } from './options.js';

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export async function runCli(io: CliIo): Promise<number> {
  let lang = earlyLang(io.argv, io.env);
  const color = !io.argv.includes('--no-color') && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0';
  if (!color) io.env.FORCE_COLOR = '0';
  // file names, headers and values in a message come from the user's files: no escape sequence of theirs reaches the terminal
  const { stripTerminalControls } = await import('../render/escape.js');
  const say = (ref: MsgRef) => io.stderr.write(stripTerminalControls(t(lang, 'error.title', { message: t(lang, ref.key, ref.values) })) + '\n');
  let exitCode: number = ExitCode.ok;

  const h = (key: MessageKey, values?: Values) => t(lang, key, values);
  const program = new Command('community-audit')
    .description(h('cli.description'))
    .version(version(), '-V, --version', h('help.version'))
    .helpOption('-h, --help', h('help.help'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(localUsageError(lang, s)),
    })
    // commander's own words (headings, choices, defaults) in the user's language too; subcommands inherit it
    .configureHelp(localHelp(lang))
    .showHelpAfterError(h('help.afterError'))
    // so that `quiz --format json` reaches the quiz command rather than the audit's own --format
    .enablePositionalOptions();

  program
    .argument('[files...]', h('help.audit.files'))
    .option('-m, --members <file>', h('help.audit.members'))
    .option('-b, --brand <accounts>', h('help.audit.brand'), (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)])
    .addOption(new Option('-f, --format <format>', h('help.audit.format')).choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --out <file>', h('help.audit.out'))
    .addOption(new Option('--lang <lang>', h('help.audit.lang')).choices(['fr', 'en']))
    .option('--since <date>', h('help.audit.since'))
    .option('--until <date>', h('help.audit.until'))
    .addOption(new Option('--by <period>', h('help.audit.by')).choices(['week', 'month', 'quarter']))
    .option('--input-format <name>', h('help.audit.inputFormat'))
    .option('--platform <name>', h('help.audit.platform'))
    .option('--map <field=column>', h('help.audit.map', { fields: MAP_FIELDS.join(', ') }), (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--date-format <format>', h('help.audit.dateFormat'))
    .option('--quiz <answers.json>', h('help.audit.quiz'))
    .option('--fail-under <score>', h('help.audit.failUnder'))
    .addOption(new Option('--fail-on <level>', h('help.audit.failOn')).choices(['audience', 'ready']))
    .option('--anonymize', h('help.audit.anonymize'))
    .option('--salt <text>', h('help.audit.salt'))
    .option('--no-color', h('help.audit.noColor'))
    .option('-q, --quiet', h('help.audit.quiet'))
    .option('--verbose', h('help.audit.verbose'))
    .addHelpText('after', `\n${h('help.audit.examples')}\n\n${h('help.audit.exitCodes')}`)
    .action(async (files: string[], flags: AuditFlags) => {
      if (flags.lang) lang = flags.lang;
      exitCode = await audit(files, flags, io, lang, say);
    });

  program
    .command('quiz')
    .description(h('quiz.cli.description'))
    .option('--answers <file.json>', h('help.quiz.answers'))
    .option('--template', h('help.quiz.template'))
    .option('--save-answers <file.json>', h('help.quiz.saveAnswers'))
    .addOption(new Option('-f, --format <format>', h('help.audit.format')).choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --out <file>', h('help.quiz.out'))
    .addOption(new Option('--lang <lang>', h('help.quiz.lang')).choices(['fr', 'en']))
    .option('--no-color', h('help.noColor'))
    .option('-q, --quiet', h('help.quiz.quiet'))
    .addHelpText('after', `\n${h('help.quiz.examples')}\n\n${h('help.quiz.exitCodes')}`)
    .action(async (flags: QuizFlags) => {
      if (flags.lang) lang = flags.lang;
      const { quiz } = await import('./commands/quiz.js');
      exitCode = await quiz(flags, io, lang, say);
    });

  program
    .command('compare')
    .description(h('help.compare.description'))
    .argument('<before>', h('help.compare.before'))
    .argument('<after>', h('help.compare.after'))
    .option('--fail-on-drop <points>', h('help.compare.failOnDrop'))
    .option('-f, --format <format>', h('help.compare.format'))
    .option('-o, --out <file>', h('help.compare.out'))
    .addOption(new Option('--lang <lang>', h('help.compare.lang')).choices(['fr', 'en']))
    .option('--no-color', h('help.noColor'))
    .addHelpText('after', `\n${h('help.compare.exitCodes')}\n`)
    .action(async (before: string, after: string, _opts: unknown, cmd: Command) => {
      const flags = cmd.opts() as { format?: string; out?: string; lang?: 'fr' | 'en'; failOnDrop?: string; color?: boolean };
      if (flags.lang) lang = flags.lang;
      const { compare } = await import('./commands/compare.js');
      exitCode = await compare(before, after, flags, io, lang, say);
    });

  program
    .command('schema')
    .description(h('help.schema.description'))
    .action(async () => {
      const { auditResultJsonSchema } = await import('../model/result.js');
      io.stdout.write(JSON.stringify(auditResultJsonSchema(), null, 2) + '\n');
    });

  program
    .command('formats')
    .description(h('help.formats.description'))
    // --lang is read before parsing (earlyLang); declared here so `formats --lang fr` is valid
    .addOption(new Option('--lang <lang>', h('help.formats.lang')).choices(['fr', 'en']))
    .action(async () => {
      const { listFormats } = await import('./commands/formats.js');
      io.stdout.write(listFormats(lang, io.stdout.columns ?? 100));
    });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof InputError) {
      say(error.ref);
      return ExitCode.usage;
    }
    say(msg('error.internal', { message: error instanceof Error ? error.message : String(error) }));
    if (io.argv.includes('--verbose') && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
    return ExitCode.internal;
  }
}

