import { strict as assert } from 'node:assert';
import { ChildProcess } from '../helpers/child-process.js';

const ANNOUNCED = /Agents Playground as (.+) \((\w+)\) against (\S+): open http:\/\/127\.0\.0\.1:(\d+)\n/;

// `npm run playground -- ROLE` says where the Playground really is, even when its port was taken.
describe('npm run playground', function () {
  this.timeout(120_000);
  const running: ChildProcess[] = [];
  const start = (role: string, port: number) => {
    const child = new ChildProcess('scripts/playground.ts', [role], { PLAYGROUND_PORT: String(port), BOT_ENDPOINT: 'http://127.0.0.1:9/api/messages' });
    running.push(child);
    return child;
  };
  after(async () => { await Promise.all(running.map((child) => child.stop())); });

  it('prints the port it binds, and a second Playground on a taken port announces its own', async () => {
    const head = await start('head', 0).waitFor(ANNOUNCED);
    assert.deepEqual(head.slice(1, 4), ['Mark Davies', 'head', 'http://127.0.0.1:9/api/messages']);
    const headPort = Number(head[4]);

    const manager = await start('manager', headPort).waitFor(ANNOUNCED);
    assert.equal(manager[1], 'Helen Carter');
    const managerPort = Number(manager[4]);
    assert.notEqual(managerPort, headPort);

    for (const port of [headPort, managerPort]) {
      const page = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(page.status, 200, `a Playground answers on ${port}`);
    }
  });
});
