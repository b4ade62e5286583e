import { Agent, request } from 'node:http';

export const WARM_UP_TURNS = 3;

export interface CellResult {
  turns: number;
  /** Milliseconds per turn, sorted ascending. */
  latencies: number[];
  wallMs: number;
  failures: number;
}

/**
 * POSTs one activity and resolves with the status once the whole answer has arrived, or 0 when the
 * connection failed (a reset counts as a failed turn rather than ending the bench).
 */
export function postActivity(agent: Agent, url: string, activity: unknown): Promise<number> {
  const body = Buffer.from(JSON.stringify(activity));
  return new Promise((resolve) => {
    const req = request(`${url}/api/messages`, {
      method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/**
 * Closed-loop load: `concurrency` conversations each send their next turn as soon as the last one
 * was answered, until `turns` have been answered. Each conversation sends a few unmeasured turns first.
 */
export async function runCell(
  url: string,
  concurrency: number,
  turns: number,
  activity: (conversation: number, turn: number) => unknown,
  onMeasureStart: () => void = () => undefined,
): Promise<CellResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // Warm-up, unmeasured: a few turns per conversation open the connections (ours and to the connector) and warm the JIT.
  await Promise.all(Array.from({ length: concurrency }, async (_, c) => {
    for (let w = 1; w <= WARM_UP_TURNS; w++) await postActivity(agent, url, activity(c, -w));
  }));
  onMeasureStart();
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, c) => {
    while (next < turns) {
      const turn = next++;
      const at = performance.now();
      const status = await postActivity(agent, url, activity(c, turn));
      latencies.push(performance.now() - at);
      if (status !== 200) failures++;
    }
  }));
  const wallMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { turns, latencies, wallMs, failures };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
