import { InvalidArgumentError, type Command } from 'commander';
import { listDeliveryProblems } from '../../services/notifications/delivery-problems.js';
import { withCliContext } from '../cli-context.js';

/** `s2s delivery problems --alliance ID`: notifications given up on, who missed what and why. */
export function registerDeliveryCommands(program: Command): void {
  const delivery = program.command('delivery').description('notification delivery');
  delivery
    .command('problems')
    .description('list failed notifications, newest first, as time, who, what and reason, tab-separated')
    .requiredOption('--alliance <id>', 'the alliance')
    .option('--limit <n>', 'how many to list', parseCount, 50)
    .action((options: { alliance: string; limit: number }) =>
      withCliContext(async ({ store, clock, out, log }) => {
        const problems = await listDeliveryProblems({ store, clock }, options.alliance, options.limit);
        if (problems.length === 0) log(`No failed notifications for ${options.alliance}.`);
        for (const p of problems) out.write(`${p.failedAt}\t${p.who}\t${p.what}\t${p.reason}\n`);
      }));
}

function parseCount(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new InvalidArgumentError('use a whole number from 1 to 9999');
  return Number(value);
}
