import type { Command } from 'commander';
import { findOverdueReports, sendOverdueReminders } from '../../services/deployments/overdue-reports.js';
import { BotError } from '../../services/errors.js';
import { withCliContext } from '../cli-context.js';

/**
 * `s2s reminders` lists visit reports more than 5 working days late (`--alliance ID`) or queues a
 * reminder to each supporter concerned (`--send`); run daily by a scheduler, it reminds at most once
 * a day per deployment however often it runs.
 */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders')
    .description('list overdue visit reports, or queue reminders to the supporters with --send')
    .option('--alliance <id>', 'the alliance to list (listing only)')
    .option('--send', 'queue today\'s reminders in every alliance')
    .action((options: { alliance?: string; send?: boolean }) =>
      withCliContext(async ({ store, clock, out, log }) => {
        const ctx = { store, clock };
        if (options.send) {
          log(`Queued ${await sendOverdueReminders(ctx, clock.now())} overdue-report reminders (one per deployment per day).`);
          return;
        }
        if (!options.alliance) throw new BotError('validation', 'Say which alliance to list with --alliance, or use --send.');
        for (const { deployment, visits } of await findOverdueReports(ctx, options.alliance, clock.now())) {
          for (const visit of visits) out.write(`${deployment.requestReference}\t${deployment.supporterId}\tvisit ${visit.visitDate}\tdue ${visit.dueDate}\n`);
        }
      }));
}
