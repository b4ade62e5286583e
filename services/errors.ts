// Every failure the bot can explain to a person has a stable code, so channel edges and the CLI
// can decide how to show it without parsing messages.
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'forbidden'
  | 'illegal_transition'
  | 'config'
  | 'channel_api';

export class BotError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationError extends BotError {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[], message = 'Some answers need another look.') {
    super('validation', message);
    this.problems = problems;
  }
}

export class NotFoundError extends BotError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`);
  }
}

/** A write lost an optimistic-concurrency race (stale etag): re-read and decide again. */
export class ConcurrencyError extends BotError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('conflict', `${what} was changed by someone else at the same moment.`, options);
  }
}

export class DuplicateError extends BotError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('duplicate', `${what} already exists.`, options);
  }
}

export class ForbiddenError extends BotError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class IllegalTransitionError extends BotError {
  readonly from: string;
  readonly to: string;
  constructor(from: string, to: string) {
    super('illegal_transition', `A request that is ${from} cannot become ${to}.`);
    this.from = from;
    this.to = to;
  }
}

export class ConfigError extends BotError {
  constructor(message: string) {
    super('config', message);
  }
}

export class ChannelApiError extends BotError {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly permanent: boolean;
  constructor(message: string, details: { status?: number; retryAfterMs?: number; permanent: boolean; cause?: unknown }) {
    super('channel_api', message, { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.permanent = details.permanent;
  }
}
