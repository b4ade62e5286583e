import { isManager, type Person } from '../../services/domain/person.js';
import { html, type Html, type HtmlPart } from './html.js';
import { WORKSPACE_CSS } from './styles.js';

export interface LayoutOptions {
  title: string;
  person?: Person;
  allianceName?: string;
  csrf: string;
  /** Which navigation entry is current (its path). */
  current?: string;
  /** Extra script tags (charts, the Teams library); pages read fine without them. */
  scripts?: readonly string[];
  /** The person signed in to several alliances: offer the chooser. */
  canSwitchAlliance?: boolean;
  /** Signed in, but no alliance chosen yet: they can still sign out. */
  choosingAlliance?: boolean;
}

const MANAGER_NAV: ReadonlyArray<[string, string]> = [
  ['/workspace/board', 'Pipeline'],
  ['/workspace/directory', 'Directory'],
  ['/workspace/capacity', 'Capacity and need'],
  ['/workspace/impact', 'Impact'],
  ['/workspace/finance', 'Finance'],
  ['/workspace/delivery', 'Delivery problems'],
  ['/workspace/membership', 'Joining and leaving'],
];


/** The page shell: skip link, header with who is signed in, navigation, main content. */
export function layout(options: LayoutOptions, content: HtmlPart): Html {
  const nav = isManager(options.person) ? MANAGER_NAV : options.person ? [['/workspace/my-work', 'My work'] as [string, string]] : [];
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – School-to-school support</title>
<style>${WORKSPACE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top">
  <p class="brand">School-to-school support${options.allianceName ? html` <span class="muted">· ${options.allianceName}</span>` : ''}${options.canSwitchAlliance ? html` <a href="/workspace/choose" class="switch">Switch alliance</a>` : ''}</p>
  ${options.person || options.choosingAlliance ? html`<form method="post" action="/workspace/sign-out" class="signout">
    <input type="hidden" name="_csrf" value="${options.csrf}">
    ${options.person ? html`<span>${options.person.name}</span> ` : ''}<button type="submit" class="link">Sign out</button>
  </form>` : ''}
  ${nav.length ? html`<nav aria-label="Workspace"><ul>${nav.map(([href, label]) => html`<li><a href="${href}"${href === options.current ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>` : ''}
</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${content}
</main>
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`;
}

/** A notice at the top of a page: what happened, and what to do next. */
export function notice(kind: 'ok' | 'error', message: HtmlPart): Html {
  return html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</div>`;
}
