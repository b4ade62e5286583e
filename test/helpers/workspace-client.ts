/** A browser-less client for /workspace: keeps the session cookie and reads CSRF tokens from forms. */
export class WorkspaceClient {
  private cookie = '';
  lastHtml = '';

  constructor(readonly baseUrl: string) {}

  async get(path: string): Promise<{ status: number; location?: string; html: string; headers: Headers }> {
    return this.send(path, { method: 'GET' });
  }

  /** Posts a form as a browser would, with the CSRF token from the last page unless `_csrf` is given. */
  async post(path: string, fields: Record<string, string>, options: { csrf?: boolean } = {}): Promise<{ status: number; location?: string; html: string; headers: Headers }> {
    const body = new URLSearchParams(options.csrf === false ? fields : { _csrf: this.csrfToken(), ...fields });
    return this.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }

  async postJson(path: string, value: unknown): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
    const response = await this.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
    return { status: response.status, json: JSON.parse(response.html) as Record<string, unknown>, headers: response.headers };
  }

  csrfToken(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? '';
  }

  private async send(path: string, init: RequestInit) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const html = await response.text();
    if (response.headers.get('content-type')?.startsWith('text/html')) this.lastHtml = html;
    return { status: response.status, location: response.headers.get('location') ?? undefined, html, headers: response.headers };
  }
}

/** The sign-in link in the bot's reply to "open the workspace", as a path. */
export function signInLinkPath(text: string): string {
  const match = /https?:\/\/[^\s]+(\/workspace\/link\?t=[^\s]+)/.exec(text);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return match[1]!;
}
