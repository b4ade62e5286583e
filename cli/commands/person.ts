import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { erasePersonData } from '../../services/privacy/erase-person-data.js';
import { exportPersonData } from '../../services/privacy/export-person-data.js';
import { withCliContext } from '../cli-context.js';

/** `s2s person export|erase EMAIL`: data-protection requests, each audited in every alliance touched. */
export function registerPersonCommands(program: Command): void {
  const person = program.command('person').description("export or erase a person's data (UK GDPR requests)");
  person
    .command('export')
    .argument('<email>', "the person's work email")
    .description('write every record about the person as JSON to stdout')
    .action((email: string) =>
      withCliContext(async ({ store, clock, out }) => {
        out.write(`${JSON.stringify(await exportPersonData({ store, clock }, email, operator()), null, 2)}\n`);
      }));
  person
    .command('erase')
    .argument('<email>', "the person's work email")
    .description('anonymise the person, keeping days and ratings for the figures')
    .action((email: string) =>
      withCliContext(async ({ store, clock, log }) => {
        const summary = await erasePersonData({ store, clock }, email, operator());
        log(`Erased ${email} in ${summary.alliances.join(', ')}: ${summary.documentsRedacted} documents redacted, ${summary.notificationsRemoved} messages and ${summary.conversationLinksRemoved} channel addresses removed.`);
        if (!summary.storageCleared) {
          log('The bot has the database open, so earlier copies stay in its write-ahead log until it closes the file: restart the bot to clear them now.');
        }
      }));
}

/** Who ran the command, for the audit record. */
function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
