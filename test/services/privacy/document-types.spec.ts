import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLIANCE_DOCUMENT_TYPES, ID_ONLY_DOCUMENT_TYPES } from '../../../services/privacy/alliance-document-types.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Erasure and export read every kind of document an alliance holds. A new kind they do not know
// could keep a copy of someone's name or words after an erasure, so declaring one fails here first.
describe('erasure knows every kind of document', () => {
  it('lists every document type declared in services/ and bot/', () => {
    const declared = new Set<string>();
    for (const file of [...sourceFiles('services'), ...sourceFiles('bot')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^\s+type: '([A-Za-z]+)';$/gm)) declared.add(match[1]);
    }
    const known = new Set<string>([...ALLIANCE_DOCUMENT_TYPES, ...ID_ONLY_DOCUMENT_TYPES]);
    assert.ok(declared.size >= 10, `found ${declared.size} declarations`);
    assert.deepEqual([...declared].filter((type) => !known.has(type)).sort(), [], 'add these to services/privacy/alliance-document-types.ts');
  });
});
