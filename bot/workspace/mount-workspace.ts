import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import restify from 'restify';
import type { Server } from 'restify';
import type { WorkspaceDeps } from './workspace-deps.js';
import { route } from './respond.js';
import { redeemLink, showHome, showSignIn, showSignInLink, showTeamsTab, showTeamsTabSetup, signInAsDemoPerson, signInWithTeams, signOut } from './pages/sign-in.js';
import { showMyWork } from './pages/my-work.js';
import { chooseAlliance, showAllianceChooser } from './pages/choose-alliance.js';
import { WORKSPACE_PAGES } from './pages/index.js';

const require = createRequire(import.meta.url);

/** Browser scripts, served from this server (the page's CSP allows only its own scripts). */
const STATIC_SCRIPTS: Record<string, string> = {
  'teams-js.js': require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'),
  'teams-sign-in.js': fileURLToPath(new URL('./static/teams-sign-in.js', import.meta.url)),
  'teams-configure.js': fileURLToPath(new URL('./static/teams-configure.js', import.meta.url)),
};

const forms = restify.plugins.bodyParser({ maxBodySize: 64 * 1024, mapParams: false });

/** Puts the workspace's pages under /workspace on the bot's server. */
export function mountWorkspace(server: Server, deps: WorkspaceDeps): void {
  server.get('/workspace', route(deps, 'anyone', showHome));
  server.get('/workspace/sign-in', route(deps, 'anyone', showSignIn));
  server.post('/workspace/sign-in/demo', forms, route(deps, 'anyone', signInAsDemoPerson));
  server.get('/workspace/link', route(deps, 'anyone', showSignInLink));
  server.post('/workspace/link', forms, route(deps, 'anyone', redeemLink));
  server.get('/workspace/teams', route(deps, 'anyone', showTeamsTab));
  server.get('/workspace/teams/configure', route(deps, 'anyone', showTeamsTabSetup));
  server.post('/workspace/sso', forms, route(deps, 'anyone', signInWithTeams, { csrf: false }));
  server.post('/workspace/sign-out', forms, route(deps, 'anyone', signOut));
  server.get('/workspace/choose', route(deps, 'anyone', showAllianceChooser));
  server.post('/workspace/choose', forms, route(deps, 'anyone', chooseAlliance));
  server.get('/workspace/my-work', route(deps, 'signed-in', showMyWork));
  for (const page of WORKSPACE_PAGES) {
    const parsers = page.upload ? [restify.plugins.bodyParser({ maxBodySize: 10 * 1024 * 1024, maxFileSize: 10 * 1024 * 1024, mapParams: false })] : [forms];
    if (page.method === 'get') server.get(page.path, route(deps, 'manager', page.handler));
    else server.post(page.path, ...parsers, route(deps, 'manager', page.handler));
  }
  server.get('/workspace/static/:file', async (req, res) => {
    const path = STATIC_SCRIPTS[String(req.params.file)];
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
    res.end(await readFile(path));
  });
}
