import type { Trace } from './person-traces.js';

/** A document with every trace of the person replaced, and the paths where one was found. */
export interface Scrubbed<T> {
  value: T;
  paths: string[];
}

/** Walks any JSON value and replaces each trace in every string (keys are left alone). */
export function scrub<T>(value: T, traces: Trace[]): Scrubbed<T> {
  const paths: string[] = [];
  const patterns = traces.map((trace) => ({ trace, pattern: patternFor(trace) }));
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const replaced = replaceTraces(node, patterns);
      if (replaced !== node) paths.push(path);
      return replaced;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}[${index}]`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, path ? `${path}.${key}` : key)]));
    }
    return node;
  };
  return { value: walk(value, '') as T, paths };
}

function replaceTraces(text: string, patterns: Array<{ trace: Trace; pattern?: RegExp }>): string {
  let result = text;
  for (const { trace, pattern } of patterns) {
    if (trace.match === 'whole') {
      if (result.trim() === trace.text) result = trace.replacement;
    } else if (pattern) {
      result = result.replace(pattern, trace.replacement);
    }
  }
  return result;
}

function patternFor(trace: Trace): RegExp | undefined {
  if (trace.match === 'whole') return undefined;
  const escaped = trace.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Case-insensitive: an email or a name may be written with other capitals in free text.
  return new RegExp(trace.match === 'word' ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped, 'giu');
}
