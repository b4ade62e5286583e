import type { Command } from 'commander';
import { registerAllianceCommands } from './alliance.js';
import { registerDeliveryCommands } from './delivery.js';
import { registerDigestCommand } from './digest.js';
import { registerExportCommands } from './export.js';
import { registerImportCommands } from './import.js';
import { registerPersonCommands } from './person.js';
import { registerRecognizeCommand } from './recognize.js';
import { registerRemindersCommand } from './reminders.js';
import { registerSeedDemoCommand } from './seed-demo.js';

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
