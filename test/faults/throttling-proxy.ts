import { createServer, request, type Server } from 'node:http';
import { closeLoopback, listenOnLoopback } from '../helpers/loopback-server.js';

/**
 * A loopback HTTP proxy in front of the Cosmos-protocol server that answers the next `throttleNext`
 * requests with 429 and `x-ms-retry-after-ms`, as Cosmos does when a container runs out of RU/s,
 * and passes everything else through.
 */
export class ThrottlingProxy {
  throttleNext = 0;
  throttled = 0;
  forwarded = 0;
  url = '';
  private server?: Server;

  constructor(private readonly upstream: string, private readonly retryAfterMs = 10) {}

  async start(): Promise<void> {
    const target = new URL(this.upstream);
    this.server = createServer((req, res) => {
      if (this.throttleNext > 0) {
        this.throttleNext--;
        this.throttled++;
        req.resume();
        res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': String(this.retryAfterMs), 'x-ms-substatus': '3200' });
        res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large (test proxy).' }));
        return;
      }
      this.forwarded++;
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', (error) => { res.writeHead(502); res.end(String(error)); });
      req.pipe(upstream);
    });
    this.url = await listenOnLoopback(this.server!);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }
}
