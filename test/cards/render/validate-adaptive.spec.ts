import { strict as assert } from 'node:assert';
import { createDeclineForm } from '../../../cards/forms/decline-request.js';
import { createSupportRequestForm, SUPPORT_REQUEST_FIELDS as F } from '../../../cards/forms/support-request.js';
import { renderCardToAdaptiveCard, renderFormToAdaptiveCard } from '../../../cards/render/adaptive.js';
import { validateAdaptiveCard } from '../../../cards/render/validate-adaptive.js';
import { SPECIALISMS } from '../../../services/domain/specialisms.js';
import { ALL, allFieldsForm, HOSTILE, sampleCard } from '../fixtures.js';

const supportRequest = createSupportRequestForm({ now: new Date('2026-11-23T10:00:00Z') });
const everyField = supportRequest.fields.map((field) => ({ field: field.id, message: `Problem with ${field.id}.` }));

/** Every form and message card the renderers produce, in their fullest states. */
const rendered: [string, object][] = [
  ['support request, empty', renderFormToAdaptiveCard(supportRequest)],
  ['support request, longest answers and an error on every field', renderFormToAdaptiveCard(supportRequest, {
    values: {
      [F.specialisms]: [...SPECIALISMS],
      [F.phase]: 'primary', [F.need]: 'n'.repeat(2000), [F.outcomes]: 'o'.repeat(2000), [F.daysWanted]: '60',
      [F.preferredStart]: '2026-12-01', [F.ofstedContext]: HOSTILE.repeat(20),
    },
    errors: everyField,
    actionData: { submissionId: 'sub-1' },
  })],
  ['decline request', renderFormToAdaptiveCard(createDeclineForm({ purpose: 'request', subject: HOSTILE }), { actionData: { requestId: 'r1' } })],
  ['decline proposal', renderFormToAdaptiveCard(createDeclineForm({ purpose: 'proposal', subject: 'S2S-2026-0042' }))],
  ['every field type, prefilled', renderFormToAdaptiveCard(allFieldsForm, {
    values: { [ALL.name]: 'Jo', [ALL.story]: HOSTILE, [ALL.count]: 3, [ALL.when]: '2026-12-01', [ALL.colour]: 'red', [ALL.tags]: ['a'], [ALL.agree]: true },
  })],
  ['message card', renderCardToAdaptiveCard(sampleCard())],
  ['message card with hostile input', renderCardToAdaptiveCard(sampleCard(HOSTILE))],
];

describe('every rendered Adaptive Card', () => {
  for (const [name, card] of rendered) {
    it(`${name}: parses with zero warnings and is under 80 KB`, () => {
      const check = validateAdaptiveCard(card);
      assert.deepEqual(check.failures, []);
      assert.ok(check.bytes > 0 && check.bytes < 80 * 1024, `${check.bytes} bytes`);
    });
  }
});

describe('validateAdaptiveCard', () => {
  const card = (body: object[], actions: object[] = [], version = '1.5') => ({ type: 'AdaptiveCard', version, body, actions });

  it('reports the size of the JSON in bytes, counting multi-byte characters', () => {
    const value = card([{ type: 'TextBlock', text: '£' }]);
    assert.equal(validateAdaptiveCard(value).bytes, Buffer.byteLength(JSON.stringify(value)));
  });

  it('refuses versions Teams does not render', () => {
    assert.deepEqual(validateAdaptiveCard(card([], [], '1.6')).failures, ['version: 1.6 is not a version Teams renders (up to 1.5)']);
  });

  it('reports parse warnings, such as invalid enum values and unknown element types', () => {
    const { failures } = validateAdaptiveCard(card([{ type: 'TextBlock', text: 'x', color: 'Red' }, { type: 'Input.Slider', id: 's' }]));
    assert.ok(failures.includes('parse: Invalid value "Red" for property "color".'), failures.join('\n'));
    assert.ok(failures.some((failure) => failure.startsWith('parse: Unknown element type "Input.Slider"')), failures.join('\n'));
  });

  it('reports validation failures: required inputs without label or error message, duplicate ids', () => {
    const { failures } = validateAdaptiveCard(card([
      { type: 'Input.Text', id: 'a', isRequired: true },
      { type: 'Input.Text', id: 'a', label: 'A' },
    ]));
    assert.deepEqual(failures, [
      'validate: Required inputs should have a label',
      'validate: Required inputs should have an error message',
      'validate: Duplicate Id "a".',
    ]);
  });

  it('reports properties the library silently drops: typos and values of the wrong type', () => {
    const { failures } = validateAdaptiveCard(card([{ type: 'Input.Number', id: 'n', label: 'N', minimum: 1, max: '10' }]));
    assert.deepEqual(failures, ['dropped: $.body[0].minimum', 'dropped: $.body[0].max']);
  });

  it('reports properties newer than 1.5', () => {
    const { failures } = validateAdaptiveCard(card([{ type: 'Input.Text', id: 't', label: 'T', labelPosition: 'inline' }]));
    assert.deepEqual(failures, [
      'parse: Property "labelPosition" is supported in version 1.6, but you are using version 1.5.',
      'dropped: $.body[0].labelPosition',
    ]);
  });

  it('requires an Action.Submit fallback on every Action.Execute, and checks it as an older host would', () => {
    const { failures } = validateAdaptiveCard(card([], [
      { type: 'Action.Execute', title: 'A', verb: 'a' },
      { type: 'Action.Execute', title: 'B', verb: 'b', fallback: { type: 'Action.Submit', title: 'B', style: 'loud' } },
    ]));
    assert.deepEqual(failures, [
      'fallback: Action.Execute "a" has no Action.Submit fallback',
      'fallback: Invalid value "loud" for property "style".',
    ]);
  });
});
