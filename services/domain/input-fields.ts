import { z } from 'zod';

// Schema pieces with messages written for people: every service input is built from these, so the
// same words reach a head teacher whether the answer came from Teams, Slack or the command line
// (zod's defaults, "expected string, received undefined", never do).

const REQUIRED = 'Please answer this question.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requiredText({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: REQUIRED })
    .trim()
    .min(1, { error: REQUIRED })
    .min(min, { error: (issue) => `Please write at least ${min} characters (you wrote ${lengthOf(issue.input)}).` })
    .max(max, { error: (issue) => `Please keep this to ${max} characters (you wrote ${lengthOf(issue.input)}).` });
}

export function optionalText({ max }: { max: number }) {
  return z
    .string()
    .trim()
    .max(max, { error: (issue) => `Please keep this to ${max} characters (you wrote ${lengthOf(issue.input)}).` })
    .optional();
}

export function wholeNumber({ min, max }: { min: number; max: number }) {
  const range = `Please enter a whole number from ${min} to ${max}.`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? REQUIRED : range) })
    .int({ error: range })
    .min(min, { error: range })
    .max(max, { error: range });
}

/** Days of support: whole or half days, which is how deployments are agreed (½ day a week for an LLE). */
export function dayCount({ min, max }: { min: number; max: number }) {
  const range = `Please enter whole or half days from ${min} to ${max}, for example 2 or 2.5.`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? REQUIRED : range) })
    .multipleOf(0.5, { error: range })
    .min(min, { error: range })
    .max(max, { error: range });
}

/** A YYYY-MM-DD calendar date, optionally no earlier than `notBefore` (also YYYY-MM-DD). */
export function isoDate({ notBefore }: { notBefore?: string } = {}) {
  return z
    .string({ error: REQUIRED })
    // Never echoes the answer: it may be long, or markup, and the message is shown as text on a card.
    .regex(ISO_DATE, { error: 'Please write the date like 14/12/2026.' })
    .refine(isCalendarDate, { error: 'That date does not exist; please check the day and month.' })
    .refine((date) => notBefore === undefined || date >= notBefore, { error: 'Please choose today or a later date.' });
}

export function oneOf<const T extends readonly string[]>(values: T, { noun }: { noun: string }) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? `Please choose a ${noun}.` : `Please choose a ${noun} from the list.`),
  });
}

export function atLeastOneOf<const T extends readonly string[]>(values: T, { noun }: { noun: string }) {
  return z
    .array(z.enum(values, { error: `Please choose ${noun}s from the list.` }), { error: `Please choose at least one ${noun}.` })
    .min(1, { error: `Please choose at least one ${noun}.` });
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

function lengthOf(input: unknown): number {
  return typeof input === 'string' ? input.trim().length : 0;
}
