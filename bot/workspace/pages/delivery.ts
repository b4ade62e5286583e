import { listDeliveryProblems } from '../../../services/notifications/delivery-problems.js';
import { sendAgain } from '../../../services/notifications/send-again.js';
import { html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { scrollingTable } from './form-parts.js';

/** Notifications the outbox gave up on: who missed what and why, each with "send again". */
export async function showDeliveryProblems(ctx: PageContext): Promise<PageResult> {
  const problems = await listDeliveryProblems(ctx.deps.flows, ctx.person!.allianceId, 100);
  const banner = ctx.query.get('done') === 'queued' ? notice('ok', 'Queued to send again. If it fails again it comes back here with the reason.') : '';
  return ctx.page('Delivery problems', '/workspace/delivery', html`${banner}
<p>Messages the bot could not deliver after retrying. Fix the cause first (for example link the brokerage channel, or ask the person to open the bot in Teams or Slack), then send again. Whatever a person must do is also in their own "my requests" view.</p>
${problems.length ? scrollingTable('Delivery problems', html`<table>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Why</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody>${problems.map((p) => html`<tr><td>${p.failedAt.slice(0, 16).replace('T', ' ')}</td><td>${p.who}</td><td>${p.what}</td><td>${p.reason}</td><td>
<form method="post" action="/workspace/delivery/send-again"><input type="hidden" name="_csrf" value="${ctx.csrf}"><input type="hidden" name="messageId" value="${p.messageId}">
<button type="submit" class="secondary">Send again<span class="visually-hidden">: ${p.what} to ${p.who}</span></button></form></td></tr>`)}</tbody></table>`) : html`<p>Every notification was delivered.</p>`}`);
}

export async function sendNotificationAgain(ctx: PageContext): Promise<PageResult> {
  await sendAgain(ctx.deps.flows, ctx.person!.allianceId, String(ctx.body.messageId ?? ''));
  return { kind: 'redirect', to: '/workspace/delivery?done=queued' };
}
