import { DESIGNATION_LABELS, DESIGNATIONS } from '../../../services/domain/designations.js';
import type { Person } from '../../../services/domain/person.js';
import { ROLES } from '../../../services/domain/person.js';
import { PHASE_LABELS, PHASES } from '../../../services/domain/phases.js';
import type { School } from '../../../services/domain/school.js';
import { SPECIALISM_LABELS, SPECIALISMS } from '../../../services/domain/specialisms.js';
import { savePerson } from '../../../services/directory/save-person.js';
import { NotFoundError, ValidationError, type FieldProblem } from '../../../services/errors.js';
import type { Stored } from '../../../services/store/document-store.js';
import { html, type Html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { optionsOf } from './form-parts.js';

type FormValues = Record<string, string | string[]>;

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value ? [value] : [];
}

function valuesOf(person: Person): FormValues {
  return {
    email: person.email, name: person.name, role: person.role, baseSchoolUrn: person.baseSchoolUrn ?? '', designation: person.designation ?? '',
    specialisms: person.specialisms, phases: person.phases, daysPerYear: String(person.daysPerYear),
  };
}

/** The form's text turned into the shape the person schema checks; the schema decides what is valid. */
function inputOf(values: FormValues): Record<string, unknown> {
  const text = (key: string) => (typeof values[key] === 'string' && values[key] ? values[key] : undefined);
  return {
    email: text('email') ?? '', name: text('name') ?? '', role: text('role'), baseSchoolUrn: text('baseSchoolUrn'), designation: text('designation'),
    specialisms: listOf(values.specialisms), phases: listOf(values.phases), daysPerYear: text('daysPerYear') === undefined ? 0 : Number(text('daysPerYear')),
  };
}

/** Add a person, or edit one (`?id=`), with every field a people CSV row has. */
export async function showPersonForm(ctx: PageContext): Promise<PageResult> {
  const id = ctx.query.get('id');
  if (!id) return renderForm(ctx, {}, [], undefined);
  const person = await ctx.deps.flows.store.get<Person>(ctx.person!.allianceId, id);
  if (!person || person.type !== 'person' || person.erasedAt) throw new NotFoundError('That person');
  return renderForm(ctx, valuesOf(person), [], person);
}

export async function submitPersonForm(ctx: PageContext): Promise<PageResult> {
  const values = ctx.body as FormValues;
  const etag = typeof values.etag === 'string' && values.etag ? values.etag : null;
  try {
    const { person, created } = await savePerson(ctx.deps.flows.store, ctx.deps.flows.clock, ctx.person!.allianceId, inputOf(values), etag);
    return { kind: 'redirect', to: `/workspace/directory?done=${created ? 'added' : 'saved'}&what=${encodeURIComponent(person.name)}` };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const editing = etag ? await ctx.deps.flows.store.get<Person>(ctx.person!.allianceId, String(values.id ?? '')) : undefined;
    const page = await renderForm(ctx, values, error.problems, editing ?? undefined);
    return page.kind === 'page' ? { ...page, status: 400 } : page;
  }
}

async function renderForm(ctx: PageContext, values: FormValues, problems: FieldProblem[], editing: Stored<Person> | undefined): Promise<PageResult> {
  const schools = await ctx.deps.flows.store.query<School>(ctx.person!.allianceId, { type: 'school', orderBy: [{ field: 'name' }] });
  const errorOf = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message).join('; ');
  const value = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : '');
  const described = (field: string) => (errorOf(field) ? html` aria-invalid="true" aria-describedby="err-${field}"` : '');
  const error = (field: string): Html | '' => (errorOf(field) ? html`<p class="error-text" id="err-${field}">${errorOf(field)}</p>` : '');
  const checkboxes = (field: string, choices: ReadonlyArray<readonly [string, string]>) => html`<fieldset${described(field)}><legend>${field === 'specialisms' ? 'Specialisms' : 'Phases'}</legend>${error(field)}
${choices.map(([id, label]) => html`<label><input type="checkbox" name="${field}" value="${id}"${listOf(values[field]).includes(id) ? html` checked` : ''}> ${label}</label> `)}</fieldset>`;
  const title = editing ? `Edit ${editing.name}` : 'Add a person';
  return ctx.page(title, '/workspace/directory', html`${problems.length ? notice('error', `Nothing was saved: ${problems.length === 1 ? 'one answer needs' : `${problems.length} answers need`} another look.`) : ''}
<form method="post" action="/workspace/directory/person" novalidate>
<input type="hidden" name="_csrf" value="${ctx.csrf}">
${editing ? html`<input type="hidden" name="etag" value="${editing._etag}"><input type="hidden" name="id" value="${editing.id}"><input type="hidden" name="email" value="${editing.email}">` : ''}
<label for="email">Work email</label>${error('email')}
<input type="email" id="email" name="email" value="${value('email')}" autocomplete="off"${editing ? html` disabled` : ''}${described('email')}>
${editing ? html`<p class="hint">The email identifies the person, so it cannot be changed here.</p>` : ''}
<label for="name">Name</label>${error('name')}<input type="text" id="name" name="name" value="${value('name')}"${described('name')}>
<label for="role">Role</label>${error('role')}<select id="role" name="role"${described('role')}>${optionsOf(ROLES.map((r) => [r, r]), value('role'))}</select>
<label for="baseSchoolUrn">Base school</label>${error('baseSchoolUrn')}
<select id="baseSchoolUrn" name="baseSchoolUrn"${described('baseSchoolUrn')}><option value="">None (managers)</option>${optionsOf(schools.map((s) => [s.urn, `${s.name} (${s.urn})`]), value('baseSchoolUrn'))}</select>
<label for="designation">Designation</label><p class="hint">Supporters only.</p>${error('designation')}
<select id="designation" name="designation"${described('designation')}><option value="">None</option>${optionsOf(DESIGNATIONS.map((d) => [d, DESIGNATION_LABELS[d]]), value('designation'))}</select>
${checkboxes('specialisms', SPECIALISMS.map((s) => [s, SPECIALISM_LABELS[s]]))}
${checkboxes('phases', PHASES.map((p) => [p, PHASE_LABELS[p]]))}
<label for="daysPerYear">Days offered a year</label>${error('daysPerYear')}<input type="number" id="daysPerYear" name="daysPerYear" min="0" max="200" value="${value('daysPerYear') || '0'}"${described('daysPerYear')}>
<p class="actions"><button type="submit">${editing ? 'Save changes' : 'Add this person'}</button> <a href="/workspace/directory">Cancel</a></p>
</form>`);
}
