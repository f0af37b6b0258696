// Bull Board behind the console's login: a ticket from openQueueDashboard, a path-scoped cookie, read-only for county officers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../../testing/factories.js";
import { graphql } from "../../testing/gql/index.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";

const OPEN = graphql(`mutation OpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }`);

describe("queue dashboard", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  /** Opens the ticket link and returns the cookie and where it redirected. */
  async function enter(token: string) {
    const { openQueueDashboard: link } = await t.ok(OPEN, {}, token);
    const res = await fetch(`${t.url}${link.url}`, { redirect: "manual" });
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    return { link, cookie, location: res.headers.get("location"), status: res.status };
  }

  it("county officers get the read-only board; the full board and writes are refused", async () => {
    const officer = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    const { link, cookie, location, status } = await enter(officer.token);
    expect(link.readOnly).toBe(true);
    expect(status).toBe(302);
    expect(location).toBe("/admin/queues/view/");
    expect(cookie).toMatch(/^qz_queues=/);
    const page = await fetch(`${t.url}/admin/queues/view/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const api = await fetch(`${t.url}/admin/queues/view/api/queues`, { headers: { cookie } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort()).toContain("dispatch");
    expect((await fetch(`${t.url}/admin/queues/manage/`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${t.url}/admin/queues/view/api/queues/dispatch/retry/failed`, { method: "PUT", headers: { cookie } })).status).toBe(405);
  });

  it("city officers get the board that retries; no cookie or a bad ticket gets nothing", async () => {
    const city = await signedIn(t, "CITY_OFFICER");
    const { link, cookie, location } = await enter(city.token);
    expect(link.readOnly).toBe(false);
    expect(location).toBe("/admin/queues/manage/");
    expect((await fetch(`${t.url}/admin/queues/manage/api/queues`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${t.url}/admin/queues/manage/api/queues/dispatch/retry/failed`, { method: "PUT", headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${t.url}/admin/queues/view/`)).status).toBe(401);
    expect((await fetch(`${t.url}/admin/queues/enter?ticket=forged`, { redirect: "manual" })).status).toBe(401);
  });

  it("other roles cannot open it", async () => {
    const staff = await signedIn(t, "EMPLOYER");
    const res = await t.gql(OPEN, {}, staff.token);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
