import { readFile, unlink } from 'node:fs/promises';
import { importPeople } from '../../../services/directory/import-people.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import type { ImportResult, ImportSource } from '../../../services/directory/csv-rows.js';
import { ValidationError } from '../../../services/errors.js';
import { html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { scrollingTable } from './form-parts.js';

const IMPORTERS = { people: importPeople, schools: importSchools } as const;
type ImportKind = keyof typeof IMPORTERS;

function kindOf(value: unknown): ImportKind {
  return value === 'schools' ? 'schools' : 'people';
}

export async function showImportForm(ctx: PageContext): Promise<PageResult> {
  return ctx.page('Upload a directory file', '/workspace/directory', html`<p>Upload the same CSV files as <code>npx s2s import</code>: schools first, then people. You will see every problem, by line, before anything is written; a file with any problem writes nothing.</p>
<form method="post" action="/workspace/directory/import" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${ctx.csrf}">
<fieldset><legend>What the file holds</legend>
<label><input type="radio" name="kind" value="people" checked> People</label>
<label><input type="radio" name="kind" value="schools"> Schools</label></fieldset>
<label for="file">CSV file</label><input type="file" id="file" name="file" accept=".csv,text/csv" required>
<p class="actions"><button type="submit">Check the file</button> <a href="/workspace/directory">Cancel</a></p>
</form>`);
}

async function uploadedText(ctx: PageContext): Promise<ImportSource | undefined> {
  const files = (ctx.req as unknown as { files?: Record<string, { path: string; name?: string; size: number }> }).files;
  const file = files?.file;
  if (!file) return undefined;
  try {
    return { fileName: file.name || 'upload.csv', text: await readFile(file.path, 'utf8') };
  } finally {
    await unlink(file.path).catch(() => undefined);
  }
}

/** Checks the file without writing, and shows either every problem by line or what would change. */
export async function previewImport(ctx: PageContext): Promise<PageResult> {
  const kind = kindOf(ctx.body.kind);
  const source = await uploadedText(ctx);
  if (!source) return ctx.page('Upload a directory file', '/workspace/directory', notice('error', html`No file arrived. <a href="/workspace/directory/import">Choose a CSV file</a> and try again.`), { status: 400 });
  let result: ImportResult;
  try {
    result = await IMPORTERS[kind](ctx.deps.flows.store, ctx.deps.flows.clock, ctx.person!.allianceId, source, { dryRun: true });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return ctx.page(`Problems in ${source.fileName}`, '/workspace/directory', html`${notice('error', `${error.message} Fix these in the file and upload it again.`)}
${scrollingTable('Problems by line', html`<table><thead><tr><th scope="col">Where</th><th scope="col">Problem</th></tr></thead>
<tbody>${error.problems.map((p) => html`<tr><td>${p.field}</td><td>${p.message}</td></tr>`)}</tbody></table>`)}
<p><a href="/workspace/directory/import">Upload a corrected file</a></p>`, { status: 400 });
  }
  return ctx.page(`Ready to import ${source.fileName}`, '/workspace/directory', html`${notice('ok', `No problems found. Importing will add ${result.created} and update ${result.updated} ${kind}. Nothing has been written yet.`)}
<form method="post" action="/workspace/directory/import/confirm">
<input type="hidden" name="_csrf" value="${ctx.csrf}"><input type="hidden" name="kind" value="${kind}">
<input type="hidden" name="fileName" value="${source.fileName}"><input type="hidden" name="text" value="${source.text}">
<p class="actions"><button type="submit">Import ${result.created + result.updated} ${kind}</button> <a href="/workspace/directory">Cancel</a></p>
</form>`);
}

/** Writes the checked file. The import checks it again, so a file changed in between still writes all or nothing. */
export async function confirmImport(ctx: PageContext): Promise<PageResult> {
  const kind = kindOf(ctx.body.kind);
  const source = { fileName: String(ctx.body.fileName ?? 'upload.csv'), text: String(ctx.body.text ?? '') };
  const result = await IMPORTERS[kind](ctx.deps.flows.store, ctx.deps.flows.clock, ctx.person!.allianceId, source);
  return { kind: 'redirect', to: `/workspace/directory?done=imported&what=${encodeURIComponent(`${result.created} added and ${result.updated} updated from ${source.fileName}`)}` };
}
