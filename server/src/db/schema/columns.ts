import { customType, timestamp } from "drizzle-orm/pg-core";

/** Timestamps are always timestamptz; business dates are Asia/Shanghai `date` columns. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** An earthdistance point (`earth` is a domain over `cube`), kept in its own column so a GiST index can serve KNN. */
export const earthPoint = customType<{ data: string; driverData: string }>({
  dataType: () => "cube",
});
