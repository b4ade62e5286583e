import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the fake Bot Connector that can hold the next `stallNext` POSTs
 * without answering (a channel API that times out), passing everything else through.
 */
export class StallingProxy {
  stallNext = 0;
  stalled = 0;
  url = '';
  private server?: Server;
  private held: ServerResponse[] = [];

  constructor(private readonly upstream: () => string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.method === 'POST' && this.stallNext > 0) {
        this.stallNext--;
        this.stalled++;
        req.resume();
        this.held.push(res);
        return;
      }
      this.forward(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(this.upstream());
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => { res.writeHead(502); res.end(String(error)); });
    req.pipe(upstream);
  }
}
