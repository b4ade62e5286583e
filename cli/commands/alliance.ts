import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { DESIGNATIONS } from '../../services/domain/designations.js';
import { addAlliance, listAlliances, setDayRate } from '../../services/directory/alliances.js';
import { requireAlliance } from '../../services/directory/directory-store.js';
import { ValidationError } from '../../services/errors.js';
import { setJoiningSettings } from '../../services/membership/joining-settings.js';
import { setServiceLevels, type ServiceLevelChange } from '../../services/service-levels/set-service-levels.js';
import { serviceLevelsOf, STAGE_LABELS, STAGES } from '../../services/service-levels/settings.js';
import { withCliContext } from '../cli-context.js';

/** `s2s alliance add|list|rates|joining|sla`: the alliances every other record belongs to. */
export function registerAllianceCommands(program: Command): void {
  const alliance = program.command('alliance').description('create and list alliances, and set their day rates');

  alliance
    .command('add')
    .description('create an alliance with the default day rates')
    .requiredOption('--id <id>', 'short id, e.g. riverside-hub (lower-case letters, digits, hyphens)')
    .requiredOption('--name <name>', 'the name people see, e.g. "Riverside Teaching School Hub"')
    .option('--region <region>', 'e.g. "West Midlands"')
    .action((options: { id: string; name: string; region?: string }) =>
      withCliContext(async ({ store, clock, log }) => {
        const created = await addAlliance(store, clock, options);
        log(`Created alliance ${created.id} (${created.name}).`);
      }));

  alliance
    .command('list')
    .description('list every alliance as id, name and region, tab-separated')
    .action(() =>
      withCliContext(async ({ store, out }) => {
        for (const a of await listAlliances(store)) out.write(`${a.id}\t${a.name}\t${a.region ?? ''}\n`);
      }));

  alliance
    .command('rates')
    .description('show the day rates, or set one with --designation and --rate')
    .requiredOption('--id <id>', 'the alliance')
    .option('--designation <designation>', DESIGNATIONS.join(', '))
    .option('--rate <pounds>', 'day rate in whole pounds', parsePounds)
    .action((options: { id: string; designation?: string; rate?: number }) =>
      withCliContext(async ({ store, out, log }) => {
        if ((options.designation === undefined) !== (options.rate === undefined)) {
          throw new ValidationError([{ field: '--designation, --rate', message: 'give both to set a rate, or neither to show the rates' }]);
        }
        const current = options.designation !== undefined && options.rate !== undefined
          ? await setDayRate(store, options.id, { designation: options.designation, rate: options.rate })
          : await requireAlliance(store, options.id);
        if (options.designation) log(`Set the ${options.designation} day rate of ${current.id} to £${options.rate}.`);
        for (const designation of DESIGNATIONS) out.write(`${designation}\t${current.dayRates[designation]}\n`);
      }));

  alliance
    .command('joining')
    .description('let schools ask to join from the bot: list the alliance and set its memorandum of understanding')
    .requiredOption('--id <id>', 'the alliance')
    .requiredOption('--listed <yes|no>', 'yes: people the bot does not know may see the alliance\'s name and ask to join', parseYesNo)
    .requiredOption('--memorandum-file <file>', 'a text file with the memorandum a school acknowledges before asking')
    .action((options: { id: string; listed: boolean; memorandumFile: string }) =>
      withCliContext(async ({ store, clock, log }) => {
        const memorandum = await readFile(options.memorandumFile, 'utf8');
        const updated = await setJoiningSettings({ store, clock }, options.id, { listed: options.listed, memorandum });
        log(`${updated.name} ${options.listed ? 'is listed and takes join requests from the bot' : 'is not listed: schools join by import only'}.`);
      }));

  alliance
    .command('sla')
    .description('show the service levels (working days per stage), or change one')
    .requiredOption('--id <id>', 'the alliance')
    .option('--stage <stage>', STAGES.join(', '))
    .option('--days <n>', 'working days allowed at --stage', parseWorkingDays)
    .option('--escalate-after <n>', 'working days after the nudge before the manager channel is told', parseWorkingDays)
    .option('--auto-pass <on|off>', 'on: a proposal still unanswered at its escalation passes to the next best candidate', parseOnOff)
    .action((options: { id: string; stage?: string; days?: number; escalateAfter?: number; autoPass?: boolean }) =>
      withCliContext(async ({ store, clock, out, log }) => {
        const { id, ...change } = options;
        const changing = Object.values(change).some((value) => value !== undefined);
        const current = changing ? await setServiceLevels({ store, clock }, id, change as ServiceLevelChange) : await requireAlliance(store, id);
        if (changing) log(`Updated the service levels of ${current.id}; open items are dated again under them.`);
        const levels = serviceLevelsOf(current);
        for (const stage of STAGES) out.write(`${stage}\t${levels.days[stage]}\t${STAGE_LABELS[stage]}\n`);
        out.write(`escalate-after\t${levels.escalateAfter}\tworking days after the nudge\n`);
        out.write(`auto-pass\t${levels.autoPass ? 'on' : 'off'}\tunanswered proposals pass to the next best candidate\n`);
      }));
}

function parseWorkingDays(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('use whole working days, e.g. 3');
  return Number(value);
}

function parseOnOff(value: string): boolean {
  if (value === 'on' || value === 'off') return value === 'on';
  throw new InvalidArgumentError('use on or off');
}

function parseYesNo(value: string): boolean {
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new InvalidArgumentError('use yes or no');
}

function parsePounds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('use whole pounds, e.g. 350');
  return Number(value);
}
