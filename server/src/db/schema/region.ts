import { doublePrecision, pgTable, smallint, text } from "drizzle-orm/pg-core";

/** The 13 county-level areas of Quanzhou (县/市/区 and two functional zones). */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull().unique(),
  sortOrder: smallint("sort_order").notNull(),
  centerLat: doublePrecision("center_lat").notNull(),
  centerLng: doublePrecision("center_lng").notNull(),
});
