import { parseFormSubmission, problemsOnFields, type FormDefinition, type FormProblem, type FormValues, type RawValues } from '../../cards/form-definition.js';
import type { Person } from '../../services/domain/person.js';
import { ValidationError } from '../../services/errors.js';
import type { ChannelKind, ChannelUser } from '../../services/identity/channel-identity.js';
import type { Stored } from '../../services/store/document-store.js';
import type { TurnResult } from '../conversation/reply.js';
import type { TurnPlace } from '../conversation/turn.js';
import type { FlowContext } from './flow-context.js';

/** How a form was reached: the data its button or earlier submission carried, and the channel. */
export interface FormCall {
  data: Readonly<Record<string, unknown>>;
  channel: ChannelKind;
  /** Who is speaking and where, as the channel says: for asking to join, before they are in the directory. */
  speaker?: { user: ChannelUser; place: TurnPlace };
}

/** A form as this person sees it now, and what its valid answers do. */
export interface OpenedForm<T> {
  form: FormDefinition<T>;
  /** Answers to start from, e.g. the last version of a plan being revised. */
  values?: FormValues;
  /** Carried back with the submission (which deployment, a submission id). */
  data: Record<string, string>;
  /** One service call, and what the pressed card becomes. */
  submit(value: T): Promise<TurnResult>;
}

/** One row of the forms table: the form's definition and its submit step. */
export interface FormEntry<T> {
  /** The definition with nothing loaded, so an edge can read its channel's answers by field type. */
  blank(now: Date): FormDefinition<unknown>;
  /** Loads what the form is about and checks the person may use it (a BotError otherwise). */
  open(ctx: FlowContext, person: Stored<Person>, call: FormCall): Promise<OpenedForm<T>>;
}

export async function showForm<T>(entry: FormEntry<T>, ctx: FlowContext, person: Stored<Person>, call: FormCall, values?: FormValues): Promise<TurnResult> {
  const opened = await entry.open(ctx, person, call);
  return { replies: [{ kind: 'form', form: opened.form, values: { ...opened.values, ...values }, data: opened.data }] };
}

/**
 * Submitted answers: checked against the form as the person saw it, then given to its service. Any
 * problem, from the form or the service, goes back into the same form with every answer kept.
 */
export async function submitForm<T>(entry: FormEntry<T>, ctx: FlowContext, person: Stored<Person>, call: FormCall, answers: RawValues): Promise<TurnResult> {
  return submitOpenedForm(await entry.open(ctx, person, call), answers);
}

/** As submitForm, for a form already opened (one that needs no directory record, such as asking to join). */
export async function submitOpenedForm<T>(opened: OpenedForm<T>, answers: RawValues): Promise<TurnResult> {
  const again = (errors: FormProblem[]): TurnResult => ({
    replies: [], replaceSource: { kind: 'form', form: opened.form, values: answers, errors, data: opened.data },
  });
  const parsed = parseFormSubmission(opened.form, answers);
  if (!parsed.ok) return again(parsed.problems);
  try {
    return await opened.submit(parsed.value);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return again(problemsOnFields(opened.form, answers, error.problems.map((problem) => ({ path: problem.field, message: problem.message }))));
  }
}
