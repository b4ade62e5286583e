import type { Server } from 'restify';
import type { Config } from '../../services/config/config.js';
import type { FlowContext } from '../flows/flow-context.js';
import { mountWorkspace } from './mount-workspace.js';
import { randomSessionSecret } from './session.js';
import { createTeamsTokenVerifier } from './teams-sso.js';

/** Builds the workspace from configuration; the server calls the result to add its routes. */
export function createWorkspace(config: Config, flows: FlowContext): (server: Server) => void {
  const { workspace } = config;
  // Production configuration always has a secret (config refuses to start without one).
  const secret = workspace.sessionSecret ?? randomSessionSecret();
  const deps = {
    flows,
    mode: config.mode,
    config: workspace,
    session: { secret, secure: workspace.publicUrl.startsWith('https://') },
    ...(workspace.teamsSso ? { verifyTeamsToken: createTeamsTokenVerifier(workspace.teamsSso) } : {}),
  };
  return (server) => mountWorkspace(server, deps);
}
