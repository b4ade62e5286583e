import type { Person } from '../../services/domain/person.js';
import { recognize } from '../../services/nlu/recognizer.js';
import { listMyWork } from '../../services/requests/list-my-work.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import type { Turn } from '../conversation/turn.js';
import { buildHelpCard } from '../views/help-card.js';
import { buildMyWorkCard } from '../views/my-work-card.js';
import { linkBrokerageChannel } from './brokerage-flow.js';
import { answerContactWish, readContactWish } from './contact-setting-flow.js';
import { showDiagnosticForm } from './diagnostic-flow.js';
import { reopenByReference } from './end-request-flow.js';
import { findSupporters } from './find-supporter-flow.js';
import { showJoinOptions } from './join-flow.js';
import { showLeaveForm } from './leave-flow.js';
import type { FlowContext } from './flow-context.js';
import { nameHeadByReference, showPlanByReference } from './plan-flow.js';
import { showDeliveryProblems } from './delivery-problems-flow.js';
import { showRequestForm } from './request-support-flow.js';
import { chooseVisitReport } from './visit-report-flow.js';
import { sendWorkspaceLink } from './workspace-link-flow.js';

const USE_THIS_CHANNEL = /\buse\s+this\s+channel\b/i;
const DELIVERY_PROBLEMS = /\bdelivery\s+problems?\b/i;
const OPEN_WORKSPACE = /\bworkspace\b/i;
const REOPEN = /\breopen\b.*\b(S2S-\d{4}-\d{3,})\b/i;
/** Thanks, when nothing else was asked (the recogniser found no intent). */
const THANKS = /^\W*(many\s+)?(thanks|thank\s*you|thankyou|cheers|ta)\b/i;
const SHOW_PLAN = /\bplan\b.*\b(S2S-\d{4}-\d{3,})\b/i;
const NAME_HEAD = /\bname\s+<?(?:mailto:)?([^\s<>|]+@[^\s<>|]+?)(?:\|[^>]*)?>?\s.*\bhead\b.*\b(S2S-\d{4}-\d{3,})\b/i;

/** Free text from either channel, through the one recogniser. */
export async function handleMessage(ctx: FlowContext, person: Stored<Person>, turn: Turn & { kind: 'message' }): Promise<TurnResult> {
  if (USE_THIS_CHANNEL.test(turn.text)) return linkBrokerageChannel(ctx, person, turn.place, turn.user.channel);
  if (DELIVERY_PROBLEMS.test(turn.text)) return showDeliveryProblems(ctx, person);
  if (OPEN_WORKSPACE.test(turn.text)) return sendWorkspaceLink(ctx, person, turn.place, turn.user);
  const naming = NAME_HEAD.exec(turn.text);
  if (naming) return nameHeadByReference(ctx, person, naming[1], naming[2]);
  const reopening = REOPEN.exec(turn.text);
  if (reopening) return reopenByReference(ctx, person, reopening[1]);
  const planFor = SHOW_PLAN.exec(turn.text);
  if (planFor) return showPlanByReference(ctx, person, planFor[1]);
  const contactWish = readContactWish(turn.text);
  if (contactWish) return answerContactWish(ctx, person, contactWish);
  const recognition = recognize(turn.text);
  switch (recognition.intent) {
    case 'request_support':
      return showRequestForm(ctx, person, { data: {}, channel: turn.user.channel }, recognition);
    case 'request_diagnostic':
      return showDiagnosticForm(ctx, person, { data: {}, channel: turn.user.channel }, recognition);
    case 'join_alliance':
      return showJoinOptions(ctx, person);
    case 'leave_alliance':
      return showLeaveForm(ctx, person, { data: {}, channel: turn.user.channel, speaker: { user: turn.user, place: turn.place } });
    case 'find_supporter':
      return findSupporters(ctx, person, recognition.specialisms, recognition.phase);
    case 'my_requests':
      return { replies: [cardReply(buildMyWorkCard(await listMyWork(ctx, person)))], showsMyWork: true };
    case 'submit_visit_report':
      return chooseVisitReport(ctx, person, turn.user.channel);
    case 'help':
      return { replies: [cardReply(buildHelpCard(person.role, person.name))] };
    case 'none':
      if (THANKS.test(turn.text)) return { replies: [textReply('You are welcome. Say "my requests" at any time to see where things stand.')] };
      return { replies: [cardReply(buildHelpCard(person.role, person.name, "Sorry, I didn't understand that. Here is what I can help with."))] };
  }
}
