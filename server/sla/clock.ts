/**
 * Business-time clock: pure functions over a company calendar (IANA time zone, weekly opening
 * hours per weekday, holidays) and optional pause intervals ("waiting on requester").
 *
 * Wall-clock hours are turned into instants with Intl in the calendar's zone, day by day, so a
 * night, a weekend, a holiday or a daylight-saving change is counted as the clock on the office
 * wall shows it: on a day the clocks go forward, "00:00–24:00" lasts 23 hours.
 * Minutes may be fractional when measuring; targets are whole minutes.
 */

/** For weekday "0" (Sunday) … "6": [start, end) in minutes after local midnight, 0–1440. */
export type WeeklyHours = Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", Array<[number, number]>>;

export type BusinessCalendar = {
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Local dates "YYYY-MM-DD" with no business hours. */
  holidays: ReadonlySet<string> | readonly string[];
};

/** A pause; `end` null means "still paused". */
export type Pause = { start: Date; end: Date | null };

const MINUTE = 60_000;
/** How far the clock looks ahead for a due time before giving up (a calendar with no hours). */
const MAX_DAYS = 3 * 366;

type Civil = { y: number; m: number; d: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at instant `ms`. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { y: parts.year!, m: parts.month!, d: parts.day!, h: parts.hour!, min: parts.minute!, s: parts.second! };
}

/** Offset (ms) of `timeZone` from UTC at instant `ms`. */
function offsetAt(ms: number, timeZone: string) {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(ms / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` (0–1439) on civil date
 * `c`, disambiguated as Temporal's "compatible" mode: a time repeated when clocks go back is its
 * earlier occurrence; a time skipped when clocks go forward is shifted forward by the gap.
 */
export function zonedInstant(c: Civil, minuteOfDay: number, timeZone: string): number {
  const naive = Date.UTC(c.y, c.m - 1, c.d, 0, minuteOfDay);
  const before = offsetAt(naive - DAY, timeZone);
  const after = offsetAt(naive + DAY, timeZone);
  const valid = [naive - before, naive - after].filter((t) => wallMinute(t, timeZone, c) === minuteOfDay);
  if (valid.length) return Math.min(...valid);
  return naive - before;
}
function wallMinute(ms: number, timeZone: string, c: Civil) {
  const w = wallClock(ms, timeZone);
  if (w.y !== c.y || w.m !== c.m || w.d !== c.d) return -1;
  return w.h * 60 + w.min;
}

export function localDate(ms: number, timeZone: string): Civil {
  const w = wallClock(ms, timeZone);
  return { y: w.y, m: w.m, d: w.d };
}

function addDays(c: Civil, n: number): Civil {
  const t = new Date(Date.UTC(c.y, c.m - 1, c.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function civilKey(c: Civil) {
  return `${String(c.y).padStart(4, "0")}-${String(c.m).padStart(2, "0")}-${String(c.d).padStart(2, "0")}`;
}

function isHoliday(cal: BusinessCalendar, c: Civil) {
  const key = civilKey(c);
  return cal.holidays instanceof Set ? cal.holidays.has(key) : (cal.holidays as readonly string[]).includes(key);
}

/** The open intervals [start, end) in ms of one local date, in order. */
function openIntervals(cal: BusinessCalendar, c: Civil): Array<[number, number]> {
  if (isHoliday(cal, c)) return [];
  const weekday = String(new Date(Date.UTC(c.y, c.m - 1, c.d)).getUTCDay()) as keyof WeeklyHours;
  const spans = cal.weeklyHours[weekday] ?? [];
  const out: Array<[number, number]> = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (!(b > a)) continue;
    const start = zonedInstant(c, a, cal.timeZone);
    const end = b >= 1440 ? zonedInstant(addDays(c, 1), 0, cal.timeZone) : zonedInstant(c, b, cal.timeZone);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Pauses sorted and merged; an open pause ends at +Infinity. */
function normalisePauses(pauses: readonly Pause[]): Array<[number, number]> {
  const spans = pauses
    .map((p) => [p.start.getTime(), p.end ? p.end.getTime() : Number.POSITIVE_INFINITY] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([...s]);
  }
  return out;
}

/** [a, b) minus the (sorted, merged) pauses. */
function withoutPauses(a: number, b: number, pauses: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let cursor = a;
  for (const [p, q] of pauses) {
    if (q <= cursor) continue;
    if (p >= b) break;
    if (p > cursor) out.push([cursor, Math.min(p, b)]);
    cursor = Math.max(cursor, q);
    if (cursor >= b) break;
  }
  if (cursor < b) out.push([cursor, b]);
  return out;
}

/** Business minutes between two instants (0 when `to` is not after `from`), pauses excluded. */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date, pauses: readonly Pause[] = []): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const merged = normalisePauses(pauses);
  let total = 0;
  const last = localDate(b, cal.timeZone);
  for (let day = addDays(localDate(a, cal.timeZone), -1), i = 0; ; day = addDays(day, 1), i++) {
    for (const [s, e] of openIntervals(cal, day)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) for (const [x, y] of withoutPauses(lo, hi, merged)) total += y - x;
    }
    if (civilKey(day) >= civilKey(addDays(last, 1))) break;
    if (i > 40_000) break;
  }
  return total / MINUTE;
}

/**
 * The instant `minutes` business minutes after `start`, skipping closed hours and pauses.
 * Null when it never comes: an open pause, or a calendar without hours in the next three years.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number, pauses: readonly Pause[] = []): Date | null {
  const a = start.getTime();
  let remaining = minutes * MINUTE;
  const merged = normalisePauses(pauses);
  if (remaining <= 0) return new Date(a);
  for (let day = addDays(localDate(a, cal.timeZone), -1), i = 0; i < MAX_DAYS; day = addDays(day, 1), i++) {
    for (const [s, e] of openIntervals(cal, day)) {
      const lo = Math.max(s, a);
      if (e <= lo) continue;
      for (const [x, y] of withoutPauses(lo, e, merged)) {
        if (y === Number.POSITIVE_INFINITY) return null;
        if (y - x >= remaining) return new Date(x + remaining);
        remaining -= y - x;
      }
    }
    // An open pause that began before this day swallows everything after it.
    const open = merged[merged.length - 1];
    if (open && open[1] === Number.POSITIVE_INFINITY && open[0] <= zonedInstant(addDays(day, 1), 0, cal.timeZone)) return null;
  }
  return null;
}

/** Minutes of business time in a week of the calendar (its nominal capacity, no holidays). */
export function weeklyBusinessMinutes(hours: WeeklyHours) {
  let total = 0;
  for (const spans of Object.values(hours)) for (const [a, b] of spans) total += Math.max(0, Math.min(b, 1440) - a);
  return total;
}

/** Checks a weekly-hours value: minutes 0–1440, start < end, no overlaps within a day. */
export function validWeeklyHours(hours: WeeklyHours): boolean {
  for (const k of ["0", "1", "2", "3", "4", "5", "6"] as const) {
    const spans = [...(hours[k] ?? [])].sort((x, y) => x[0] - y[0]);
    let prevEnd = -1;
    for (const [a, b] of spans) {
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > 1440 || a >= b || a < prevEnd) return false;
      prevEnd = b;
    }
  }
  return true;
}
