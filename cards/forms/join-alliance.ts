import { joinRequestInputSchema, type JoinRequestInput } from '../../services/domain/membership.js';
import { PHASES, PHASE_LABELS } from '../../services/domain/phases.js';
import { mapOnto, type FormDefinition, type FormField } from '../form-definition.js';

export const JOIN_ALLIANCE_FORM_ID = 'join-alliance';

export const JOIN_ALLIANCE_ACTIONS = { submit: 'join-alliance.submit' } as const;

export const JOIN_ALLIANCE_FIELDS = {
  memorandum: 'memorandum',
  urn: 'urn',
  schoolName: 'schoolName',
  phase: 'phase',
  postcode: 'postcode',
  localAuthority: 'localAuthority',
  headName: 'headName',
  email: 'email',
  memorandumAcknowledged: 'memorandumAcknowledged',
} as const;

const F = JOIN_ALLIANCE_FIELDS;
/** The school's fields inside the service input, by the form field that asks for each. */
const SCHOOL_FIELD: Record<string, string> = { urn: F.urn, name: F.schoolName, phase: F.phase, postcode: F.postcode, localAuthority: F.localAuthority };

export interface JoinAllianceContext {
  allianceName: string;
  memorandum: string;
  /** The email Teams or Slack gave for the asker: it is used whatever is typed (open the form with it filled in). */
  confirmedEmail?: string;
}

/** A head asks for their school to join an alliance, acknowledging its memorandum of understanding. */
export function createJoinAllianceForm({ allianceName, memorandum, confirmedEmail }: JoinAllianceContext): FormDefinition<JoinRequestInput> {
  const fields: FormField[] = [
    { type: 'info', id: F.memorandum, text: `${allianceName}: memorandum of understanding\n\n${memorandum}` },
    { type: 'text', id: F.urn, label: 'School URN', help: 'The 6-digit unique reference number.', required: true, maxLength: 6 },
    { type: 'text', id: F.schoolName, label: 'School name', required: true, maxLength: 200 },
    { type: 'choice', id: F.phase, label: 'Phase', required: true, choices: PHASES.map((value) => ({ value, label: PHASE_LABELS[value] })), placeholder: 'Choose a phase' },
    { type: 'text', id: F.postcode, label: 'Postcode (optional)', maxLength: 8 },
    { type: 'text', id: F.localAuthority, label: 'Local authority (optional)', maxLength: 100 },
    { type: 'text', id: F.headName, label: 'Your name', required: true, maxLength: 200 },
    {
      type: 'text', id: F.email, label: 'Your work email', required: true, maxLength: 200,
      ...(confirmedEmail ? { help: `Your account gives ${confirmedEmail}; that is the address the alliance will use.` } : {}),
    },
    { type: 'toggle', id: F.memorandumAcknowledged, label: 'Memorandum', title: 'My school acknowledges the memorandum of understanding above.', required: true },
  ];
  return {
    id: JOIN_ALLIANCE_FORM_ID,
    title: `Join ${allianceName}`,
    submitLabel: 'Ask to join',
    submitActionId: JOIN_ALLIANCE_ACTIONS.submit,
    intro: 'The alliance manager will look at your request and let you know here.',
    fields,
    schema: mapOnto((answers) => ({
      school: Object.fromEntries(Object.entries(SCHOOL_FIELD).flatMap(([key, field]) => (answers[field] === undefined ? [] : [[key, answers[field]]]))),
      headName: answers[F.headName],
      email: confirmedEmail ?? answers[F.email],
      memorandumAcknowledged: answers[F.memorandumAcknowledged],
    }), joinRequestInputSchema),
    fieldOf: (path) => (path[0] === 'school' ? SCHOOL_FIELD[String(path[1])] : String(path[0])),
  };
}
