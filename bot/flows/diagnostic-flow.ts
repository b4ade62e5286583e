import { randomBytes } from 'node:crypto';
import { createDiagnosticReportForm } from '../../cards/forms/diagnostic-report.js';
import { createDiagnosticRequestForm, DIAGNOSTIC_REQUEST_FIELDS } from '../../cards/forms/diagnostic-request.js';
import { createSupportRequestForm } from '../../cards/forms/support-request.js';
import { englandDate } from '../../services/clock.js';
import { requireParty } from '../../services/deployments/deployment-parties.js';
import { canActOnDiagnostic, followOnPrefill, loadDiagnosticReport, raiseFollowOnRequest } from '../../services/diagnostics/follow-on-request.js';
import { requestDiagnostic } from '../../services/diagnostics/request-diagnostic.js';
import { submitDiagnosticReport } from '../../services/diagnostics/submit-diagnostic-report.js';
import type { DiagnosticReportInput, DiagnosticRequestInput } from '../../services/domain/diagnostic.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId } from '../../services/domain/school.js';
import type { SupportRequest, SupportRequestInput } from '../../services/domain/support-request.js';
import { BotError, ForbiddenError } from '../../services/errors.js';
import { requireMemberSchool } from '../../services/membership/member-school.js';
import { requireRequestingHead } from '../../services/requests/submit-request.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord, getRecord } from '../../services/store/get-record.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { buildDiagnosticReportCard } from '../views/diagnostic-report-card.js';
import { buildRequestConfirmationCard } from '../views/request-confirmation-card.js';
import type { FlowContext } from './flow-context.js';
import { showForm, type FormCall, type FormEntry } from './form-entry.js';

/** The support form, under its own id, so its submission raises the follow-on of a diagnostic. */
export const FOLLOW_ON_FORM_ID = 'diagnostic-follow-on';

const submissionIdOf = (data: FormCall['data']) => (typeof data.submissionId === 'string' ? data.submissionId : randomBytes(12).toString('base64url'));

async function confirmed(ctx: FlowContext, request: Stored<SupportRequest>, alreadyReceived: boolean): Promise<TurnResult> {
  const school = await findRecord(ctx, request.allianceId, schoolId(request.schoolUrn), 'school');
  return { replies: [], replaceSource: cardReply(buildRequestConfirmationCard(request, school, alreadyReceived)) };
}

/** A head asks for an initial diagnostic visit. */
export const diagnosticRequestForm: FormEntry<DiagnosticRequestInput> = {
  blank: (now) => createDiagnosticRequestForm({ now }),
  async open(ctx, person, { data, channel }) {
    await requireMemberSchool(ctx, person.allianceId, requireRequestingHead(person));
    const submissionId = submissionIdOf(data);
    return {
      form: createDiagnosticRequestForm({ now: ctx.clock.now() }),
      data: { submissionId },
      async submit(input) {
        const result = await requestDiagnostic(ctx, person, input, { via: channel, submissionId });
        return confirmed(ctx, result.request, result.alreadyReceived);
      },
    };
  },
};

/** "We'd like a diagnostic visit": the form, with any areas and phase they named already chosen. */
export function showDiagnosticForm(ctx: FlowContext, person: Stored<Person>, call: FormCall, named: { specialisms: string[]; phase: string | null }): Promise<TurnResult> {
  return showForm(diagnosticRequestForm, ctx, person, call, {
    ...(named.specialisms.length ? { [DIAGNOSTIC_REQUEST_FIELDS.specialisms]: named.specialisms } : {}),
    ...(named.phase ? { [DIAGNOSTIC_REQUEST_FIELDS.phase]: named.phase } : {}),
  });
}

/** The leader who accepted a diagnostic reports the visit. */
export const diagnosticReportForm: FormEntry<DiagnosticReportInput> = {
  blank: (now) => createDiagnosticReportForm({ now }),
  async open(ctx, person, { data }) {
    const deployment = await getRecord(ctx, person.allianceId, String(data.deploymentId ?? ''), 'deployment');
    requireParty(person, deployment, ['supporter'], 'Only the leader on this diagnostic can report it.');
    if (deployment.kind !== 'diagnostic') throw new BotError('conflict', `${deployment.requestReference} is support, not a diagnostic: report its visits with a visit report.`);
    const school = await findRecord(ctx, person.allianceId, schoolId(deployment.schoolUrn), 'school');
    return {
      form: createDiagnosticReportForm({ now: ctx.clock.now(), subject: `${deployment.requestReference}: diagnostic visit to ${school?.name ?? `URN ${deployment.schoolUrn}`}` }),
      data: { deploymentId: deployment.id },
      async submit(input) {
        const { report } = await submitDiagnosticReport(ctx, person, deployment.id, input);
        return { replies: [], replaceSource: cardReply(buildDiagnosticReportCard(report, school, person.name)) };
      },
    };
  },
};

/** "Request this support" on a diagnostic report: the support form, prefilled with the recommendation. */
export const followOnRequestForm: FormEntry<SupportRequestInput> = {
  blank: (now) => ({ ...createSupportRequestForm({ now }), id: FOLLOW_ON_FORM_ID }),
  async open(ctx, person, { data, channel }) {
    const report = await loadDiagnosticReport(ctx, person.allianceId, String(data.reportId ?? ''));
    if (!canActOnDiagnostic(person, report)) throw new ForbiddenError("Only the school's head or the alliance manager can request the support a diagnostic recommends.");
    const submissionId = submissionIdOf(data);
    const prefill = followOnPrefill(report, englandDate(ctx.clock.now()));
    return {
      form: { ...createSupportRequestForm({ now: ctx.clock.now() }), id: FOLLOW_ON_FORM_ID, title: 'Request the recommended support', intro: `From the diagnostic report ${report.requestReference}. Change anything before sending.` },
      values: { ...prefill },
      data: { reportId: report.id, submissionId },
      async submit(input) {
        const result = await raiseFollowOnRequest(ctx, person, report.id, input, { via: channel, submissionId });
        return confirmed(ctx, result.request, result.alreadyReceived);
      },
    };
  },
};
