import type { Command } from 'commander';
import { exportPeople, exportSchools } from '../../services/directory/export-directory.js';
import { withCliContext } from '../cli-context.js';
import { registerFinanceExport } from '../commands/export-finance.js';

/** `s2s export schools|people --alliance ID`: the import format on stdout, so a file round-trips; `export finance` for costs. */
export function registerExportCommands(program: Command): void {
  const exportCommand = program.command('export').description('write the directory (import format) or finance figures as CSV to stdout');
  for (const [what, exporter] of [['schools', exportSchools], ['people', exportPeople]] as const) {
    exportCommand
      .command(what)
      .description(`export an alliance's ${what}`)
      .requiredOption('--alliance <id>', 'the alliance to export')
      .action((options: { alliance: string }) =>
        withCliContext(async ({ store, out }) => {
          out.write(await exporter(store, options.alliance));
        }));
  }
  registerFinanceExport(exportCommand);
}
