import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Queue } from "bullmq";
import type { Express, NextFunction, Request, Response } from "express";
import type { Deps } from "../../deps.js";
import { QUEUE_NAMES } from "../../jobs/queues.js";
import { createRedis } from "../../redis.js";
import { QUEUES_BASE_PATH, QUEUES_COOKIE, QUEUES_SESSION_SECONDS, type QueueDashboardService } from "./queues.service.js";

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

/**
 * Mounts Bull Board at /admin/queues: `/enter?ticket=` sets the cookie (from openQueueDashboard), `/view` is the
 * read-only board for county officers, `/manage` the full one for city officers. Returns a close function.
 */
export function mountQueueDashboard(app: Express, deps: Deps, service: QueueDashboardService): () => Promise<void> {
  const connection = createRedis(deps.config, { maxRetriesPerRequest: null, lazyConnect: true });
  connection.on("error", (err) => deps.logger.warn({ err: err.message }, "queue dashboard redis error"));
  const queues = QUEUE_NAMES.map((name) => new Queue(name, { connection, prefix: deps.config.queuePrefix }));
  const boards = { view: true, manage: false } as const;

  for (const [path, readOnlyMode] of Object.entries(boards)) {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(`${QUEUES_BASE_PATH}/${path}`);
    createBullBoard({
      queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode })),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: readOnlyMode ? "队列监控（只读）" : "队列监控" } },
    });
    app.use(`${QUEUES_BASE_PATH}/${path}`, guard(service, readOnlyMode), adapter.getRouter());
  }

  app.get(`${QUEUES_BASE_PATH}/enter`, async (req: Request, res: Response) => {
    const entered = typeof req.query.ticket === "string" ? await service.enter(req.query.ticket) : null;
    if (!entered) {
      res.status(401).type("text/plain; charset=utf-8").send("链接已失效，请从管理后台重新打开队列监控");
      return;
    }
    res.cookie(QUEUES_COOKIE, entered.token, {
      httpOnly: true,
      sameSite: "strict",
      secure: deps.config.isProduction,
      path: QUEUES_BASE_PATH,
      maxAge: QUEUES_SESSION_SECONDS * 1000,
    });
    res.redirect(`${QUEUES_BASE_PATH}/${entered.grant.readOnly ? "view" : "manage"}/`);
  });

  return async () => {
    await Promise.allSettled(queues.map((q) => q.close()));
    connection.disconnect();
  };
}

/** The cookie must be valid; the full board needs a city officer's grant; the read-only board takes no writes. */
function guard(service: QueueDashboardService, readOnlyBoard: boolean) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const cookie = cookieValue(req, QUEUES_COOKIE);
    const grant = cookie ? await service.session(cookie) : null;
    if (!grant) {
      res.status(401).type("text/plain; charset=utf-8").send("请从管理后台打开队列监控（登录已过期）");
    } else if (!readOnlyBoard && grant.readOnly) {
      res.status(403).type("text/plain; charset=utf-8").send("仅市人社局可以重试或清理任务");
    } else if (readOnlyBoard && req.method !== "GET" && req.method !== "HEAD") {
      res.status(405).type("text/plain; charset=utf-8").send("只读视图");
    } else {
      next();
    }
  };
}
