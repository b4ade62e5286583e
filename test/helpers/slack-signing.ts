import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: HMAC-SHA256 of "v0:<timestamp>:<raw body>" with the signing secret. */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** Headers Slack sends with a request; `timestamp` defaults to now (seconds). */
export function signedHeaders(secret: string, rawBody: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, rawBody),
  };
}
