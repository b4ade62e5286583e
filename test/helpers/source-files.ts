import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript file below `dir`, for tests that check what the source imports. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
