import type { FormDefinition } from '../../cards/form-definition.js';
import { createDeclineForm, DECLINE_FORM_IDS } from '../../cards/forms/decline-request.js';
import { createDeploymentPlanForm, DEPLOYMENT_PLAN_FORM_ID } from '../../cards/forms/deployment-plan.js';
import { createEvaluationForm, EVALUATION_FORM_ID } from '../../cards/forms/evaluation.js';
import { createPlanChangesForm, PLAN_CHANGES_FORM_ID } from '../../cards/forms/plan-changes.js';
import { createSupportRequestForm, SUPPORT_REQUEST_FORM_ID } from '../../cards/forms/support-request.js';
import { createVisitReportForm, VISIT_REPORT_FORM_ID } from '../../cards/forms/visit-report.js';

/**
 * The definition behind a submitted form id, so each edge can read its channel's answers by field
 * type before the flow validates them. Wording-only context (subjects) does not affect parsing.
 */
export function formDefinitionFor(formId: string, now: Date): FormDefinition<unknown> | undefined {
  switch (formId) {
    case SUPPORT_REQUEST_FORM_ID:
      return createSupportRequestForm({ now });
    case DECLINE_FORM_IDS.request:
      return createDeclineForm({ purpose: 'request', subject: '' });
    case DECLINE_FORM_IDS.proposal:
      return createDeclineForm({ purpose: 'proposal', subject: '' });
    // Rebuilt without the deployment: every objective group is present, so each answer's type is known.
    case DEPLOYMENT_PLAN_FORM_ID:
      return createDeploymentPlanForm({ subject: '' });
    case PLAN_CHANGES_FORM_ID:
      return createPlanChangesForm({ subject: '' });
    case VISIT_REPORT_FORM_ID:
      return createVisitReportForm({ now });
    case EVALUATION_FORM_ID:
      return createEvaluationForm({});
    default:
      return undefined;
  }
}
