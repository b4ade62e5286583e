import type { Command } from 'commander';
import { hostname } from 'node:os';
import { computeDigest } from '../../services/digest/compute-digest.js';
import { formatDigestText } from '../../services/digest/format-digest-text.js';
import { previousIsoWeek } from '../../services/digest/iso-week.js';
import { postWeeklyDigest, type DigestPost } from '../../services/digest/post-weekly-digest.js';
import { BotError } from '../../services/errors.js';
import { withCliContext } from '../cli-context.js';

/**
 * `s2s digest --alliance ID [--week 2026-W48] [--dry-run]`: prints an alliance's weekly digest, or
 * queues it for the manager channel exactly as the in-process scheduler would (for an external
 * scheduler when SCHEDULER=off).
 */
export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description("queue an alliance's weekly digest for its manager channel, or print it with --dry-run")
    .requiredOption('--alliance <id>', 'the alliance')
    .option('--week <week>', 'ISO week such as 2026-W48 (default: the last full week, the one the scheduler posts now)')
    .option('--dry-run', 'print the digest as text and post nothing')
    .action((options: { alliance: string; week?: string; dryRun?: boolean }) =>
      withCliContext(async ({ store, clock, config, out, log }) => {
        const ctx = { store, clock };
        const timeZone = config.scheduler.timeZone;
        const week = options.week ?? previousIsoWeek(clock.now(), timeZone);
        if (options.dryRun) {
          out.write(`${formatDigestText(await computeDigest(ctx, options.alliance, week, { timeZone }))}\n`);
          return;
        }
        log(describe(await postWeeklyDigest(ctx, options.alliance, week, `cli-${hostname()}-${process.pid}`)));
      }));
}

function describe(post: DigestPost): string {
  switch (post.outcome) {
    case 'queued':
      return `Queued the ${post.week} digest of ${post.allianceId} for its manager channel (${post.outboxId}); the bot's delivery loop posts it.`;
    case 'already-posted':
      return `The ${post.week} digest of ${post.allianceId} was already queued (${post.outboxId}); nothing more to do.`;
    case 'claimed-elsewhere':
      return `Another instance is posting the ${post.week} digest of ${post.allianceId} right now; nothing more to do.`;
    case 'no-manager-channel':
      throw new BotError('not_found', `${post.allianceId} has no manager channel connected yet: connect one in Teams or Slack, or use --dry-run.`);
  }
}
