import { bigint, date, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.js";
import { regions } from "./region.js";

/**
 * 最低工资标准 per area with the date it takes effect; the standard in force on a day is the row with the
 * latest effective date on or before it. City officers add rows (audited); nothing is updated in place.
 */
export const minimumWages = pgTable(
  "minimum_wages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    effectiveFrom: date("effective_from").notNull(),
    monthlyFen: bigint("monthly_fen", { mode: "number" }).notNull(),
    hourlyFen: bigint("hourly_fen", { mode: "number" }).notNull(),
    /** Where the figure comes from, e.g. 闽政〔2022〕… */
    source: text("source").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [unique("minimum_wages_region_effective_unique").on(t.regionCode, t.effectiveFrom)],
);
