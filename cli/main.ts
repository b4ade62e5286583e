import { Command, CommanderError } from 'commander';
import { BotError, ValidationError } from '../services/errors.js';
import { commandRegistrars } from './commands/index.js';

const program = new Command()
  .name('s2s')
  .description('School-to-school support bot: directory, data and operations')
  .exitOverride()
  .showHelpAfterError();
for (const register of commandRegistrars) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}

/** One clear message per failure, never a stack trace for a problem the user can fix. */
function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof ValidationError) {
    process.stderr.write(`${error.message}\n${error.problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}\n`);
    return 1;
  }
  if (error instanceof BotError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  process.stderr.write(`Unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
  return 2;
}
