/** The process entry: the only place that calls process.exit. */
import { runCli } from './run-cli.js';

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
