import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free loopback port (tests never listen elsewhere) and answers with its base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Ends held responses and open connections, then closes the server; a server never started is a no-op. */
export async function closeLoopback(server: Server | undefined, held: Iterable<ServerResponse> = []): Promise<void> {
  for (const res of held) res.destroy();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
}
