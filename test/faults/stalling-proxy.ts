import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeLoopback, listenOnLoopback } from '../helpers/loopback-server.js';

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
    this.url = await listenOnLoopback(this.server!);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server, this.held);
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
