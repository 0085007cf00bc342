/**
 * The Gmail API's per-user rate limit, enforced when a test or benchmark asks for it (`settings({ userQuota })`;
 * off by default, because browser tests send far faster than 60 a minute on a sped-up campaign clock).
 *
 * The facts (/work/shared/reference/gmail-send.md §3-§4, platform-and-merge.md §4):
 * - `messages.send` costs 100 quota units; the limit is "per minute per user per project": 6,000 units for Cloud
 *   projects created on or after 2026-05-01, 15,000 before (developers.google.com/workspace/gmail/api/reference/quota).
 * - How the minute is counted: Google Workspace's quota overview says "for per-minute quotas, the time period resets
 *   one minute after the first request, in a rolling window" (developers.google.cn/workspace/guides/quota-overview,
 *   zh-CN copy: 对于每分钟配额,时间段会在滚动窗口中首次发出请求后 1 分钟重置), while Compute Engine's quota page
 *   describes synchronized intervals (a limit reached at 10:00:15 refills at 10:01:00). Neither is a count over every
 *   60 s, and which one Gmail runs is not documented, so the double counts the units of the last 60 s, sliding: the
 *   stricter reading. Whatever passes it passes both of the others (each of their minutes is one of its windows),
 *   and a client that bursts 60 sends at the end of one fixed minute and 60 at the start of the next is refused here
 *   as it may be at Google.
 * - Over the limit: Google answers "429: Too many requests or 403: Rate limit exceeded" (the same overview). Both
 *   were observed for the per-user minute (mxngls/gmail-cleaner#5: 429 RESOURCE_EXHAUSTED "Resource has been
 *   exhausted (e.g. check quota).", later 403 "Quota exceeded for quota metric 'Queries' and limit 'Queries per
 *   minute per user' …"; the 403 also in elie222/inbox-zero#480, GAM-team/got-your-back#309). `answer` picks one;
 *   429 is the default.
 * - Unverified, chosen as the plain reading: a refused request costs nothing (a client that keeps retrying would
 *   otherwise never get through), and a request Google accepted costs its units even when the backend then fails
 *   (the quota is taken at the front end, before the backend answers).
 */
import * as errors from './errors.ts';

export interface UserQuotaConfig {
  /** Quota units per minute per user per project: 6,000 (projects since 2026-05-01) or 15,000 (before). */
  unitsPerMinute: number;
  /** How an over-quota request is answered: the observed 429 (default) or the observed 403. */
  answer?: 429 | 403;
}

/** Gmail API quota units per method (the quota page's per-method table). */
export const SEND_UNITS = 100;
export const QUOTA_WINDOW_MS = 60_000;

interface Charge {
  at: number;
  units: number;
}

/** A real client ID begins with its project number (`123456789012-abc….apps.googleusercontent.com`). */
function projectNumber(clientId: string): string {
  return /^(\d+)-/.exec(clientId)?.[1] ?? '000000000000';
}

/** The observed 403: googleapis "Queries per minute per user", with the ErrorInfo real answers carry. */
function perUserQuota403(clientId: string, limit: number): errors.GoogleError {
  const project = projectNumber(clientId);
  const message = `Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com' for consumer 'project_number:${project}'.`;
  return {
    status: 403,
    body: {
      error: {
        code: 403,
        message,
        errors: [{ message, domain: 'usageLimits', reason: 'rateLimitExceeded' }],
        status: 'PERMISSION_DENIED',
        // Field names as in a public copy of a real answer (a code-search hit whose repository is unknown).
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RATE_LIMIT_EXCEEDED',
            domain: 'googleapis.com',
            metadata: {
              quota_metric: 'gmail.googleapis.com/default',
              quota_limit_value: String(limit),
              service: 'gmail.googleapis.com',
              consumer: `projects/${project}`,
              quota_location: 'global',
              quota_limit: 'defaultPerMinutePerUser',
            },
          },
        ],
      },
    },
  };
}

/** Units charged per (project, user) over the last minute. */
export class UserQuota {
  private readonly charges = new Map<string, Charge[]>();

  constructor(readonly config: UserQuotaConfig) {}

  /** Units this user of this client spent in the 60 s up to `now`. */
  used(clientId: string, email: string, now: number): number {
    return this.recent(`${clientId} ${email.toLowerCase()}`, now).reduce((sum, charge) => sum + charge.units, 0);
  }

  /** Charges `units` at `now`, or returns Google's over-quota answer and charges nothing. */
  charge(clientId: string, email: string, units: number, now: number): errors.GoogleError | null {
    const key = `${clientId} ${email.toLowerCase()}`;
    const recent = this.recent(key, now);
    const used = recent.reduce((sum, charge) => sum + charge.units, 0);
    if (used + units > this.config.unitsPerMinute) {
      return this.config.answer === 403
        ? perUserQuota403(clientId, this.config.unitsPerMinute)
        : errors.tooManyRequests(null, null);
    }
    recent.push({ at: now, units });
    this.charges.set(key, recent);
    return null;
  }

  private recent(key: string, now: number): Charge[] {
    return (this.charges.get(key) ?? []).filter((charge) => charge.at > now - QUOTA_WINDOW_MS);
  }
}
