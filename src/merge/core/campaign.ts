/**
 * A campaign's own state: one table of (state, event) -> state, and nothing else. Row states are not kept here;
 * they are derived from the outbox's entries (entries.ts), and what to do about them is runner.ts.
 */

export type CampaignState =
  | 'draft'
  | 'testing'
  | 'running'
  | 'paused'
  | 'waiting'
  | 'needs-decision'
  | 'finished'
  | 'cancelled';

export type CampaignEvent =
  /** The user asks for a test message to themselves. */
  | { type: 'send-test' }
  /** The test message's entry is sent, failed, not sure or cancelled. */
  | { type: 'test-settled' }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  /** The daily limit (ours by the schedule, or Gmail's answer) stops sending until `until`. */
  | { type: 'limit-reached'; until: number }
  /** The clock passed `until`. */
  | { type: 'limit-passed' }
  /** Every row is settled except "not sure" rows, which wait for the user. */
  | { type: 'only-decisions-left' }
  /** The user chose "send again" for a "not sure" row, so there is something to send. */
  | { type: 'decision-made' }
  /** Every row is settled. */
  | { type: 'all-settled' };

export type CampaignEventType = CampaignEvent['type'];

export interface Campaign {
  id: string;
  state: CampaignState;
  /** In `waiting`: when sending may go on. */
  until?: number;
  /** How many test messages were asked for; the current one is `testEntryId(id, tests)`. */
  tests: number;
}

/**
 * Every allowed transition. An event missing from a state's row is refused (the UI does not offer it), so e.g. a
 * second `start` or a `resume` while running changes nothing. Persist the new state before acting on it (runner.ts):
 * a crash between the two then replays the actions, which are idempotent.
 */
export const TRANSITIONS: Readonly<Record<CampaignState, Partial<Record<CampaignEventType, CampaignState>>>> = {
  draft: { 'send-test': 'testing', start: 'running', cancel: 'cancelled' },
  testing: { 'test-settled': 'draft', cancel: 'cancelled' },
  running: {
    pause: 'paused',
    cancel: 'cancelled',
    'limit-reached': 'waiting',
    'only-decisions-left': 'needs-decision',
    'all-settled': 'finished',
  },
  paused: { resume: 'running', cancel: 'cancelled' },
  waiting: { 'limit-passed': 'running', pause: 'paused', cancel: 'cancelled', 'limit-reached': 'waiting' },
  'needs-decision': { 'decision-made': 'running', 'all-settled': 'finished', cancel: 'cancelled' },
  finished: {},
  cancelled: {},
};

/** The campaign after `event`, or null when the table does not allow it in the current state. */
export function transition(campaign: Campaign, event: CampaignEvent): Campaign | null {
  const next = TRANSITIONS[campaign.state][event.type];
  if (next === undefined) return null;
  const moved: Campaign = { id: campaign.id, state: next, tests: campaign.tests };
  if (event.type === 'limit-reached') moved.until = Math.max(event.until, campaign.until ?? 0);
  if (event.type === 'send-test') moved.tests = campaign.tests + 1;
  return moved;
}

/** States in which the campaign may still send something by itself. */
export const ACTIVE: ReadonlySet<CampaignState> = new Set(['testing', 'running', 'waiting']);

export function newCampaign(id: string): Campaign {
  return { id, state: 'draft', tests: 0 };
}
