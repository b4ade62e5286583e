import type { PageHandler } from '../respond.js';
import { decideOnBoard, showBoard } from './board.js';

export interface ManagerPage {
  method: 'get' | 'post';
  path: string;
  handler: PageHandler;
  /** Takes a file upload (multipart form). */
  upload?: boolean;
}

/** The alliance manager's pages: every one is for the signed-in manager's own alliance only. */
export const WORKSPACE_PAGES: readonly ManagerPage[] = [
  { method: 'get', path: '/workspace/board', handler: (ctx) => showBoard(ctx) },
  { method: 'post', path: '/workspace/board/requests/:id/decide', handler: decideOnBoard },
];
