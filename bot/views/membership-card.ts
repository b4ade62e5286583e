import { actions, button, card, facts, heading, text, type CardElement, type Fact, type MessageCard } from '../../cards/message-card.js';
import type { MembershipRequest } from '../../services/domain/membership.js';
import { PHASE_LABELS } from '../../services/domain/phases.js';
import { LEFT_ALLIANCE_REASON } from '../../services/membership/leave-alliance.js';
import type { LeavingImpact } from '../../services/membership/leaving-impact.js';
import { ACTIONS } from '../flows/action-ids.js';

/**
 * A school's request to join or leave, in the manager channel: approve or decline, then who
 * decided. A pending request to leave says what leaving would do, from `impact`.
 */
export function buildMembershipCard(request: MembershipRequest, impact?: LeavingImpact): MessageCard {
  const { school } = request;
  const data = { membershipRequestId: request.id };
  const decision = request.decision;
  const verb = request.action;
  const pending = request.status === 'pending';
  return card(`${school.name} asks to ${verb}`, [
    heading(`${school.name} asks to ${verb} the alliance`),
    facts([
      { label: 'School', value: `${school.name}, URN ${school.urn}, ${PHASE_LABELS[school.phase]}${school.postcode ? `, ${school.postcode}` : ''}` },
      ...(school.localAuthority ? [{ label: 'Local authority', value: school.localAuthority }] : []),
      { label: 'Head', value: request.headName },
      { label: 'Email', value: `${request.email}${request.emailConfirmedByChannel ? '' : ' (typed in; not confirmed by Teams or Slack)'}` },
      ...(verb === 'join'
        ? [{ label: 'Memorandum', value: request.memorandum ? `acknowledged ${request.memorandum.acknowledgedAt.slice(0, 10)}` : 'not acknowledged' }]
        : [{ label: 'Reason', value: request.reason ?? 'none given' }, ...(pending && impact ? impactFacts(impact) : [])]),
    ]),
    ...(verb === 'leave' && pending ? [whatLeavingMeans()] : []),
    pending
      ? actions([
        button(ACTIONS.approveMembership, 'Approve', data, { style: 'primary' }),
        button(ACTIONS.declineMembership, 'Decline', data, { style: 'danger' }),
      ])
      : text(decision
        ? `${decision.outcome === 'approved' ? 'Approved' : 'Declined'} by ${decision.byName} at ${decision.at.slice(0, 16).replace('T', ' ')} UTC${decision.reason ? `: ${decision.reason}` : ''}.`
        : `This request is ${request.status}.`),
  ], `membership:${request.id}`);
}

function impactFacts({ requestsToClose, deploymentsUnderWay }: LeavingImpact): Fact[] {
  const references = (refs: string[]) => (refs.length ? `${refs.length}: ${refs.join(', ')}` : 'none');
  return [
    { label: 'Open requests', value: references(requestsToClose.map((r) => r.reference)) },
    { label: 'Deployments under way', value: references(deploymentsUnderWay.map((d) => d.requestReference)) },
  ];
}

function whatLeavingMeans(): CardElement {
  return text(`If you approve, the school leaves: its heads can no longer request support here; its open requests not yet matched are closed ("${LEFT_ALLIANCE_REASON}"); deployments under way continue to completion. Its records stay for finance and history.`);
}

/** What the head who asked hears. */
export function buildMembershipAnswerCard(request: MembershipRequest, allianceName: string): MessageCard {
  const { school } = request;
  if (request.action === 'leave') {
    if (request.status === 'approved') {
      return card(`${school.name} has left ${allianceName}`, [
        heading(`${school.name} has left ${allianceName}`),
        text(`Its requests not yet matched are closed. Support already under way carries on to completion, and you can still follow it here (say "my requests"); new requests to ${allianceName} are no longer possible.`),
      ]);
    }
    return card(`Your request to leave ${allianceName} was declined`, [
      heading(`Your request to leave ${allianceName} was declined`),
      text(`${school.name} stays a member. ${request.decision?.reason ? `The alliance manager said: ${request.decision.reason}` : 'The alliance manager declined it.'}`),
    ]);
  }
  if (request.status === 'approved') {
    return card(`${school.name} has joined ${allianceName}`, [
      heading(`Welcome to ${allianceName}`),
      text(`${school.name} is now a member and you are in the directory as its head. You can request support, find experts and follow your requests here.`),
      actions([button(ACTIONS.openRequestForm, 'Request support', {}, { style: 'primary' }), button(ACTIONS.help, 'What can I do?', {})]),
    ]);
  }
  return card(`Your request to join ${allianceName} was declined`, [
    heading(`Your request to join ${allianceName} was declined`),
    text(request.decision?.reason ? `The alliance manager said: ${request.decision.reason}` : 'The alliance manager declined it.'),
  ]);
}
