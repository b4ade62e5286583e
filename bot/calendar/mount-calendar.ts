import type { Server } from 'restify';
import { calendarFor } from '../../services/deployments/calendar-for.js';
import type { ServiceContext } from '../../services/service-context.js';
import type { CalendarLinks } from './calendar-links.js';

/**
 * GET /calendar/<alliance>/<deployment>/<person>/visits.ics?sig=…: a person's visit calendar, for
 * Outlook or Google to import or subscribe to. A wrong signature, or a person no longer party to
 * the deployment, gets the same 404 as an address that never existed.
 */
export function mountCalendar(server: Server, ctx: ServiceContext, links: CalendarLinks): void {
  server.get('/calendar/:alliance/:deployment/:person/visits.ics', async (req, res) => {
    const { alliance, deployment, person } = req.params as Record<string, string>;
    const signature = new URL(req.url ?? '', 'http://calendar.invalid').searchParams.get('sig') ?? '';
    const ics = links.verify(alliance, deployment, person, signature) ? await calendarFor(ctx, alliance, deployment, person) : undefined;
    res.setHeader('cache-control', 'private, no-store');
    if (!ics) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.sendRaw(404, 'This calendar link is not valid.');
      return;
    }
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="support-visits.ics"');
    res.sendRaw(200, ics);
  });
}
