import type { Command } from 'commander';
import { registerAllianceCommands } from '../commands/alliance.js';
import { registerDeliveryCommands } from '../commands/delivery.js';
import { registerDigestCommand } from '../commands/digest.js';
import { registerExportCommands } from '../commands/export.js';
import { registerImportCommands } from '../commands/import.js';
import { registerPersonCommands } from '../commands/person.js';
import { registerRecognizeCommand } from '../commands/recognize.js';
import { registerRemindersCommand } from '../commands/reminders.js';
import { registerSeedDemoCommand } from '../commands/seed-demo.js';

/** Each command file adds its sub-commands to the program; the list is the CLI's table of contents. */
export const commandRegistrars: Array<(program: Command) => void> = [
  registerAllianceCommands,
  registerImportCommands,
  registerExportCommands,
  registerSeedDemoCommand,
  registerRecognizeCommand,
  registerPersonCommands,
  registerRemindersCommand,
  registerDigestCommand,
  registerDeliveryCommands,
];
