import type { Deployment } from '../domain/deployment.js';
import { PLAN_PARTIES, type PlanParty } from '../domain/deployment-plan.js';
import type { Person } from '../domain/person.js';
import { partyOf } from './deployment-parties.js';

/** What a person can do on a deployment now; each is one button, and the service accepts it. */
export type Step =
  | 'accept' | 'decline'
  | 'writePlan' | 'revisePlan' | 'viewPlan' | 'confirmPlan' | 'askChanges'
  | 'reportVisit' | 'reviewMidTerm' | 'complete' | 'evaluate' | 'reportDiagnostic'
  /** The school confirms visit reports as accurate or says what needs correcting (added by list-my-work, which reads the reports). */
  | 'checkReport'
  /** The supporter corrects a report the school has not marked accurate (added by list-my-work, which reads the reports). */
  | 'correctReport';

/** Where a deployment stands: what it waits for, on whom, and what this person can do now. */
export interface Standing {
  waitsFor: string;
  waitsOn: PlanParty[];
  steps: Step[];
}

/**
 * The one reading of a deployment's stage that "my work", the plan card and the buttons share, so
 * a button is shown exactly when its service would accept the press. `delivered`: days reported.
 */
export function deploymentStanding(person: Person, deployment: Deployment, delivered: number): Standing {
  const party = partyOf(person, deployment);
  const plan = deployment.plan;
  const mine = (who: PlanParty, steps: Step[]): Step[] => (party === who ? steps : []);
  const viewPlan: Step[] = party && plan ? ['viewPlan'] : [];
  switch (deployment.status) {
    case 'proposed':
      return { waitsFor: 'the supporter to accept or decline', waitsOn: ['supporter'], steps: mine('supporter', ['accept', 'decline']) };
    case 'accepted': {
      // A diagnostic visit has no plan: it is reported straight after it is accepted.
      if (deployment.kind === 'diagnostic') {
        return { waitsFor: 'the supporter to report the diagnostic visit', waitsOn: ['supporter'], steps: mine('supporter', ['reportDiagnostic']) };
      }
      if (!plan) return { waitsFor: 'the supporter to write the plan', waitsOn: ['supporter'], steps: mine('supporter', ['writePlan']) };
      if (plan.status === 'changes-requested') {
        return { waitsFor: 'the supporter to revise the plan', waitsOn: ['supporter'], steps: [...viewPlan, ...mine('supporter', ['revisePlan'])] };
      }
      const waitsOn = PLAN_PARTIES.filter((p) => !plan.confirmations[p]);
      const canConfirm = party !== undefined && waitsOn.includes(party);
      return {
        waitsFor: `the plan to be confirmed (${PLAN_PARTIES.length - waitsOn.length} of ${PLAN_PARTIES.length} have)`,
        waitsOn,
        steps: [...viewPlan, ...(canConfirm ? ['confirmPlan', 'askChanges'] as Step[] : []), ...mine('supporter', ['revisePlan'])],
      };
    }
    case 'planned':
    case 'active': {
      const due = plan?.days ?? deployment.daysCommitted;
      const canComplete = deployment.status === 'active' && (party === 'alliance' || (party === 'supporter' && delivered >= due));
      return {
        waitsFor: `visit reports (${delivered} of ${due} days reported)`,
        waitsOn: ['supporter'],
        steps: [...viewPlan, ...mine('supporter', ['reportVisit']), ...(midTermWaitsOn(deployment, party) ? ['reviewMidTerm'] as Step[] : []), ...(canComplete ? ['complete'] as Step[] : [])],
      };
    }
    case 'completed':
      return { waitsFor: "the school's evaluation", waitsOn: ['school'], steps: [...viewPlan, ...mine('school', ['evaluate'])] };
    default:
      return { waitsFor: 'nothing: this deployment is finished', waitsOn: [], steps: viewPlan };
  }
}

/** Whether the mid-term review, once open, still waits for this party's answer. */
function midTermWaitsOn(deployment: Deployment, party: PlanParty | undefined): boolean {
  const midTerm = deployment.midTerm;
  return deployment.status === 'active' && midTerm !== undefined && (party === 'supporter' || party === 'school') && !midTerm.reviews[party];
}
