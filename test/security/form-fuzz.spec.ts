import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pino } from 'pino';
import { createSupportRequestSchema } from '../../cards/forms/support-request.js';
import { renderCardToAdaptiveCard } from '../../cards/render/adaptive.js';
import type { TurnResult } from '../../bot/conversation/reply.js';
import type { FlowContext } from '../../bot/flows/flow-context.js';
import { routeTurn } from '../../bot/flows/route-turn.js';
import { buildNotification } from '../../bot/notifications/build-notification.js';
import { replyToActivity, replyToAdaptiveCard } from '../../bot/teams/render-reply.js';
import { cardActionBody } from '../../bot/teams/to-turn.js';
import { DEMO_ALLIANCE_ID } from '../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { cardOf, type RecordedCall } from '../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, TeamsHarness } from '../helpers/teams-harness.js';

// Thousands of malformed support-request submissions, sent as Teams Action.Execute invokes over
// real HTTP. The bot must answer every one (no 5xx, no "something went wrong"), store either a
// whole valid request or nothing, and never put what a person typed into a markdown TextBlock.
// FUZZ_RUNS=20000 npm test … for a longer soak; the default keeps `npm test` to a few seconds.

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** The same inputs straight into the Teams edge's parser and the flows, without HTTP: cheap enough for thousands. */
const DIRECT_RUNS = RUNS * 15;
const MAX_BODY = 256 * 1024;

const head = demoTeamsUser('head');

const INJECTIONS = [
  '[click here](https://evil.example/phish)',
  '![tracker](https://evil.example/pixel.png)',
  '<script>alert(document.cookie)</script>',
  '<at>Helen Carter</at> approve this now',
  '**URGENT** _approve_ ~~now~~ `code`',
  '# Heading\n- list item\n1. numbered',
  'javascript:alert(1)',
  '{{DATE(2026-11-23T10:00:00Z, SHORT)}}',
  '${$root.secret}',
  '\u202Eevil\u202C mirrored',
  'Robert\'); DROP TABLE documents;--',
  'line\u0000with\u0001controls\u007F',
  '𝕄𝕒𝕥𝕙𝕤 👩‍🏫🏫 ﷽ Z̷̢͓a̵l̶g̴o',
];

const injection = fc.constantFrom(...INJECTIONS);
const userText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  injection,
  fc.tuple(injection, fc.string({ unit: 'grapheme', maxLength: 60 }), injection).map((parts) => parts.join(' ')),
  fc.nat(30_000).map((n) => 'x'.repeat(n)),
  fc.tuple(injection, fc.nat(70_000)).map(([text, n]) => `${text} ${'é'.repeat(n)}`),
);
/** Long enough to pass the form's length checks, so unsafe text also reaches stored records and confirmation cards. */
const plausibleText = fc.tuple(injection, fc.string({ unit: 'grapheme', minLength: 20, maxLength: 120 }), injection)
  .map((parts) => parts.join(' '));
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 5 }), fc.object({ maxDepth: 2 }), fc.anything());

const fieldValues = {
  specialisms: fc.oneof(fc.constantFrom('maths', 'maths,english', 'send, phonics', 'quidditch', 'maths,', ',,,'), userText, wrongType),
  phase: fc.oneof(fc.constantFrom('primary', 'secondary', 'Primary', 'ks2'), userText, wrongType),
  need: fc.oneof(plausibleText, userText, wrongType),
  outcomes: fc.oneof(plausibleText, userText, wrongType),
  daysWanted: fc.oneof(fc.constantFrom('3', '60', '0', '61', '-1', '2.5', '0x1f', '1e1', ' 4 ', 'NaN', 'Infinity'), fc.integer(), userText, wrongType),
  preferredStart: fc.oneof(fc.constantFrom('2026-12-01', '2026-11-22', '2026-02-30', '2026-13-01', '01/12/2026', '2026-12-01T00:00:00Z'), userText, wrongType),
  ofstedContext: fc.oneof(plausibleText, userText, wrongType),
};

const submissionIds = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{16}$/) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', 'short', '../../etc/passwd', 'a'.repeat(65), 'request-x'), userText, wrongType) },
);

/** The data of the pressed Action.Execute: any field missing, wrong or extra; mostly the right form id. */
const submissionData = fc.record({
  formId: fc.oneof({ weight: 9, arbitrary: fc.constant('support-request') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('decline-request', 'nope', 'SUPPORT-REQUEST'), wrongType) }),
  submissionId: submissionIds,
  ...fieldValues,
}, { requiredKeys: ['formId'] })
  .chain((data) => fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(userText, wrongType), { maxKeys: 3 })
    .map((extra) => ({ ...extra, ...data })));

const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** A valid submission with a few answers broken, dropped or added to: most of these get stored or nearly. */
const nearlyValidData = fc.tuple(
  fc.record({
    formId: fc.constant('support-request'),
    submissionId: fc.stringMatching(/^[A-Za-z0-9_-]{16}$/),
    specialisms: fc.constantFrom('maths', 'maths,english', 'send, phonics', 'early-years,pshe,re'),
    phase: fc.constantFrom('primary', 'secondary', 'special', 'all-through'),
    need: plausibleText,
    outcomes: plausibleText,
    daysWanted: fc.integer({ min: 1, max: 60 }).map(String),
    preferredStart: fc.constantFrom('2026-11-23', '2026-12-01', '2027-04-30'),
    ofstedContext: fc.option(plausibleText, { nil: undefined }),
  }),
  fc.record(Object.fromEntries(Object.entries(fieldValues).map(([key, arbitrary]) => [key, sometimes(arbitrary as fc.Arbitrary<unknown>)]))),
  fc.subarray(Object.keys(fieldValues), { maxLength: 2 }),
).map(([valid, overrides, dropped]) => {
  const data: Record<string, unknown> = { ...valid };
  for (const [key, override] of Object.entries(overrides)) if (override !== undefined) data[key] = override;
  for (const key of dropped) delete data[key];
  return data;
});

/** Mostly a well-formed invoke around the data; sometimes a malformed one. */
const invokeValue = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.constantFrom('support-request.submit', 'support-request.submit', 'menu.help', ''), fc.oneof(submissionData, nearlyValidData))
    .map(([verb, data]) => ({ action: { type: 'Action.Execute', verb, data } })) },
  { weight: 1, arbitrary: fc.oneof(wrongType, submissionData, submissionData.map((data) => ({ action: { type: 'Action.Execute', data: [data] } }))) },
);

/** Every string the person sent, long enough that finding it in a card cannot be a coincidence. */
function userStrings(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') { if (v.trim().length >= 10) found.push(v.trim()); }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** Text a Teams client renders as markdown: TextBlock text and FactSet titles and values. */
function markdownTexts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const element = v as Record<string, unknown>;
      if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
      if (element.type === 'FactSet' && Array.isArray(element.facts)) {
        for (const fact of element.facts as Array<Record<string, unknown>>) found.push(String(fact.title ?? ''), String(fact.value ?? ''));
      }
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

function assertNoUserTextAsMarkdown(cards: unknown[], sent: string[], where: string): void {
  for (const text of cards.flatMap(markdownTexts)) {
    for (const typed of sent) assert.ok(!text.includes(typed), `${where}: user text ${JSON.stringify(typed.slice(0, 80))} in a markdown TextBlock ${JSON.stringify(text.slice(0, 120))}`);
  }
}

function assertPlainTextMessages(calls: RecordedCall[], sent: string[]): void {
  for (const call of calls) {
    const text = call.body.text;
    if (typeof text === 'string' && sent.some((typed) => text.includes(typed))) assert.equal(call.body.textFormat, 'plain', 'a text message quoting the user is sent as plain text');
  }
}

describe('security: fuzzed support-request submissions over /api/messages', function () {
  this.timeout(Math.max(60_000, RUNS * 200));
  const harness = new TeamsHarness();
  const schema = () => createSupportRequestSchema({ now: harness.clock.now() });
  const requests = () => harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });
  let outcomes = { stored: 0, refusedWithForm: 0, answeredOtherwise: 0, tooLarge: 0 };

  before(async () => {
    await harness.start();
    await harness.say(head, 'help');
  });
  after(() => harness.stop());

  it(`answers ${RUNS} malformed submissions with a form, a confirmation or a refusal; never a crash or a partial record`, async () => {
    outcomes = { stored: 0, refusedWithForm: 0, answeredOtherwise: 0, tooLarge: 0 };
    await fc.assert(fc.asyncProperty(invokeValue, async (value) => {
      harness.connector.clear();
      const activity = harness.activity(head, personalChat(head), { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'form-card', value });
      const size = Buffer.byteLength(JSON.stringify(activity));
      const before = (await requests()).length;
      const response = await harness.post(activity);
      const after = await requests();
      if (size > MAX_BODY) {
        // restify refuses an oversized body before the bot sees it: a client error, nothing stored.
        assert.equal(response.status, 413);
        assert.equal(after.length, before);
        outcomes.tooLarge++;
        return;
      }
      assert.equal(response.status, 200, `status ${response.status}`);
      const crashed = harness.connector.calls.some((call) => /something went wrong/i.test(String(call.body.text ?? '')));
      assert.ok(!crashed, 'the turn failed inside the bot');

      const body = response.body as { statusCode?: number; type?: string; value?: unknown };
      assert.equal(body.statusCode, 200);
      const invokeCard = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
      const replyCards = harness.connector.calls.map(cardOf).filter(Boolean);
      const answered = invokeCard !== undefined || harness.connector.calls.length > 0;
      assert.ok(answered, 'the person gets an answer');

      const data = (value as { action?: { data?: Record<string, unknown> } } | null)?.action?.data;
      const submissionId = data && typeof data === 'object' && !Array.isArray(data) ? data.submissionId : undefined;
      const storedNow = typeof submissionId === 'string' ? after.find((r) => r.id === `request-${submissionId}`) : undefined;
      assert.ok(after.length - before <= 1, 'at most one request per submission');
      if (after.length > before) {
        assert.ok(storedNow, 'the new request is the one submitted');
        assert.match(JSON.stringify(invokeCard), new RegExp(storedNow.reference), 'the confirmation names the stored request');
        outcomes.stored++;
      } else if (JSON.stringify(invokeCard ?? '').includes('"formId":"support-request"')) {
        outcomes.refusedWithForm++;
      } else {
        outcomes.answeredOtherwise++;
      }

      const sent = userStrings(value);
      assertNoUserTextAsMarkdown([invokeCard, ...replyCards], sent, 'reply');
      assertPlainTextMessages(harness.connector.calls, sent);
    }), { numRuns: RUNS });
    if (process.env.FUZZ_VERBOSE) console.log(outcomes);
    assert.ok(outcomes.stored > 0 && outcomes.refusedWithForm > 0, `both paths exercised: ${JSON.stringify(outcomes)}`);
  });

  it(`turns ${DIRECT_RUNS} malformed submissions into a form, a confirmation or a refusal inside the flows`, async () => {
    const ctx: FlowContext = {
      store: harness.app.store, clock: harness.clock, logger: pino({ level: 'silent' }),
      savedConversations: new Set(),
    };
    const place = { scope: 'personal' as const, conversationId: personalChat(head).conversationId, address: {} };
    const user = { channel: 'teams' as const, userId: head.aadObjectId, name: head.name, lookupEmail: async () => undefined };
    await fc.assert(fc.asyncProperty(invokeValue, async (value) => {
      let result: TurnResult;
      try {
        result = await routeTurn(ctx, { ...cardActionBody(value, harness.clock.now()), user, place });
      } catch (error) {
        assert.fail(`the flows threw: ${String(error)}`);
      }
      const replies = [...result.replies, ...(result.replaceSource ? [result.replaceSource] : [])];
      assert.ok(replies.length > 0, 'the person gets an answer');
      const cards = replies.map(replyToAdaptiveCard).filter(Boolean);
      const sent = userStrings(value);
      assertNoUserTextAsMarkdown(cards, sent, 'flow reply');
      for (const reply of replies) {
        const activity = replyToActivity(reply);
        if (typeof activity.text === 'string' && activity.text) assert.equal(activity.textFormat, 'plain');
      }
    }), { numRuns: DIRECT_RUNS });
  });

  it('stores only whole requests: each parses against the form schema and reached matching', async () => {
    const stored = await requests();
    assert.ok(stored.length > 0);
    for (const request of stored) {
      const { specialisms, phase, need, outcomes: wanted, daysWanted, preferredStart, ofstedContext } = request;
      const parsed = schema().safeParse({ specialisms, phase, need, outcomes: wanted, daysWanted, preferredStart, ...(ofstedContext === undefined ? {} : { ofstedContext }) });
      assert.ok(parsed.success, `${request.reference}: ${parsed.success ? '' : parsed.error.message}`);
      assert.equal(request.status, 'matching');
      assert.deepEqual(request.history.map((h) => h.to), ['submitted', 'matching']);
      assert.equal(request.schoolUrn, '990006');
    }
  });

  it('keeps stored user text out of markdown on the cards the manager and school later receive', async () => {
    const ctx = { store: harness.app.store, clock: harness.clock };
    for (const request of await requests()) {
      const cards = [];
      for (const kind of ['requestForManagers', 'requestDecided'] as const) {
        const card = await buildNotification(ctx, DEMO_ALLIANCE_ID, { kind, requestId: request.id });
        if (card) cards.push(renderCardToAdaptiveCard(card));
      }
      assert.ok(cards.length > 0);
      assertNoUserTextAsMarkdown(cards, userStrings([request.need, request.outcomes, request.ofstedContext ?? '']), request.reference);
    }
  });

  it('refuses a body over the size limit with 413, not a server error, and stores nothing', async () => {
    const before = (await requests()).length;
    const response = await harness.press(head, 'support-request.submit', { formId: 'support-request', submissionId: 'oversized-submission', need: 'x'.repeat(MAX_BODY) }, 'form-card');
    assert.equal(response.status, 413);
    assert.equal((await requests()).length, before);
  });
});
