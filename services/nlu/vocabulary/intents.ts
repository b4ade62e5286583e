import type { Intent } from '../types.js';

/*
 * Cue phrases for each intent, grouped by weight: 4 says the intent outright ("visit report"),
 * 3 is a strong sign ("who can"), 2 leans ("poor", "any update"), 1 or less barely ("SLE", "our").
 * The recogniser adds up the weights of the cues it finds and takes the intent with the highest total.
 *
 * Cues match word stems, so "request" also covers "requests", "requested" and "requesting", and
 * "visit" covers "visited". Where phrases overlap the longest wins and its words count once:
 * "my request" is a my_requests cue, "request" alone a weak request_support one, and
 * "writing up" is a visit report even though "writing" alone is English.
 *
 * Polite chatter ("please", "thanks", "I was wondering if") carries no weight, so it is not listed.
 * `none` cues are everyday school jobs the bot does not do: they outweigh a stray "help".
 */
export type CueWeight = 4 | 3 | 2 | 1 | 0.5;
type Cues = Readonly<Partial<Record<CueWeight, readonly string[]>>>;

export const INTENT_CUES: Record<Intent, Cues> = {
  request_support: {
    4: ['request support', 'new request', 'make a request', 'raise a request', 'put in a request',
      'submit a request', 'log a request', 'submit my request', 'ask for support', 'ask for help',
      'apply for support'],
    3: ['need support', 'need some support', 'need help', 'need some help', 'need an sle', 'need a specialist',
      'need an expert', 'need someone', 'need to improve', 'help us', 'help our', 'help me with our', 'support us',
      'support our', 'support for our', 'support with our', 'help with our', 'help with my', 'come in',
      'come and help', 'come and work with', 'come into school', 'come to our school', 'visit our school',
      'work with us', 'work with our', 'get some support', 'get support', 'get some help', 'looking for support',
      'looking for help', 'would like support', 'would like some support', 'would like help', 'want support',
      'want some support', 'can we have', 'could we have', 'can we get', 'could we get', 'book an sle',
      'commission', 'improve our', 'struggling', 'failing', 'requires improvement', 'not good enough', 'in need of',
      'we need', 'weak', 'poor', 'low', 'dropped', 'falling', 'declining', 'dreadful', 'awful', 'disappointing',
      'terrible', 'bad', 'worse', 'dire', 'inconsistent', 'not great', 'needs work', 'raise standards',
      'raise attainment', 'benefit from'],
    2: ['support request', 'ofsted', 'inspection', 'improve', 'concern', 'worried', 'issue', 'problem',
      'below national', 'behind', 'need', 'new to'],
    1: ['request', 'support'],
    '0.5': ['our', 'us', 'we'],
  },
  request_diagnostic: {
    4: ['diagnostic', 'diagnostic visit', 'initial diagnostic', 'diagnosis', 'have a look first', 'look first',
      'come and have a look', 'take a look', 'have a look', 'health check', 'school review', 'review of the school',
      'review of our school', 'external review', 'audit of', 'fresh pair of eyes', 'fresh eyes', 'where to start',
      'where to begin', 'where we are', 'what support we need', 'what help we need', 'what support to ask for',
      'work out our priorities', 'identify our priorities', 'our priorities', 'see us first', 'review of leadership',
      'review of teaching', 'initial visit', 'assess where', 'where the school is', 'scope what'],
    3: ['audit', 'first', 'review', 'not sure what', 'before we ask', 'before we commit', 'before ofsted'],
    2: ['look at our'],
  },
  join_alliance: {
    4: ['join', 'become a member', 'membership', 'member school', 'sign up', 'memorandum',
      'memorandum of understanding', 'part of the alliance', 'part of your alliance', 'in your directory',
      'in the directory yet', 'added to the alliance', 'add our school', 'add my school', 'be added',
      'register our school', 'register my school', 'part of the hub', 'part of your hub', 'sign me up', 'sign us up'],
    3: ['member', 'new to the alliance', 'new school'],
  },
  leave_alliance: {
    4: ['leave the alliance', 'leave the hub', 'leave your alliance', 'leave your hub', 'leave the partnership',
      'leave alliance', 'leave hub', 'stop being a member', 'no longer be a member', 'no longer want to be a member',
      'end our membership', 'end my membership', 'cancel our membership', 'cancel membership', 'end membership',
      'withdraw from the alliance', 'withdraw from the hub', 'withdraw our school', 'withdraw my school',
      'take our school out', 'take my school out', 'remove our school', 'remove my school', 'come out of the alliance',
      'quit the alliance', 'exit the alliance', 'opt out of the alliance', 'not renew our membership',
      'resign from the alliance', 'leave'],
  },
  find_supporter: {
    3: ['find', 'search', 'search for', 'look for', 'looking for an', 'looking for a', 'look up', 'who can',
      'who could', 'who is', 'who are', 'who has', 'who knows', 'who does', 'who do', 'who would',
      'is there anyone', 'is there an', 'is there a', 'are there any', 'do we have any', 'do you have any',
      'does anyone', 'anyone who', 'someone who knows', 'any sles', 'recommend', 'suggest', 'contact details',
      'get in touch with', 'put me in touch', 'names of', 'directory', 'experts in', 'specialists in'],
    2: ['available', 'list', 'talk to', 'speak to', 'who', 'anyone'],
    1: ['show me', 'any', 'sle', 'nle', 'lle', 'specialist leader', 'expert', 'specialist', 'consultant',
      'lead practitioner', 'lead teacher', 'executive head', 'system leader', 'someone', 'somebody', 'people'],
  },
  submit_visit_report: {
    4: ['visit report', 'my visit report', 'my report', 'report on my visit', 'report on the visit',
      'report my visit', 'record of visit', 'visit record', 'visit note', 'visit log', 'log my visit',
      'log a visit', 'log the visit', 'log visit', 'record my visit', 'record the visit', 'write up', 'writeup',
      'submit report', 'submit a report', 'submit my report', 'submit the report', 'file a report',
      'file my report', 'send my report', 'send the report', 'upload my report', 'complete my report',
      'fill in the report', 'notes from my visit', 'notes from the visit', 'notes from today',
      'feedback from my visit'],
    3: ['after my visit', 'from my visit', 'today visit', 'yesterday visit', 'i visit', 'i went in', 'i was in',
      'ive been in', 'i have been in'],
    2: ['log it', 'timesheet', 'report', 'rag', 'next steps'],
    1: ['visit', 'submit', 'objectives'],
  },
  my_requests: {
    4: ['my request', 'our request', 'my support request', 'our support request', 'the request i', 'the request we',
      'request i made', 'request we made', 'status', 'update on', 'any update', 'any news', 'progress on',
      'progress of', 'where is my', 'where are we', 'what happened to', 'track', 'my deployment', 'my visits',
      'upcoming visit', 'next visit', 'open request', 'outstanding request', 'been matched', 'been accepted',
      'been approved', 'heard back', 'hear back', 'still waiting', 'waiting to hear', 'days left', 'days remaining',
      'what did i ask', 'what we asked for', 'what i asked for', 'my application', 'our application',
      // Ending a request: "my requests" is where Withdraw is.
      'no longer need', 'not needed any more', 'not needed anymore', 'do not need',
      'dont need', 'dont want the', 'do not want the', 'cancel our request', 'cancel my request',
      'cancel the request', 'withdraw our request', 'withdraw my request', 'withdraw the request',
      'sorted it ourselves', 'sorted now'],
    3: ['coming up', 'pending', 'how many days', 'my days', 'my diary', 'my schedule', 'what have i',
      'what have we', 'check on', 'chase', 'view my', 'see my', 'show my', 'list my', 'my open', 'my current',
      'my active', 'my previous', 'my past', 'my recent'],
    2: ['accepted', 'next week', 'tomorrow', 'has anyone', 'yet'],
    1: ['my'],
  },
  help: {
    4: ['what can you do', 'what do you do', 'what can this do', 'what does this do', 'how does this work',
      'how do i use', 'how to use', 'how do you work', 'what can i ask', 'who are you', 'commands'],
    3: ['get started', 'what is this', 'menu', 'options', 'instructions', 'user guide'],
    2: ['help', 'help me', 'hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'good morning', 'good afternoon',
      'good evening', 'guide', 'confused'],
    1: ['morning', 'afternoon', 'stuck'],
  },
  none: {
    4: ['weather', 'book a room', 'meeting room', 'password', 'wifi', 'printer', 'photocopier', 'parking',
      'car park', 'joke', 'football', 'lol', 'lmao', 'haha', 'term dates', 'payslip', 'payroll', 'salary',
      'supply teacher', 'supply cover', 'minibus', 'recipe', 'maternity leave', 'sick leave', 'annual leave',
      'leave of absence', 'compassionate leave', 'paternity leave', 'parental leave', 'leave request', 'leave early',
      'leave a message', 'leave a note', 'leave a comment', 'leave feedback', 'on leave', 'leave cover'],
    3: ['room', 'lunch', 'canteen', 'holiday', 'half term', 'cover for', 'uniform', 'song', 'film', 'translate',
      'laptop', 'login', 'log in'],
    2: ['timetable', 'broken'],
  },
};

/** Below this total an intent is only hinted at ("are we part of a MAT?"): the message is `none`. */
export const MIN_SCORE = 1;

/**
 * A message that names a specialism or phase is about support in it, never about how the bot works:
 * its greetings and "help" are chatter. With no other cue ("KS2 maths", "scince help for sixth form")
 * it is someone looking for an expert.
 */
export const SILENCED_BY_ENTITY: readonly Intent[] = ['help'];
export const ENTITY_ONLY_INTENT: Intent = 'find_supporter';

/** On equal totals the more specific intent wins. */
export const TIE_ORDER: readonly Intent[] = ['submit_visit_report', 'my_requests', 'leave_alliance', 'join_alliance', 'request_diagnostic', 'request_support', 'find_supporter', 'help', 'none'];
