import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { ImportOptions, ImportResult, ImportSource } from '../../services/directory/csv-rows.js';
import { importPeople } from '../../services/directory/import-people.js';
import { importSchools } from '../../services/directory/import-schools.js';
import { BotError } from '../../services/errors.js';
import type { Clock } from '../../services/clock.js';
import type { DocumentStore } from '../../services/store/document-store.js';
import { withCliContext } from '../cli-context.js';

type Importer = (store: DocumentStore, clock: Clock, allianceId: string, source: ImportSource, options: ImportOptions) => Promise<ImportResult>;

/** `s2s import schools|people FILE --alliance ID`: all-or-nothing directory imports from CSV. */
export function registerImportCommands(program: Command): void {
  const importCommand = program
    .command('import')
    .description('import the directory from CSV; schools first, then people (nothing is written if any row is wrong)');
  addImport(importCommand, 'schools', importSchools, 'urn,name,phase,local_authority,postcode,trust,ofsted_judgement,ofsted_date');
  addImport(importCommand, 'people', importPeople,
    'email,name,role,base_school_urn,designation,specialisms,phases,days_per_year[,teams_aad_object_id,slack_user_id]');
}

function addImport(parent: Command, what: 'schools' | 'people', importer: Importer, header: string): void {
  parent
    .command(what)
    .description(`import ${what}; the header is ${header}`)
    .argument('<file>', 'CSV file')
    .requiredOption('--alliance <id>', 'the alliance to import into')
    .action((file: string, options: { alliance: string }) =>
      withCliContext(async ({ store, clock, log }) => {
        const started = performance.now();
        const source = { fileName: file, text: await readSource(file) };
        const result = await importer(store, clock, options.alliance, source, { onProgress: log });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        log(`Imported ${file} into ${options.alliance}: ${result.created} new ${what}, ${result.updated} updated (${seconds} s).`);
      }));
}

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new BotError('not_found', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}
