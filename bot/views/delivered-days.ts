import type { DeploymentDays } from '../../services/deployments/deployment-days.js';
import { money } from './money.js';

/** "1 of 6 days, £250": days delivered against the plan's and what they cost, as "my work" and the plan card show them. */
export function deliveredText(days: DeploymentDays, planDays: number): string {
  return `${days.delivered} of ${planDays} days, ${money(days.deliveredCost)}`;
}
