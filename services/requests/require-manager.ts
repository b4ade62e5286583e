import type { Person } from '../domain/person.js';
import { ForbiddenError } from '../errors.js';

/** Refuses anyone but the alliance's managers and admins: "Only the alliance manager can close a request. Nothing was changed." */
export function requireManager(person: Person, what: string): void {
  if (person.role !== 'manager' && person.role !== 'admin') throw new ForbiddenError(`Only the alliance manager can ${what}. Nothing was changed.`);
}
