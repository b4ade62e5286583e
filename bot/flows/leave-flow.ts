import { createDeclineForm } from '../../cards/forms/decline-request.js';
import type { Person } from '../../services/domain/person.js';
import type { DeclineInput } from '../../services/domain/support-request.js';
import { ForbiddenError } from '../../services/errors.js';
import { leavingSchool, requestToLeave } from '../../services/membership/request-to-leave.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord } from '../../services/store/get-record.js';
import { textReply, type TurnResult } from '../conversation/reply.js';
import type { FlowContext } from './flow-context.js';
import { showForm, type FormCall, type FormEntry } from './form-entry.js';

/**
 * "Our school wants to leave the alliance", from a head of a member school: the form says what
 * leaving means and asks why; the alliance manager decides in the brokerage channel.
 */
export const leaveAllianceForm: FormEntry<DeclineInput> = {
  blank: () => createDeclineForm({ purpose: 'leave', subject: '' }),
  async open(ctx, person, call) {
    const school = await leavingSchool(ctx, person);
    // Every turn carries who spoke and where (route-turn.ts); the request keeps it, as a join does.
    if (!call.speaker) throw new ForbiddenError('Ask from your chat with the bot.');
    const { user, place } = call.speaker;
    const alliance = await findRecord(ctx, person.allianceId, person.allianceId, 'alliance');
    const allianceName = alliance?.name ?? 'the alliance';
    return {
      form: createDeclineForm({
        purpose: 'leave',
        subject: `${school.name} asks to leave ${allianceName}. Other alliances it belongs to are not affected.`,
      }),
      data: {},
      async submit(input) {
        const from = { channel: user.channel, userId: user.userId, address: place.address };
        const { request, alreadyReceived } = await requestToLeave(ctx, person, from, input);
        return {
          replies: [],
          replaceSource: textReply(alreadyReceived
            ? `${request.headName} has already asked for ${school.name} to leave ${allianceName}. The alliance manager will answer here.`
            : `Thank you. The alliance manager will look at your request for ${school.name} to leave ${allianceName} and answer here.`),
        };
      },
    };
  },
};

export function showLeaveForm(ctx: FlowContext, person: Stored<Person>, call: FormCall): Promise<TurnResult> {
  return showForm(leaveAllianceForm, ctx, person, call);
}
