import { z } from 'zod';

// Schema pieces with messages written for people: zod's defaults ("expected string, received
// undefined") would otherwise reach a head teacher's screen.

const REQUIRED = 'Please answer this question.';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requiredText({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: REQUIRED })
    .min(min, { error: (issue) => `Please write at least ${min} characters (you wrote ${lengthOf(issue.input)}).` })
    .max(max, { error: (issue) => `Please keep this to ${max} characters (you wrote ${lengthOf(issue.input)}).` });
}

export function optionalText({ max }: { max: number }) {
  return z
    .string()
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

/** A YYYY-MM-DD calendar date, optionally no earlier than `notBefore` (also YYYY-MM-DD). */
export function isoDate({ notBefore }: { notBefore?: string } = {}) {
  return z
    .string({ error: REQUIRED })
    .regex(ISO_DATE, { error: 'Please enter the date as YYYY-MM-DD.' })
    .refine(isCalendarDate, { error: 'Please enter a real date.' })
    .refine((date) => notBefore === undefined || date >= notBefore, { error: 'Please choose today or a later date.' });
}

export function oneOf<const T extends readonly string[]>(values: T, { noun }: { noun: string }) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? `Please choose a ${noun}.` : `Please choose a ${noun} from the list.`),
  });
}

export function atLeastOneOf<const T extends readonly string[]>(values: T, { noun }: { noun: string }) {
  return z
    .array(z.enum(values, { error: `Please choose ${noun}s from the list.` }))
    .min(1, { error: `Please choose at least one ${noun}.` });
}

/**
 * Today's date in England as YYYY-MM-DD. Forms take it as a parameter so tests fix the clock, and
 * it is England's date (not UTC's) because that is the calendar the schools are on.
 */
export function englandDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at);
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

function lengthOf(input: unknown): number {
  return typeof input === 'string' ? input.length : 0;
}
