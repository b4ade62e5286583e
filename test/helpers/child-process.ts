import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A TypeScript entry point run as `npm start` or `npm run …` would, with everything it prints collected. */
export class ChildProcess {
  readonly process: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv) {
    this.process = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
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
