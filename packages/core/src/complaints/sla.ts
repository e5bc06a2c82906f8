import {invalidInput} from '../errors.js';
import {MS_PER_HOUR, toEpochMs, toIso, type Instant, type IsoDateTime} from '../time.js';
import type {Complaint, Severity} from './complaint.js';

/** The times a severity promises, in hours. */
export interface SlaTargets {
  /** Hours until a first response is due. */
  readonly responseHours: number;
  /** Hours until resolution is due. */
  readonly resolutionHours: number;
}

/**
 * The hours in which service time runs: on the given ISO weekdays (1 is Monday, 7 Sunday), from
 * `start` to `end` local time in `timeZone`, except on `holidays` (local dates).
 */
export interface BusinessHours {
  /** IANA time zone (`Asia/Shanghai`). */
  readonly timeZone: string;
  /** ISO weekdays that are working days. */
  readonly days: readonly number[];
  /** Opening time, `HH:MM`. */
  readonly start: string;
  /** Closing time, `HH:MM`, after `start`. */
  readonly end: string;
  /** Local dates (`2026-10-01`) with no service. */
  readonly holidays?: readonly string[];
}

/**
 * Response and resolution targets per severity. Without `businessHours` the targets count calendar
 * hours; with them, only hours inside business hours count.
 */
export interface SlaPolicy {
  readonly targets: Readonly<Record<Severity, SlaTargets>>;
  readonly businessHours?: BusinessHours;
}

/** A common policy in calendar hours: critical 1 h / 1 day, high 4 h / 3 days, medium 1 / 5 days, low 2 / 10 days. */
export const defaultSlaPolicy: SlaPolicy = {
  targets: {
    critical: {responseHours: 1, resolutionHours: 24},
    high: {responseHours: 4, resolutionHours: 72},
    medium: {responseHours: 24, resolutionHours: 120},
    low: {responseHours: 48, resolutionHours: 240},
  },
};

/** When the first response and the resolution of a complaint are due. */
export interface SlaDueDates {
  readonly responseDueAt: IsoDateTime;
  readonly resolutionDueAt: IsoDateTime;
}

/**
 * Due dates for a complaint received at `receivedAt` with `severity` under `policy`.
 *
 * @throws RapportError `invalid_input` for an invalid date, time zone or business-hours setting.
 */
export function slaDueDates(
  receivedAt: Instant,
  severity: Severity,
  policy: SlaPolicy,
): SlaDueDates {
  const start = toEpochMs(receivedAt, 'receivedAt');
  const targets = policy.targets[severity];
  const add = (hours: number): number =>
    policy.businessHours
      ? addBusinessTime(start, hours * MS_PER_HOUR, policy.businessHours)
      : start + hours * MS_PER_HOUR;
  return {
    responseDueAt: toIso(add(targets.responseHours)),
    resolutionDueAt: toIso(add(targets.resolutionHours)),
  };
}

/** Where one SLA clock stands. */
export interface SlaClock {
  /**
   * `met`: done by the due time. `breached`: done late, or not done and past due. `running`: not done,
   * not yet due.
   */
  readonly state: 'met' | 'breached' | 'running';
  readonly dueAt: IsoDateTime;
  /** For `running`: milliseconds left. */
  readonly remainingMs?: number;
}

/** Both SLA clocks of a complaint. */
export interface SlaStatus {
  readonly response: SlaClock;
  readonly resolution: SlaClock;
  /** Whether either clock is breached. */
  readonly breached: boolean;
}

/**
 * Where a complaint's SLA stands at `asOf`. The status says whether the resolution clock still runs:
 * it stops at `resolvedAt` once the complaint is resolved or closed (at `closedAt` for one closed without
 * a resolution time, and for a rejected one), and runs while it is open, so a reopened complaint is
 * measured against `resolutionDueAt` again even if its record still carries an earlier `resolvedAt`.
 */
export function slaStatus(complaint: Complaint, asOf: Instant): SlaStatus {
  const now = toEpochMs(asOf, 'asOf');
  const done =
    resolvedAtNow(complaint) ??
    (complaint.status === 'closed' || complaint.status === 'rejected'
      ? complaint.closedAt
      : undefined);
  const response = clock(complaint.responseDueAt, complaint.firstResponseAt, now);
  const resolution = clock(complaint.resolutionDueAt, done, now);
  return {
    response,
    resolution,
    breached: response.state === 'breached' || resolution.state === 'breached',
  };
}

function clock(dueAt: IsoDateTime, doneAt: IsoDateTime | undefined, now: number): SlaClock {
  const due = Date.parse(dueAt);
  if (doneAt !== undefined) return {state: Date.parse(doneAt) <= due ? 'met' : 'breached', dueAt};
  return now > due ? {state: 'breached', dueAt} : {state: 'running', dueAt, remainingMs: due - now};
}

/**
 * Calendar durations of a complaint's handling, in milliseconds; `null` until it happened. The
 * resolution time is that of the current resolution: `null` again once a complaint is reopened.
 */
export function complaintDurations(complaint: Complaint): {
  readonly firstResponseMs: number | null;
  readonly resolutionMs: number | null;
} {
  const created = Date.parse(complaint.createdAt);
  const since = (at: IsoDateTime | undefined): number | null =>
    at === undefined ? null : Date.parse(at) - created;
  return {
    firstResponseMs: since(complaint.firstResponseAt),
    resolutionMs: since(resolvedAtNow(complaint)),
  };
}

/**
 * When the complaint's current resolution happened: its `resolvedAt` once it is resolved or closed,
 * nothing while it is open (a record may still carry the time of a resolution since reopened).
 */
function resolvedAtNow(complaint: Complaint): IsoDateTime | undefined {
  return complaint.status === 'resolved' || complaint.status === 'closed'
    ? complaint.resolvedAt
    : undefined;
}

/**
 * `start` plus `duration` milliseconds of business time. Walks day by day in the business's time zone,
 * so daylight-saving changes and holidays fall where the local calendar puts them.
 */
function addBusinessTime(start: number, duration: number, hours: BusinessHours): number {
  let left = duration;
  const end = walkBusinessTime(start, hours, (from, closesAt) => {
    if (left <= closesAt - from) return from + left;
    left -= closesAt - from;
    return undefined;
  });
  if (end === undefined)
    throw invalidInput('businessHours', 'leaves no working time in the next ten years');
  return end;
}

/**
 * Milliseconds of business time from `from` to `to` (0 when `to` is not later): what a tracker says
 * when it promises a reply "within 3 working hours". Without `hours`, calendar time.
 *
 * @throws RapportError `invalid_input` for an invalid date or business-hours setting.
 */
export function businessTimeBetween(from: Instant, to: Instant, hours?: BusinessHours): number {
  const start = toEpochMs(from, 'from');
  const end = toEpochMs(to, 'to');
  if (end <= start) return 0;
  if (!hours) return end - start;
  let total = 0;
  walkBusinessTime(start, hours, (open, closesAt) => {
    if (open >= end) return end;
    total += Math.min(closesAt, end) - open;
    return closesAt >= end ? end : undefined;
  });
  return total;
}

/**
 * Calls `visit` with each stretch of business time from `start` on (its start and its closing time),
 * until `visit` returns a value, which is returned; `undefined` after ten years of days.
 */
function walkBusinessTime(
  start: number,
  hours: BusinessHours,
  visit: (from: number, closesAt: number) => number | undefined,
): number | undefined {
  const open = minutesOf(hours.start, 'businessHours.start');
  const close = minutesOf(hours.end, 'businessHours.end');
  if (close <= open) throw invalidInput('businessHours.end', 'must be after businessHours.start');
  if (!hours.days.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw invalidInput('businessHours.days', 'needs at least one ISO weekday from 1 (Monday) to 7');
  }
  const zone = zoneOf(hours.timeZone);
  const holidays = new Set(hours.holidays ?? []);
  let t = start;
  // Ten years of days is far more than any SLA; the bound only guards against a policy with no time.
  for (let day = 0; day < 3660; day++) {
    const local = zone.parts(t);
    const date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
    const opensAt = zone.toUtc(local.year, local.month, local.day, open);
    const closesAt = zone.toUtc(local.year, local.month, local.day, close);
    if (hours.days.includes(local.weekday) && !holidays.has(date) && t < closesAt) {
      const found = visit(Math.max(t, opensAt), closesAt);
      if (found !== undefined) return found;
    }
    const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
    t = zone.toUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0);
  }
  return undefined;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday, 1 (Monday) to 7. */
  weekday: number;
}

interface Zone {
  parts(ms: number): LocalParts;
  toUtc(year: number, month: number, day: number, minutes: number): number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (zone) return zone;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
  } catch {
    throw invalidInput(
      'businessHours.timeZone',
      `${JSON.stringify(timeZone)} is not an IANA time zone`,
    );
  }
  const parts = (ms: number): LocalParts => {
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(ms)) p[part.type] = part.value;
    return {
      year: Number(p.year),
      month: Number(p.month),
      day: Number(p.day),
      minutes: Number(p.hour) * 60 + Number(p.minute),
      weekday: WEEKDAYS.indexOf(p.weekday!) + 1,
    };
  };
  // The zone's offset at `ms`, in ms: local wall time read as UTC, minus the instant (whole minutes).
  const offset = (ms: number): number => {
    const l = parts(ms);
    return Date.UTC(l.year, l.month - 1, l.day, 0, l.minutes) - Math.floor(ms / 60_000) * 60_000;
  };
  const toUtc = (year: number, month: number, day: number, minutes: number): number => {
    const wall = Date.UTC(year, month - 1, day, 0, minutes);
    const first = wall - offset(wall);
    const second = wall - offset(first);
    return second;
  };
  zone = {parts, toUtc};
  zones.set(timeZone, zone);
  return zone;
}

function minutesOf(time: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw invalidInput(field, `${JSON.stringify(time)} is not a time in HH:MM form`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
