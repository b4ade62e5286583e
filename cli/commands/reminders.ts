import type { Command } from 'commander';
import { englandDate } from '../../services/clock.js';
import { BotError } from '../../services/errors.js';
import { listDueItems } from '../../services/service-levels/alliance-due.js';
import { describeDue } from '../../services/service-levels/due-label.js';
import { STAGE_LABELS } from '../../services/service-levels/settings.js';
import { runServiceLevelTick } from '../../services/service-levels/service-level-tick.js';
import { withCliContext } from '../cli-context.js';

/**
 * `s2s reminders` lists what is overdue in an alliance (`--alliance ID`), or nudges and escalates
 * what has fallen due in every alliance (`--send`); run hourly by a scheduler, it sends each nudge
 * and escalation once however often it runs.
 */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders')
    .description('list overdue items as reference, stage, due date and lateness; or nudge and escalate with --send')
    .option('--alliance <id>', 'the alliance to list (listing only)')
    .option('--send', 'queue the nudges and escalations due now in every alliance (working hours only)')
    .action((options: { alliance?: string; send?: boolean }) =>
      withCliContext(async ({ store, clock, out, log }) => {
        const ctx = { store, clock };
        if (options.send) {
          const tick = await runServiceLevelTick(ctx, clock.now());
          log(`Queued ${tick.nudges} nudges and ${tick.escalations} escalations (${tick.looked} records fell due).`);
          if (tick.errors.length) throw new BotError('conflict', `${tick.errors.length} records could not be handled: ${tick.errors.map((e) => e.recordId).join(', ')}`);
          return;
        }
        if (!options.alliance) throw new BotError('validation', 'Say which alliance to list with --alliance, or use --send.');
        const today = englandDate(clock.now());
        const overdue = (await listDueItems(ctx, options.alliance, today)).filter((item) => item.dueDate < today);
        if (overdue.length === 0) log(`Nothing is overdue in ${options.alliance}.`);
        for (const item of overdue) out.write(`${item.reference}\t${STAGE_LABELS[item.stage]}${item.stage === 'visit-report' ? ` of ${item.item}` : ''}\tdue ${item.dueDate}\t${describeDue(item.dueDate, today)}\n`);
      }));
}
