import { actions, button, card, facts, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { MembershipRequest } from '../../services/domain/membership.js';
import { PHASE_LABELS } from '../../services/domain/phases.js';
import { ACTIONS } from '../flows/action-ids.js';

/** A school's request to join, in the manager channel: approve or decline, then who decided. */
export function buildMembershipCard(request: MembershipRequest): MessageCard {
  const { school } = request;
  const data = { membershipRequestId: request.id };
  const decision = request.decision;
  return card(`${school.name} asks to join`, [
    heading(`${school.name} asks to join the alliance`),
    facts([
      { label: 'School', value: `${school.name}, URN ${school.urn}, ${PHASE_LABELS[school.phase]}${school.postcode ? `, ${school.postcode}` : ''}` },
      ...(school.localAuthority ? [{ label: 'Local authority', value: school.localAuthority }] : []),
      { label: 'Head', value: request.headName },
      { label: 'Email', value: `${request.email}${request.emailConfirmedByChannel ? '' : ' (typed in; not confirmed by Teams or Slack)'}` },
      { label: 'Memorandum', value: request.memorandum ? `acknowledged ${request.memorandum.acknowledgedAt.slice(0, 10)}` : 'not acknowledged' },
    ]),
    request.status === 'pending'
      ? actions([
        button(ACTIONS.approveMembership, 'Approve', data, { style: 'primary' }),
        button(ACTIONS.declineMembership, 'Decline', data, { style: 'danger' }),
      ])
      : text(decision
        ? `${decision.outcome === 'approved' ? 'Approved' : 'Declined'} by ${decision.byName} at ${decision.at.slice(0, 16).replace('T', ' ')} UTC${decision.reason ? `: ${decision.reason}` : ''}.`
        : `This request is ${request.status}.`),
  ], `membership:${request.id}`);
}

/** What the head who asked hears. */
export function buildMembershipAnswerCard(request: MembershipRequest, allianceName: string): MessageCard {
  if (request.status === 'approved') {
    return card(`${request.school.name} has joined ${allianceName}`, [
      heading(`Welcome to ${allianceName}`),
      text(`${request.school.name} is now a member and you are in the directory as its head. You can request support, find experts and follow your requests here.`),
      actions([button(ACTIONS.openRequestForm, 'Request support', {}, { style: 'primary' }), button(ACTIONS.help, 'What can I do?', {})]),
    ]);
  }
  return card(`Your request to join ${allianceName} was declined`, [
    heading(`Your request to join ${allianceName} was declined`),
    text(request.decision?.reason ? `The alliance manager said: ${request.decision.reason}` : 'The alliance manager declined it.'),
  ]);
}
