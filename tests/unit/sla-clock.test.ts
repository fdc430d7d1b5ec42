import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, validWeeklyHours, zonedInstant, type BusinessCalendar, type WeeklyHours } from "@/server/sla/clock";
import { deriveSla, type SlaIncident, type SlaPolicy } from "@/server/sla/derive";

const nineToSix: [number, number][] = [[540, 1080]];
const weekdays = (spans: [number, number][]): WeeklyHours => ({ "0": [], "1": spans, "2": spans, "3": spans, "4": spans, "5": spans, "6": [] });
const always: WeeklyHours = { "0": [[0, 1440]], "1": [[0, 1440]], "2": [[0, 1440]], "3": [[0, 1440]], "4": [[0, 1440]], "5": [[0, 1440]], "6": [[0, 1440]] };

// São Paulo is UTC-3 all year (no daylight saving since 2019): 09:00 local = 12:00Z.
const sp: BusinessCalendar = { timeZone: "America/Sao_Paulo", weeklyHours: weekdays(nineToSix), holidays: new Set(["2026-11-20"]) };
const at = (iso: string) => new Date(iso);

describe("business clock: adding business minutes", () => {
  it("inside one working day", () => {
    expect(addBusinessMinutes(sp, at("2026-11-23T12:00:00Z"), 90)).toEqual(at("2026-11-23T13:30:00Z"));
  });

  it("over a night: Monday 17:00 + 2 h is Tuesday 10:00", () => {
    expect(addBusinessMinutes(sp, at("2026-11-23T20:00:00Z"), 120)).toEqual(at("2026-11-24T13:00:00Z"));
  });

  it("starting at night waits for the opening", () => {
    expect(addBusinessMinutes(sp, at("2026-11-24T02:00:00Z"), 30)).toEqual(at("2026-11-24T12:30:00Z"));
  });

  it("over a weekend: Friday 17:30 + 1 h is Monday 09:30", () => {
    expect(addBusinessMinutes(sp, at("2026-11-27T20:30:00Z"), 60)).toEqual(at("2026-11-30T12:30:00Z"));
  });

  it("over a holiday: Thursday 17:00 + 2 h skips Friday 20 Nov (holiday) and the weekend", () => {
    expect(addBusinessMinutes(sp, at("2026-11-19T20:00:00Z"), 120)).toEqual(at("2026-11-23T13:00:00Z"));
    // The same without the holiday lands on Friday.
    const noHoliday = { ...sp, holidays: [] };
    expect(addBusinessMinutes(noHoliday, at("2026-11-19T20:00:00Z"), 120)).toEqual(at("2026-11-20T13:00:00Z"));
  });

  it("with a lunch break (two spans in a day)", () => {
    const lunch = { ...sp, weeklyHours: weekdays([[540, 720], [780, 1080]]) };
    expect(addBusinessMinutes(lunch, at("2026-11-23T14:30:00Z"), 60)).toEqual(at("2026-11-23T16:30:00Z"));
  });

  it("a pause (waiting on requester) pushes the due time by the paused business time", () => {
    const pauses = [{ start: at("2026-11-23T13:00:00Z"), end: at("2026-11-23T17:00:00Z") }];
    expect(addBusinessMinutes(sp, at("2026-11-23T12:00:00Z"), 240, pauses)).toEqual(at("2026-11-23T20:00:00Z"));
    expect(addBusinessMinutes(sp, at("2026-11-23T12:00:00Z"), 240)).toEqual(at("2026-11-23T16:00:00Z"));
  });

  it("an open pause means no due time yet", () => {
    expect(addBusinessMinutes(sp, at("2026-11-23T12:00:00Z"), 240, [{ start: at("2026-11-23T13:00:00Z"), end: null }])).toBeNull();
    // ...unless the target is reached before the pause began.
    expect(addBusinessMinutes(sp, at("2026-11-23T12:00:00Z"), 30, [{ start: at("2026-11-23T13:00:00Z"), end: null }])).toEqual(at("2026-11-23T12:30:00Z"));
  });

  it("a calendar with no hours never comes due", () => {
    const closed = { ...sp, weeklyHours: weekdays([]) };
    expect(addBusinessMinutes(closed, at("2026-11-23T12:00:00Z"), 1)).toBeNull();
  });
});

describe("business clock: daylight-saving changes (America/New_York)", () => {
  const ny: BusinessCalendar = { timeZone: "America/New_York", weeklyHours: weekdays(nineToSix), holidays: [] };

  it("wall-clock hours follow the change: Friday 17:00 EST + 2 h is Monday 10:00 EDT", () => {
    // 2026-03-08 clocks go forward. Friday 6 March 17:00 EST = 22:00Z; Monday 9 March 10:00 EDT = 14:00Z.
    expect(addBusinessMinutes(ny, at("2026-03-06T22:00:00Z"), 120)).toEqual(at("2026-03-09T14:00:00Z"));
    expect(businessMinutesBetween(ny, at("2026-03-06T22:00:00Z"), at("2026-03-09T14:00:00Z"))).toBe(120);
  });

  it("the day clocks go forward has 23 hours, the day they go back 25", () => {
    const allDay = { ...ny, weeklyHours: always };
    expect(businessMinutesBetween(allDay, at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"))).toBe(23 * 60);
    expect(businessMinutesBetween(allDay, at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"))).toBe(25 * 60);
  });

  it("a wall time skipped by the change maps forward; a repeated one to its first occurrence", () => {
    expect(new Date(zonedInstant({ y: 2026, m: 3, d: 8 }, 150, "America/New_York")).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(new Date(zonedInstant({ y: 2026, m: 11, d: 1 }, 90, "America/New_York")).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
});

describe("business clock: measuring", () => {
  it("counts only open hours, across nights and weekends", () => {
    expect(businessMinutesBetween(sp, at("2026-11-23T12:00:00Z"), at("2026-11-24T12:00:00Z"))).toBe(540);
    expect(businessMinutesBetween(sp, at("2026-11-27T20:00:00Z"), at("2026-11-30T13:00:00Z"))).toBe(120);
    expect(businessMinutesBetween(sp, at("2026-11-24T12:00:00Z"), at("2026-11-23T12:00:00Z"))).toBe(0);
  });

  it("excludes holidays and pauses", () => {
    expect(businessMinutesBetween(sp, at("2026-11-19T12:00:00Z"), at("2026-11-23T12:00:00Z"))).toBe(540);
    const pauses = [{ start: at("2026-11-23T13:00:00Z"), end: at("2026-11-23T14:00:00Z") }, { start: at("2026-11-23T13:30:00Z"), end: at("2026-11-23T15:00:00Z") }];
    expect(businessMinutesBetween(sp, at("2026-11-23T12:00:00Z"), at("2026-11-23T16:00:00Z"), pauses)).toBe(120);
  });

  it("a calendar edit changes the measure (longer hours, new holiday)", () => {
    const from = at("2026-11-23T12:00:00Z");
    const to = at("2026-11-24T12:00:00Z");
    expect(businessMinutesBetween(sp, from, to)).toBe(540);
    expect(businessMinutesBetween({ ...sp, weeklyHours: weekdays([[480, 1200]]) }, from, to)).toBe(660 + 60);
    expect(businessMinutesBetween({ ...sp, holidays: ["2026-11-23"] }, from, to)).toBe(0);
    expect(addBusinessMinutes({ ...sp, holidays: ["2026-11-24"] }, at("2026-11-23T20:00:00Z"), 120)).toEqual(at("2026-11-25T13:00:00Z"));
  });

  it("validates weekly hours", () => {
    expect(validWeeklyHours(weekdays(nineToSix))).toBe(true);
    expect(validWeeklyHours(weekdays([[600, 540]]))).toBe(false);
    expect(validWeeklyHours(weekdays([[540, 720], [700, 800]]))).toBe(false);
    expect(validWeeklyHours(weekdays([[0, 1441]]))).toBe(false);
  });
});

describe("SLA derived from the incident's history", () => {
  const policies: SlaPolicy[] = [
    { priority: "high", category: null, firstResponseMinutes: 60, resolutionMinutes: 480, nearExpiryPercent: 75 },
    { priority: "high", category: "payments", firstResponseMinutes: 30, resolutionMinutes: 240, nearExpiryPercent: 75 },
    { priority: "critical", category: null, firstResponseMinutes: 15, resolutionMinutes: 120, nearExpiryPercent: 50 },
  ];
  const created = at("2026-11-23T12:00:00Z"); // Monday 09:00 in São Paulo
  const inc = (over: Partial<SlaIncident> = {}): SlaIncident => ({ createdAt: created, priority: "high", category: "general", status: "new", events: [], ...over });
  const mins = (n: number) => new Date(created.getTime() + n * 60_000);

  it("on track, near expiry, expired as the first-response clock runs", () => {
    expect(deriveSla(inc(), policies, sp, mins(40)).state).toBe("on_track");
    expect(deriveSla(inc(), policies, sp, mins(46)).state).toBe("near_expiry");
    const late = deriveSla(inc(), policies, sp, mins(61));
    expect(late.state).toBe("expired");
    expect(late.firstResponse!.dueAt).toEqual(mins(60));
    expect(late.resolution!.dueAt).toEqual(mins(480));
    expect(late.nextDueAt).toEqual(mins(60));
  });

  it("a public reply meets the first response; the resolution clock then leads", () => {
    const s = deriveSla(inc({ status: "open", events: [{ kind: "reply", at: mins(20), public: true }] }), policies, sp, mins(100));
    expect(s.firstResponse!.state).toBe("met");
    expect(s.state).toBe("on_track");
    expect(s.nextDueAt).toEqual(mins(480));
    // An internal note is no response.
    expect(deriveSla(inc({ events: [{ kind: "note", at: mins(20), public: false }] }), policies, sp, mins(100)).state).toBe("expired");
  });

  it("waiting on requester pauses: no due time while waiting, the time counted resumes after", () => {
    const events = [
      { kind: "reply", at: mins(10), public: true },
      { kind: "status", at: mins(10), toValue: "waiting" },
    ];
    const waiting = deriveSla(inc({ status: "waiting", events }), policies, sp, mins(2000));
    expect(waiting.paused).toBe(true);
    expect(waiting.resolution!.dueAt).toBeNull();
    expect(waiting.resolution!.usedMinutes).toBe(10);
    expect(waiting.state).toBe("on_track");
    // Back to open on Wednesday 09:00 (two business days later): 470 minutes left from there.
    const back = at("2026-11-25T12:00:00Z");
    const resumed = deriveSla(inc({ status: "open", events: [...events, { kind: "status", at: back, toValue: "open" }] }), policies, sp, back);
    expect(resumed.resolution!.dueAt).toEqual(at("2026-11-25T19:50:00Z"));
  });

  it("resolved: met or breached at the resolution time; a reopen resumes, the resolved spell paused", () => {
    const resolvedEvents = [
      { kind: "reply", at: mins(10), public: true },
      { kind: "status", at: mins(100), toValue: "resolved" },
    ];
    const resolved = deriveSla(inc({ status: "resolved", events: resolvedEvents }), policies, sp, mins(5000));
    expect(resolved.state).toBe("met");
    expect(resolved.resolution!.doneAt).toEqual(mins(100));
    expect(resolved.nextDueAt).toBeNull();
    const reopenAt = at("2026-11-24T12:00:00Z");
    const reopened = deriveSla(inc({ status: "open", events: [...resolvedEvents, { kind: "status", at: reopenAt, toValue: "open" }] }), policies, sp, reopenAt);
    expect(reopened.resolution!.doneAt).toBeNull();
    expect(reopened.resolution!.usedMinutes).toBe(100);
    expect(reopened.resolution!.dueAt).toEqual(new Date(reopenAt.getTime() + 380 * 60_000));
  });

  it("changing the policy, the priority or the calendar recomputes (nothing stored)", () => {
    const now = mins(40);
    expect(deriveSla(inc(), policies, sp, now).state).toBe("on_track");
    const stricter = policies.map((p) => (p.priority === "high" && p.category === null ? { ...p, firstResponseMinutes: 30 } : p));
    expect(deriveSla(inc(), stricter, sp, now).state).toBe("expired");
    expect(deriveSla(inc({ category: "payments" }), policies, sp, now).state).toBe("expired");
    const critical = deriveSla(inc({ priority: "critical" }), policies, sp, mins(10));
    expect(critical.critical).toBe(true);
    expect(critical.state).toBe("near_expiry");
    // Today a holiday: the clock has not started, so nothing is used.
    const holiday = deriveSla(inc(), policies, { ...sp, holidays: ["2026-11-23"] }, now);
    expect(holiday.state).toBe("on_track");
    expect(holiday.firstResponse!.usedMinutes).toBe(0);
    expect(holiday.firstResponse!.dueAt).toEqual(at("2026-11-24T13:00:00Z"));
  });

  it("no policy for the priority: no SLA", () => {
    const s = deriveSla(inc({ priority: "low" }), policies, sp, mins(10));
    expect(s.policy).toBeNull();
    expect(s.state).toBeNull();
  });
});
