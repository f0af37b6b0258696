import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.js";
import { createTestEnv, type TestEnv } from "../../testing/test-app.js";
import { recordAudit } from "./audit.js";

describe("audit log", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env?.cleanup());

  it("records actor, role, action, entity, before/after, IP and time, and refuses any change afterwards", async () => {
    const { db } = env.database;
    const caller = {
      actor: { userId: "00000000-0000-4000-8000-0000000000aa", role: "COUNTY_OFFICER" as const, venueId: null, regionCode: "350502" },
      meta: { requestId: "req-1", ip: "10.1.2.3", userAgent: "vitest" },
    };
    await db.transaction((tx) => recordAudit(tx, caller, { action: "venue.suspend", entityType: "venue", entityId: "v1", before: { status: "RECOGNIZED", recognizedAt: null, statusReason: null }, after: { status: "SUSPENDED", recognizedAt: null, statusReason: "整改" } }));
    const [row] = await db.select().from(auditLog);
    expect(row).toMatchObject({ actorId: caller.actor.userId, actorRole: "COUNTY_OFFICER", action: "venue.suspend", entityType: "venue", entityId: "v1", before: { status: "RECOGNIZED" }, after: { status: "SUSPENDED", statusReason: "整改" }, ip: "10.1.2.3", userAgent: "vitest", requestId: "req-1" });
    expect(row!.at).toBeInstanceOf(Date);

    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await db.select().from(auditLog))[0]!.action).toBe("venue.suspend");
  });

  it("an audit row rolls back with the change it describes", async () => {
    const { db } = env.database;
    const caller = { actor: null, meta: { requestId: "req-2", ip: null, userAgent: null } };
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, caller, { action: "notify.mark-read", entityType: "notification", entityId: "rolled-back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await db.select().from(auditLog).where(sql`entity_id = 'rolled-back'`)).length).toBe(0);
  });
});
