import type { RequestStatus } from '../domain/request-lifecycle.js';

/** For each stage: what it means to people, and who the next step waits on. */
export const REQUEST_PROGRESS: Record<RequestStatus, { label: string; next: string; waitsOn: 'manager' | 'supporter' | 'school' | 'all' | 'nobody' }> = {
  submitted: { label: 'Submitted', next: 'The alliance looks for a match', waitsOn: 'manager' },
  matching: { label: 'Finding a match', next: 'The alliance manager chooses a supporter', waitsOn: 'manager' },
  proposed: { label: 'Supporter proposed', next: 'The supporter accepts or declines', waitsOn: 'supporter' },
  accepted: { label: 'Accepted', next: 'The supporter drafts the deployment plan', waitsOn: 'supporter' },
  planned: { label: 'Planned', next: 'Visits start on the planned dates', waitsOn: 'supporter' },
  active: { label: 'Visits under way', next: 'A visit report after each visit', waitsOn: 'supporter' },
  completed: { label: 'Completed', next: 'The school evaluates the support', waitsOn: 'school' },
  evaluated: { label: 'Evaluated', next: 'The alliance closes the request', waitsOn: 'manager' },
  closed: { label: 'Closed', next: 'Nothing more to do', waitsOn: 'nobody' },
  declined: { label: 'Declined', next: 'Nothing more to do; you may request again', waitsOn: 'nobody' },
  withdrawn: { label: 'Withdrawn', next: 'Nothing more to do', waitsOn: 'nobody' },
  'on-hold': { label: 'On hold', next: 'The alliance manager will come back to it', waitsOn: 'manager' },
  cancelled: { label: 'Cancelled', next: 'Nothing more to do', waitsOn: 'nobody' },
};
