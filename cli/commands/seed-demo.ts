import type { Command } from 'commander';
import { DEMO_ALLIANCE_ID, seedDemo } from '../../services/directory/seed-demo.js';
import { withCliContext } from '../cli-context.js';

/** `s2s seed-demo`: loads the demo alliance for trying the bot locally. */
export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description(`load the demo alliance (${DEMO_ALLIANCE_ID}) unless it exists`)
    .action(() =>
      withCliContext(async ({ store, clock, log }) => {
        const seeded = await seedDemo(store, clock);
        log(seeded
          ? `Loaded ${DEMO_ALLIANCE_ID}: Riverside Teaching School Hub with its schools and people.`
          : `${DEMO_ALLIANCE_ID} already exists; nothing changed.`);
      }));
}
