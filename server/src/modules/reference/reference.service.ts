import {
  calendarFrom,
  checkCalendarYear,
  checkMinimumWageStandard,
  MAX_MINIMUM_WAGE_SOURCE_LENGTH,
  minimumWageOn,
  type HolidayCalendar,
} from "@qz/shared";
import type { Db } from "../../db/client.js";
import { HOLIDAY_CALENDAR_ENTITY } from "../../db/reference-data.js";
import type { Deps } from "../../deps.js";
import { AppError, type ErrorReason } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkRegion } from "../../access/input-checks.js";
import * as repo from "./reference.repo.js";

export interface SetMinimumWageCommand {
  regionCode: string;
  effectiveFrom: string;
  monthlyFen: number;
  hourlyFen: number;
  source: string;
}

export interface CalendarDayCommand {
  date: string;
  kind: string;
  name: string;
}

/** BAD_USER_INPUT with every reason, each naming its field. */
function refuse(reasons: ErrorReason[]): never {
  throw new AppError("BAD_USER_INPUT", reasons.map((r) => r.message).join("；"), reasons);
}

const wageView = (w: Pick<repo.MinimumWageRow, "regionCode" | "effectiveFrom" | "monthlyFen" | "hourlyFen" | "source">) => ({
  regionCode: w.regionCode,
  effectiveFrom: w.effectiveFrom,
  monthlyFen: w.monthlyFen,
  hourlyFen: w.hourlyFen,
  source: w.source,
});

// The working-day calendar is read by every deadline computation but changes about once a year, so each
// process keeps it. setCalendarDays drops this process's copy when it commits; other API and worker
// processes pick the edit up within CALENDAR_TTL_MS. That is early enough: a State Council notice is
// entered weeks before the days it moves.
const CALENDAR_TTL_MS = 60_000;
const calendars = new WeakMap<Db, { loadedAt: number; calendar: Promise<HolidayCalendar> }>();

/**
 * The official working-day calendar (holidays and 调休 workdays) from the `holidays` table, for
 * `addWorkingDays`/`isWorkingDay`. Cached per process and database; see CALENDAR_TTL_MS.
 */
export function workingDayCalendar(db: Db): Promise<HolidayCalendar> {
  const cached = calendars.get(db);
  if (cached && performance.now() - cached.loadedAt < CALENDAR_TTL_MS) return cached.calendar;
  // The promise is cached at once, so concurrent callers share one load and an invalidation that
  // happens while it runs is not undone when it finishes.
  const calendar = repo.listAllCalendarDays(db).then(calendarFrom);
  const entry = { loadedAt: performance.now(), calendar };
  calendars.set(db, entry);
  calendar.catch(() => {
    if (calendars.get(db) === entry) calendars.delete(db);
  });
  return calendar;
}

function invalidateWorkingDayCalendar(db: Db): void {
  calendars.delete(db);
}

export type ReferenceService = ReturnType<typeof createReferenceService>;

/** Reference data the city edits: minimum wages (最低工资标准) per area and the official holiday calendar. */
export function createReferenceService({ db }: Deps) {
  return {
    /** One area's standards, newest first: the history stays, a new standard is a new row. */
    async minimumWages(regionCode: string) {
      checkRegion(regionCode);
      return repo.listMinimumWages(db, regionCode);
    },

    /** The standard in force in the area on the date, or null before the first one. */
    async minimumWageOn(regionCode: string, date: string) {
      checkRegion(regionCode);
      return minimumWageOn(await repo.listMinimumWages(db, regionCode), regionCode, date);
    },

    /** 市人社局 records a new standard from its effective date; the same area and date twice is a CONFLICT. */
    async setMinimumWage(caller: Caller, cmd: SetMinimumWageCommand) {
      const actor = requireActor(caller, "CITY_OFFICER");
      const checked = checkMinimumWageStandard(cmd);
      if (!checked.ok) refuse(checked.reasons);
      const standard = checked.value;
      return db.transaction(async (tx) => {
        const history = await repo.listMinimumWages(tx, standard.regionCode);
        const row = await repo.insertMinimumWage(tx, { ...standard, createdBy: actor.userId });
        if (!row) {
          throw new AppError("CONFLICT", `${standard.regionCode} 自 ${standard.effectiveFrom} 起已有最低工资标准；标准只增不改，请换一个执行日期`, [
            { code: "MINIMUM_WAGE_EXISTS", field: "effectiveFrom", message: "该地区该日期已有标准" },
          ]);
        }
        const previous = minimumWageOn(history, standard.regionCode, standard.effectiveFrom);
        await recordAudit(tx, caller, {
          action: "reference.set-minimum-wage",
          entityType: "minimum_wage",
          entityId: row.id,
          // The standard it takes over from on that date, so the log reads as a change.
          before: previous ? wageView(previous) : null,
          after: wageView(row),
        });
        return row;
      });
    },

    /** One year's holidays and make-up workdays in date order. */
    holidayCalendar: (year: number) => repo.listCalendarDays(db, year),

    /**
     * 市人社局 enters a year from the State Council's notice: the given days replace all of that year's rows
     * in one transaction, audited with the rows before and after. Built-in data never overwrites it again.
     */
    async setCalendarDays(caller: Caller, year: number, days: readonly CalendarDayCommand[], source: string) {
      requireActor(caller, "CITY_OFFICER");
      const checked = checkCalendarYear(year, days);
      const reasons: ErrorReason[] = checked.ok ? [] : [...checked.reasons];
      const notice = source.trim();
      if (!notice || notice.length > MAX_MINIMUM_WAGE_SOURCE_LENGTH) {
        reasons.push({ field: "source", code: "SOURCE_LENGTH", message: `依据文件应为1至${MAX_MINIMUM_WAGE_SOURCE_LENGTH}个字符` });
      }
      if (!checked.ok || reasons.length) return refuse(reasons);
      const rows = checked.value;
      const saved = await db.transaction(async (tx) => {
        await repo.lockCalendarYear(tx, year);
        const before = await repo.listCalendarDays(tx, year);
        await repo.replaceCalendarYear(tx, year, rows);
        await recordAudit(tx, caller, {
          action: "reference.set-calendar-days",
          entityType: HOLIDAY_CALENDAR_ENTITY,
          entityId: String(year),
          before: { days: before },
          after: { source: notice, days: rows },
        });
        return repo.listCalendarDays(tx, year);
      });
      invalidateWorkingDayCalendar(db);
      return saved;
    },

    /** The working-day calendar other modules compute deadlines with (complaint SLAs, 工作日). */
    workingDayCalendar: () => workingDayCalendar(db),
  };
}
