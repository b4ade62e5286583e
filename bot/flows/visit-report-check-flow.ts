import { createVisitReportCheckForm } from '../../cards/forms/visit-report-check.js';
import { showDate } from '../../services/domain/show-date.js';
import { checkVisitReport } from '../../services/deployments/check-visit-report.js';
import type { ReportCheckInput } from '../../services/domain/visit-report-check.js';
import { NotFoundError } from '../../services/errors.js';
import { findRecord } from '../../services/store/get-record.js';
import { reportsFor } from '../../services/deployments/visit-reports.js';
import { textReply } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
import type { FormEntry } from './form-entry.js';

/** The school's head marks a visit report accurate, or says what needs correcting. */
export const visitReportCheckForm: FormEntry<ReportCheckInput> = {
  blank: () => createVisitReportCheckForm({}),
  async open(ctx, person, { data }) {
    // From a report's card, that report; from "my work", the deployment's oldest report not yet checked.
    const report = data.reportId
      ? await findRecord(ctx, person.allianceId, String(data.reportId), 'visitReport')
      : (await reportsFor(ctx, person.allianceId, String(data.deploymentId ?? ''))).find((r) => !r.confirmation);
    if (!report) throw new NotFoundError('A visit report to check');
    const view = await loadDeploymentView(ctx, person, report.deploymentId);
    const visit = `the visit of ${showDate(report.visitDate)}`;
    return {
      form: createVisitReportCheckForm({ subject: `${view.subject}: report of ${visit}` }),
      data: { reportId: report.id },
      async submit(check) {
        await checkVisitReport(ctx, person, report.id, check);
        return {
          replies: [],
          replaceSource: textReply(check.check === 'accurate'
            ? `Thank you: the report of ${visit} is confirmed as accurate.`
            : `Thank you: the supporter has been told what needs correcting in the report of ${visit}.`),
        };
      },
    };
  },
};
