import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ForbiddenError } from '../../services/errors.js';
import type { WorkspaceConfig } from '../../services/config/config.js';

export interface TeamsSsoUser {
  /** Entra object id: the person's `teamsAadObjectId` in the directory. */
  objectId: string;
  tenantId: string;
  email?: string;
}

export type TeamsTokenVerifier = (token: string) => Promise<TeamsSsoUser>;

const REFUSED = 'Teams could not prove who you are, so the workspace did not open. Close the tab and open it again.';

/** Entra issues v1 and v2 tokens for the same app: both name the tenant in the issuer. */
function issuersFor(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/**
 * Checks the token the Teams tab got from `authentication.getAuthToken()`: signed by a key in
 * Entra's JWKS, for this app (audience), issued by Entra for the token's own tenant (or the
 * configured tenant, for a single-tenant app), and not expired.
 */
export function createTeamsTokenVerifier(sso: NonNullable<WorkspaceConfig['teamsSso']>): TeamsTokenVerifier {
  const keys = createRemoteJWKSet(new URL(sso.jwksUrl));
  const audience = [sso.appId, `api://${sso.appId}`, ...(sso.resource ? [sso.resource] : [])];
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { audience, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch {
      throw new ForbiddenError(REFUSED);
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
    const objectId = typeof payload.oid === 'string' ? payload.oid : '';
    const tenantAllowed = !sso.tenantId || sso.tenantId === tenantId;
    if (!tenantId || !objectId || !tenantAllowed || !issuersFor(tenantId).includes(String(payload.iss))) throw new ForbiddenError(REFUSED);
    const email = [payload.preferred_username, payload.upn, payload.email].find((v): v is string => typeof v === 'string' && v.includes('@'));
    return { objectId, tenantId, ...(email ? { email } : {}) };
  };
}
