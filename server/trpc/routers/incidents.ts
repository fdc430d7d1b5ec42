import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { incidents } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "../../errors";
import {
  addInternalNote,
  portalCreateIncident,
  portalReply,
  reopenIncident,
  replyToIncident,
  setIncidentAssignee,
  setIncidentCategory,
  setIncidentPriority,
  setIncidentStatus,
  staffCreateIncident,
} from "../../incidents/actions";
import { assignableUsers, incidentCounts, incidentDetail, listIncidents, portalScope } from "../../incidents/queries";
import {
  createIncidentSchema,
  deletePolicySchema,
  incidentIdSchema,
  listIncidentsSchema,
  noteSchema,
  portalCreateSchema,
  portalReplySchema,
  replySchema,
  saveCalendarSchema,
  savePolicySchema,
  setAssigneeSchema,
  setCategorySchema,
  setPrioritySchema,
  setStatusSchema,
} from "../../incidents/schemas";
import { deletePolicy, loadSlaSettings, saveCalendar, savePolicy } from "../../sla/settings";
import { router, withPermission } from "../init";

/** Staff work incidents with incidents.manage; consultants see only those they reported or that concern them. */
const staff = withPermission("incidents.manage");
const portal = withPermission("portal.access");

function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

/** Another consultant's incident is "not found", exactly like an id that does not exist. */
async function assertInScope(db: Db, id: number, consultantId: number) {
  const [row] = await db.select({ id: incidents.id }).from(incidents).where(and(eq(incidents.id, id), portalScope(consultantId)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
}

export const incidentsRouter = router({
  list: staff.input(listIncidentsSchema).query(({ ctx, input }) => listIncidents(ctx.db, input)),
  counts: staff.query(({ ctx }) => incidentCounts(ctx.db)),
  get: staff.input(incidentIdSchema).query(async ({ ctx, input }) => {
    const detail = await incidentDetail(ctx.db, input.id);
    if (!detail) throw new AppError("NOT_FOUND", "errors.notFound");
    return detail;
  }),
  assignees: staff.query(({ ctx }) => assignableUsers(ctx.db)),
  create: staff.input(createIncidentSchema).mutation(({ ctx, input }) => staffCreateIncident(ctx.db, input, { userId: ctx.user.id, locale: ctx.user.locale })),
  reply: staff.input(replySchema).mutation(({ ctx, input }) => replyToIncident(ctx.db, input, { userId: ctx.user.id }, { appUrl: ctx.appUrl })),
  note: staff.input(noteSchema).mutation(({ ctx, input }) => addInternalNote(ctx.db, input, { userId: ctx.user.id })),
  setStatus: staff.input(setStatusSchema).mutation(({ ctx, input }) => setIncidentStatus(ctx.db, input, { userId: ctx.user.id })),
  setPriority: staff.input(setPrioritySchema).mutation(({ ctx, input }) => setIncidentPriority(ctx.db, input, { userId: ctx.user.id })),
  setCategory: staff.input(setCategorySchema).mutation(({ ctx, input }) => setIncidentCategory(ctx.db, input, { userId: ctx.user.id })),
  setAssignee: staff.input(setAssigneeSchema).mutation(({ ctx, input }) => setIncidentAssignee(ctx.db, input, { userId: ctx.user.id })),
  reopen: staff.input(incidentIdSchema).mutation(({ ctx, input }) => reopenIncident(ctx.db, input, { userId: ctx.user.id })),

  slaSettings: staff.query(async ({ ctx }) => {
    const s = await loadSlaSettings(ctx.db);
    return { policies: s.policies, timeZone: s.calendar.timeZone, weeklyHours: s.calendar.weeklyHours, holidays: s.calendar.holidayList };
  }),
  savePolicy: staff.input(savePolicySchema).mutation(({ ctx, input }) => savePolicy(ctx.db, input, ctx.user.id)),
  deletePolicy: staff.input(deletePolicySchema).mutation(({ ctx, input }) => deletePolicy(ctx.db, input, ctx.user.id)),
  saveCalendar: staff.input(saveCalendarSchema).mutation(({ ctx, input }) => saveCalendar(ctx.db, input, ctx.user.id)),

  mine: portal.input(listIncidentsSchema).query(async ({ ctx, input }) => {
    const page = await listIncidents(ctx.db, { ...input, sort: "newest", consultant: null }, { scopeConsultantId: ownConsultantId(ctx.user) });
    // A customer's or contact's e-mail stays with staff, even on an incident that concerns the consultant.
    return { ...page, rows: page.rows.map(({ requesterEmail: _e, assigneeUserId: _a, assigneeName: _n, ...row }) => row) };
  }),
  myGet: portal.input(incidentIdSchema).query(async ({ ctx, input }) => {
    await assertInScope(ctx.db, input.id, ownConsultantId(ctx.user));
    const detail = await incidentDetail(ctx.db, input.id, { portal: true });
    if (!detail) throw new AppError("NOT_FOUND", "errors.notFound");
    // The portal shows the requester's side only: no assignee, SLA figures or e-mail addresses; only the files shared in the portal.
    const { assigneeUserId: _a, assigneeName: _n, sla: _s, requesterEmail: _e, ...visible } = detail;
    return visible;
  }),
  myCreate: portal.input(portalCreateSchema).mutation(({ ctx, input }) =>
    portalCreateIncident(ctx.db, input, { userId: ctx.user.id, locale: ctx.user.locale, consultantId: ownConsultantId(ctx.user) }),
  ),
  myReply: portal.input(portalReplySchema).mutation(async ({ ctx, input }) => {
    await assertInScope(ctx.db, input.id, ownConsultantId(ctx.user));
    return portalReply(ctx.db, input, { userId: ctx.user.id });
  }),
});
