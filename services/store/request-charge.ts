import { AsyncLocalStorage } from 'node:async_hooks';

/** What one turn cost the store: calls and, on Cosmos DB, request units from each response's header. */
export interface TurnCharge {
  storeCalls: number;
  requestUnits: number;
}

const current = new AsyncLocalStorage<TurnCharge>();

/** Runs a turn with its own tally; the store adds to whichever turn is running when it answers. */
export async function meterTurn<R>(work: () => Promise<R>): Promise<{ result: R; charge: TurnCharge }> {
  const charge: TurnCharge = { storeCalls: 0, requestUnits: 0 };
  const result = await current.run(charge, work);
  return { result, charge };
}

/** Called by a store for each call it answers, with the request charge when the store reports one. */
export function addStoreCharge(requestUnits = 0): void {
  const charge = current.getStore();
  if (!charge) return;
  charge.storeCalls += 1;
  charge.requestUnits += requestUnits;
}

/** True inside a metered turn: lets a counting wrapper tell a turn's own calls from background work. */
export function insideTurn(): boolean {
  return current.getStore() !== undefined;
}
