import { DIAGNOSTIC_OUTCOMES, diagnosticRequestInputSchema, type DiagnosticRequestInput } from '../domain/diagnostic.js';
import type { Person } from '../domain/person.js';
import type { ChannelKind } from '../identity/channel-identity.js';
import { parseInput } from '../parse-input.js';
import { requireRequestingHead, storeRequest, type SubmitResult } from '../requests/submit-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/**
 * A head asks for an initial diagnostic visit. It is brokered like any request (the manager channel
 * sees it with candidates, system leaders first) and becomes a diagnostic deployment on approval.
 */
export async function requestDiagnostic(
  ctx: ServiceContext,
  requester: Stored<Person>,
  input: DiagnosticRequestInput,
  meta: { via: ChannelKind; submissionId: string },
): Promise<SubmitResult> {
  const schoolUrn = requireRequestingHead(requester);
  const fields = parseInput(diagnosticRequestInputSchema, input);
  return storeRequest(
    ctx,
    { allianceId: requester.allianceId, schoolUrn, requesterId: requester.id, raisedBy: requester.id },
    { ...fields, kind: 'diagnostic', outcomes: DIAGNOSTIC_OUTCOMES },
    meta,
  );
}
