import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { recognize } from '../../services/nlu/recognizer.js';

/**
 * `s2s recognize`: one message per line on stdin, one JSON object per line on stdout,
 * {"text","intent","specialisms","phase"} with phase null when none. That shape is a contract.
 * Every input line gets an output line, blank ones too (intent "none"), so line n answers line n.
 */
export function registerRecognizeCommand(program: Command): void {
  program
    .command('recognize')
    .description('read messages from stdin, one per line, and print what each asks for as JSON lines')
    .action(() => recognizeLines(process.stdin, process.stdout));
}

async function recognizeLines(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  // crlfDelay: Infinity reads Windows line ends as one break, so no "\r" stays in the text.
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    output.write(`${JSON.stringify({ text, ...recognize(text) })}\n`);
  }
}
