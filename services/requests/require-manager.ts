import { type Person, isManager } from '../domain/person.js';
import { ForbiddenError } from '../errors.js';

/** Refuses anyone but the alliance's managers and admins: "Only the alliance manager can close a request. Nothing was changed." */
export function requireManager(person: Person, what: string): void {
  if (!isManager(person)) throw new ForbiddenError(`Only the alliance manager can ${what}. Nothing was changed.`);
}
