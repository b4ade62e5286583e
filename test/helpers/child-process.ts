import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The production start (package.json's start:prod, `node [flags] dist/bot/main.js`) as Node's arguments, paths from the root. */
export function productionStart(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod'];
  const [command, ...args] = script.split(/\s+/);
  if (command !== 'node') throw new Error(`start:prod should run node, not ${command}`);
  return args.map((arg) => (arg.startsWith('dist/') ? join(ROOT, arg) : arg));
}

/**
 * A TypeScript entry point run as `npm start` or `npm run …` would (or, with `nodeArgs`, any Node
 * command line such as productionStart()), with everything it prints collected.
 */
export class ChildProcess {
  readonly process: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = ['--import', 'tsx', script]) {
    this.process = spawn(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    this.process.stdout.on('data', (chunk: Buffer) => { this.stdout += chunk.toString('utf8'); });
    this.process.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
  }

  /** Resolves with the first match of `pattern` in stdout; rejects if the process ends first. */
  async waitFor(pattern: RegExp): Promise<RegExpExecArray> {
    for (;;) {
      const match = pattern.exec(this.stdout);
      if (match) return match;
      if (this.process.exitCode !== null) throw new Error(`exited ${this.process.exitCode} before printing ${pattern}:\n${this.stdout}\n${this.stderr}`);
      await Promise.race([once(this.process.stdout, 'data'), once(this.process, 'exit')]);
    }
  }

  async exitCode(): Promise<number | null> {
    if (this.process.exitCode === null && this.process.signalCode === null) await once(this.process, 'exit');
    return this.process.exitCode;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGTERM');
    await once(this.process, 'exit');
  }
}
