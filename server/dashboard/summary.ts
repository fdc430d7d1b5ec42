import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ROLES, type Role } from "../auth/permissions";

type ConsultantStatus = "active" | "inactive" | "terminated";

export type DashboardSummary = {
  consultants: Record<ConsultantStatus, number> & { total: number; newThisMonth: number };
  /** Consultants who joined per calendar month, oldest first, the current month last. */
  joinedByMonth: { month: string; count: number }[];
  users: { total: number; active: number; inactive: number };
  /** Active users holding each role (a user with two roles counts in both). */
  activeUsersByRole: Record<Role, number>;
};

export const MONTHS_OF_HISTORY = 6;

/**
 * The admin home figures, all counted by Postgres. "This month" is the database's calendar month
 * (`current_date`), the same clock that fills `joined_at` by default.
 */
export async function getDashboardSummary(db: DbOrTx): Promise<DashboardSummary> {
  const [consultantRows, monthRows, userRows, roleRows] = await Promise.all([
    db.execute<{ status: ConsultantStatus; count: number }>(
      sql`select status, count(*)::int as count from consultants group by status`,
    ),
    // generate_series gives every month a row, so a month with no joins shows as 0, not a gap.
    db.execute<{ month: string; count: number }>(sql`
      with months as (
        select generate_series(
          date_trunc('month', current_date) - make_interval(months => ${MONTHS_OF_HISTORY - 1}),
          date_trunc('month', current_date),
          interval '1 month'
        )::date as month
      )
      select to_char(m.month, 'YYYY-MM') as month, count(c.id)::int as count
      from months m
      left join consultants c
        on c.joined_at >= m.month and c.joined_at < (m.month + interval '1 month')::date
      group by m.month
      order by m.month`),
    db.execute<{ status: "active" | "inactive"; count: number }>(
      sql`select status, count(*)::int as count from users group by status`,
    ),
    db.execute<{ role: Role; count: number }>(sql`
      select r.role::text as role, count(*)::int as count
      from user_roles r join users u on u.id = r.user_id
      where u.status = 'active'
      group by r.role`),
  ]);

  const byStatus: Record<ConsultantStatus, number> = { active: 0, inactive: 0, terminated: 0 };
  for (const row of consultantRows) byStatus[row.status] = row.count;
  const joinedByMonth = monthRows.map((r) => ({ month: r.month, count: r.count }));

  const users = { total: 0, active: 0, inactive: 0 };
  for (const row of userRows) {
    users[row.status] = row.count;
    users.total += row.count;
  }

  const activeUsersByRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const row of roleRows) activeUsersByRole[row.role] = row.count;

  return {
    consultants: {
      ...byStatus,
      total: byStatus.active + byStatus.inactive + byStatus.terminated,
      newThisMonth: joinedByMonth.at(-1)?.count ?? 0,
    },
    joinedByMonth,
    users,
    activeUsersByRole,
  };
}
