import type { CosmosClientOptions } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';

export interface CosmosTestServer {
  endpoint: string;
  /** The server accepts any key, but the SDK signs requests with it, so it must be base64. */
  key: string;
  /** Client options the in-process server needs: it has no regional endpoints to discover. */
  clientOptions: Partial<CosmosClientOptions>;
  stop(): Promise<void>;
}

/**
 * Starts an in-process Cosmos-protocol server on a random loopback port. Plain HTTP: the package's
 * bundled TLS certificate has expired. Every server starts empty.
 */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  const server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: Buffer.from('cosmosdb-server-test-key').toString('base64'),
    clientOptions: { connectionPolicy: { enableEndpointDiscovery: false } },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
