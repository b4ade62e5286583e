import { newAlliance } from '../../services/domain/alliance.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { DocumentBase } from '../../services/store/document-store.js';

/**
 * An alliance and `size` of its deployments: `due` of them proposed on Tue 1 Dec 2026 and unanswered,
 * so their nudge falls on Mon 7 Dec, and the rest long finished. The due fields are as an audited
 * write leaves them. For the bounds on what background work reads as the store grows.
 */
export function deploymentsFallingDue(allianceId: string, size: number, due: number): DocumentBase[] {
  const docs: DocumentBase[] = [newAlliance({ id: allianceId, name: 'Bench Hub', now: new Date('2024-09-01T00:00:00Z') })];
  for (let i = 0; i < size; i++) {
    const falling = i < due;
    const at = falling ? '2026-12-01T09:00:00.000Z' : '2025-01-10T09:00:00.000Z';
    const deployment: Deployment = {
      id: `deployment-${i}`, allianceId, type: 'deployment', requestId: `request-${i}`, requestReference: `S2S-2025-${i}`,
      supporterId: `person-${i % 300}`, schoolUrn: String(100000 + (i % 250)), schoolHeadIds: [`person-h${i}`], baseSchoolUrn: '100999', designation: 'SLE', dayRate: 250,
      daysCommitted: 3, status: falling ? 'proposed' : 'evaluated', proposedAt: at, createdAt: at, updatedAt: at,
      history: [{ at, by: 'person-manager', action: 'status', to: 'proposed' }],
      ...(falling ? { dueOn: '2026-12-04', checkOn: '2026-12-07', slaActed: [] } : {}),
    };
    docs.push(deployment);
  }
  return docs;
}
