import { BotError } from '../errors.js';
import type { Deployment, DeploymentStatus } from './deployment.js';

/** Every legal move of a deployment, like the request's lifecycle. Anything else is refused. */
const MOVES: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  // The proposed supporter accepts or declines.
  proposed: ['accepted', 'declined', 'cancelled'],
  accepted: ['planned', 'cancelled'],
  planned: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: ['evaluated'],
  evaluated: [],
  declined: [],
  cancelled: [],
};

/** A diagnostic visit is reported straight after it is accepted: there is no plan to agree. */
const DIAGNOSTIC_MOVES: Partial<Record<DeploymentStatus, readonly DeploymentStatus[]>> = {
  ...MOVES,
  accepted: ['completed', 'cancelled'],
};

export function canMoveDeployment(deployment: Pick<Deployment, 'kind' | 'status'>, to: DeploymentStatus): boolean {
  const moves = deployment.kind === 'diagnostic' ? DIAGNOSTIC_MOVES : MOVES;
  return moves[deployment.status]?.includes(to) ?? false;
}

export function assertDeploymentMove(deployment: Pick<Deployment, 'kind' | 'status'>, to: DeploymentStatus): void {
  if (!canMoveDeployment(deployment, to)) throw new BotError('illegal_transition', `A deployment that is ${deployment.status} cannot become ${to}.`);
}
