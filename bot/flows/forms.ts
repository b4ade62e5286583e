import type { FormDefinition } from '../../cards/form-definition.js';
import { DECLINE_FORM_IDS } from '../../cards/forms/decline-request.js';
import { DIAGNOSTIC_REPORT_FORM_ID } from '../../cards/forms/diagnostic-report.js';
import { DIAGNOSTIC_REQUEST_FORM_ID } from '../../cards/forms/diagnostic-request.js';
import { JOIN_ALLIANCE_FORM_ID } from '../../cards/forms/join-alliance.js';
import { MID_TERM_REVIEW_FORM_ID } from '../../cards/forms/mid-term-review.js';
import { DEPLOYMENT_PLAN_FORM_ID } from '../../cards/forms/deployment-plan.js';
import { EVALUATION_FORM_ID } from '../../cards/forms/evaluation.js';
import { PLAN_CHANGES_FORM_ID } from '../../cards/forms/plan-changes.js';
import { SUPPORT_REQUEST_FORM_ID } from '../../cards/forms/support-request.js';
import { VISIT_REPORT_CORRECTION_FORM_ID, VISIT_REPORT_FORM_ID } from '../../cards/forms/visit-report.js';
import { VISIT_REPORT_CHECK_FORM_ID } from '../../cards/forms/visit-report-check.js';
import { declineRequestForm } from './brokerage-flow.js';
import { diagnosticReportForm, diagnosticRequestForm, FOLLOW_ON_FORM_ID, followOnRequestForm } from './diagnostic-flow.js';
import { closeRequestForm, withdrawRequestForm } from './end-request-flow.js';
import { evaluationForm } from './evaluation-flow.js';
import { declineMembershipForm, joinAllianceForm } from './join-flow.js';
import type { FormEntry } from './form-entry.js';
import { leaveAllianceForm } from './leave-flow.js';
import { midTermReviewForm } from './mid-term-review-flow.js';
import { deploymentPlanForm, planChangesForm } from './plan-flow.js';
import { declineProposalForm } from './proposal-flow.js';
import { supportRequestForm } from './request-support-flow.js';
import { visitReportCheckForm } from './visit-report-check-flow.js';
import { visitReportCorrectionForm, visitReportForm } from './visit-report-flow.js';

/**
 * Every form the bot shows, by the id its submissions carry: its definition and its submit step.
 * A new form is a file in cards/forms/, its entry beside the flow it belongs to, and one line here.
 */
const TABLE = {
  [SUPPORT_REQUEST_FORM_ID]: supportRequestForm,
  [DECLINE_FORM_IDS.request]: declineRequestForm,
  [DECLINE_FORM_IDS.proposal]: declineProposalForm,
  [DEPLOYMENT_PLAN_FORM_ID]: deploymentPlanForm,
  [PLAN_CHANGES_FORM_ID]: planChangesForm,
  [VISIT_REPORT_FORM_ID]: visitReportForm,
  [VISIT_REPORT_CORRECTION_FORM_ID]: visitReportCorrectionForm,
  [MID_TERM_REVIEW_FORM_ID]: midTermReviewForm,
  [VISIT_REPORT_CHECK_FORM_ID]: visitReportCheckForm,
  [EVALUATION_FORM_ID]: evaluationForm,
  [DIAGNOSTIC_REQUEST_FORM_ID]: diagnosticRequestForm,
  [DIAGNOSTIC_REPORT_FORM_ID]: diagnosticReportForm,
  [FOLLOW_ON_FORM_ID]: followOnRequestForm,
  [JOIN_ALLIANCE_FORM_ID]: joinAllianceForm,
  [DECLINE_FORM_IDS.membership]: declineMembershipForm,
  [DECLINE_FORM_IDS.withdraw]: withdrawRequestForm,
  [DECLINE_FORM_IDS.close]: closeRequestForm,
  [DECLINE_FORM_IDS.leave]: leaveAllianceForm,
} as const satisfies Record<string, FormEntry<unknown>>;

export type FormId = keyof typeof TABLE;
export const FORMS: Readonly<Record<FormId, FormEntry<unknown>>> = TABLE;

export function isFormId(formId: string): formId is FormId {
  return Object.hasOwn(FORMS, formId);
}

/** The definition behind a submitted form id, so an edge can read its channel's answers by field type. */
export function blankForm(formId: string, now: Date): FormDefinition<unknown> | undefined {
  return isFormId(formId) ? FORMS[formId].blank(now) : undefined;
}
