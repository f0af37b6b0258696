import { CALENDAR_DAY_KIND } from "@qz/shared";
import { date, pgEnum, pgTable, text } from "drizzle-orm/pg-core";

export const calendarDayKind = pgEnum("calendar_day_kind", CALENDAR_DAY_KIND.values);

/** Official holidays and make-up workdays (调休); working-day deadlines read this, never weekday arithmetic alone. */
export const holidays = pgTable("holidays", {
  date: date("date").primaryKey(),
  kind: calendarDayKind("kind").notNull(),
  name: text("name").notNull(),
});
