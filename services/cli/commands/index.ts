import type { Command } from 'commander';

/** Each command file adds its sub-commands to the program; the list is the CLI's table of contents. */
export const commandRegistrars: Array<(program: Command) => void> = [];
