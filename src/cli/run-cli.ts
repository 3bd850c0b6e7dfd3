/**
 * The command line: flags in, an exit code out. Reading, progress and writing happen here;
 * everything between (load → derive → detectors → scoring → render) is called, not done.
 * Heavy modules are imported when a command needs them, so `--help` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import { type MsgRef, msg, t } from '../i18n/index.js';
import { type AuditFlags, OUTPUT_FORMATS, audit } from './commands/audit.js';
import { ExitCode } from './exit-codes.js';
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

  const program = new Command('community-audit')
    .description(t(lang, 'cli.description'))
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError(lang === 'fr' ? '(community-audit --help pour l’aide)' : '(run community-audit --help for usage)');

  program
    .argument('[files...]', "exports to audit (CSV); '-' reads stdin")
    .option('-m, --members <file>', 'member list (CSV): id or name, role, join date, last activity')
    .option('-b, --brand <accounts>', 'the brand accounts, by id or name, comma-separated (repeatable)', (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)])
    .addOption(new Option('-f, --format <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file (atomically; never over an input)')
    .addOption(new Option('--lang <lang>', 'report language (default: from LC_ALL / LANG)').choices(['fr', 'en']))
    .option('--since <date>', 'only messages from this day on (YYYY-MM-DD)')
    .option('--until <date>', 'only messages up to this day (YYYY-MM-DD)')
    .option('--input-format <name>', 'force the input format instead of detecting it (see: community-audit formats)')
    .option('--platform <name>', 'platform of a CSV with no platform column: instagram, linkedin, facebook, youtube, tiktok, x, forum, slack, discord…')
    .option('--map <field=column>', `read a field from a named column (repeatable); fields: ${MAP_FIELDS.join(', ')}`, (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--date-format <format>', 'force how dates are read: iso, dmy (dd/MM/yyyy), mdy (MM/dd/yyyy), ymd, epoch-s, epoch-ms')
    .option('--fail-under <score>', 'exit 1 when the score (0-100) is below this')
    .addOption(new Option('--fail-on <level>', 'exit 1 on this level: audience, or ready (anything short of a community)').choices(['audience', 'ready']))
    .option('--anonymize', 'replace every name with a pseudonym in the report (see SECURITY.md)')
    .option('--salt <text>', 'with --anonymize: the same pseudonyms in every run (implies --anonymize; or COMMUNITY_AUDIT_SALT)')
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR=0 are obeyed too)')
    .option('-q, --quiet', 'no progress and no warnings on stderr')
    .option('--verbose', 'more detail on stderr')
    .addHelpText(
      'after',
      `
Examples:
  community-audit comments.csv --members members.csv
  community-audit linkedin.csv --platform linkedin --lang fr
  community-audit export.csv --format json | jq .verdict
  community-audit export.csv --map author="Nom complet" --date-format dmy
  community-audit export.csv --fail-on audience --quiet        # in CI
  community-audit export.csv --anonymize --format json         # a report to share: pseudonyms, no contacts
  community-audit schema > audit.schema.json

Exit codes: 0 done · 1 a --fail-under/--fail-on threshold was not met · 2 bad usage or unreadable input
            3 too little data to judge the threshold · 70 internal error (please report it)`,
    )
    .action(async (files: string[], flags: AuditFlags) => {
      if (flags.lang) lang = flags.lang;
      exitCode = await audit(files, flags, io, lang, say);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the JSON report')
    .action(async () => {
      const { auditResultJsonSchema } = await import('../model/result.js');
      io.stdout.write(JSON.stringify(auditResultJsonSchema(), null, 2) + '\n');
    });

  program
    .command('formats')
    .description('list the input formats this version reads')
    .action(async () => {
      const { READERS } = await import('../load/formats/index.js');
      for (const r of READERS) io.stdout.write(`${r.name.padEnd(16)} replies: ${r.replies.join(', ')}\n`);
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

