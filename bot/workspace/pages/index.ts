import type { PageHandler } from '../respond.js';
import { closeOnBoard, decideOnBoard, remindFromBoard, showBoard } from './board.js';
import { showCapacity } from './capacity.js';
import { decideMembershipOnPage, showMembership } from './membership.js';
import { downloadImpact, showImpact } from './impact.js';
import { sendNotificationAgain, showDeliveryProblems } from './delivery.js';
import { saveDayRate, showDirectory } from './directory.js';
import { downloadFinance, showFinance } from './finance.js';
import { confirmImport, previewImport, showImportForm } from './directory-import.js';
import { showPersonForm, submitPersonForm } from './person-form.js';

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
  { method: 'post', path: '/workspace/board/requests/:id/remind', handler: remindFromBoard },
  { method: 'post', path: '/workspace/board/requests/:id/close', handler: closeOnBoard },
  { method: 'get', path: '/workspace/directory', handler: showDirectory },
  { method: 'post', path: '/workspace/directory/rates', handler: saveDayRate },
  { method: 'get', path: '/workspace/directory/person', handler: showPersonForm },
  { method: 'post', path: '/workspace/directory/person', handler: submitPersonForm },
  { method: 'get', path: '/workspace/directory/import', handler: showImportForm },
  { method: 'post', path: '/workspace/directory/import', handler: previewImport, upload: true },
  { method: 'post', path: '/workspace/directory/import/confirm', handler: confirmImport, upload: true },
  { method: 'get', path: '/workspace/capacity', handler: showCapacity },
  { method: 'get', path: '/workspace/membership', handler: (ctx) => showMembership(ctx) },
  { method: 'post', path: '/workspace/membership/:id/decide', handler: decideMembershipOnPage },
  { method: 'get', path: '/workspace/impact', handler: showImpact },
  { method: 'get', path: '/workspace/impact.csv', handler: downloadImpact },
  { method: 'get', path: '/workspace/finance', handler: showFinance },
  { method: 'get', path: '/workspace/finance.csv', handler: downloadFinance },
  { method: 'get', path: '/workspace/delivery', handler: showDeliveryProblems },
  { method: 'post', path: '/workspace/delivery/send-again', handler: sendNotificationAgain },
];
