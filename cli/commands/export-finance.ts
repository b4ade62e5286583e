import type { Command } from 'commander';
import { financeCsv, summariseFinance } from '../../services/deployments/finance-export.js';
import { withCliContext } from '../cli-context.js';

/** `s2s export finance --alliance ID --from DATE --to DATE`: delivered days and amounts as CSV on stdout. */
export function registerFinanceExport(exportCommand: Command): void {
  exportCommand
    .command('finance')
    .description('delivered days and costs per deployment, with totals per school charged and per base school')
    .requiredOption('--alliance <id>', 'the alliance to export')
    .requiredOption('--from <date>', 'first visit date to include (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last visit date to include (YYYY-MM-DD)')
    .action((options: { alliance: string; from: string; to: string }) =>
      withCliContext(async ({ store, clock, out }) => {
        const summary = await summariseFinance({ store, clock }, options.alliance, { from: options.from, to: options.to });
        out.write(financeCsv(summary));
      }));
}
