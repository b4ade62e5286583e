import type { WorkspaceConfig } from '../../services/config/config.js';
import type { FlowContext } from '../flows/flow-context.js';
import type { SessionOptions } from './session.js';
import type { TeamsTokenVerifier } from './teams-sso.js';

/** What the workspace pages need: the same context the chat flows use, and how sign-in works here. */
export interface WorkspaceDeps {
  flows: FlowContext;
  mode: 'local' | 'production';
  config: WorkspaceConfig;
  session: SessionOptions;
  /** Present when Teams SSO is configured. */
  verifyTeamsToken?: TeamsTokenVerifier;
}
