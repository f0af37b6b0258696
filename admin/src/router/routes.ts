import type { RouteRecordRaw } from "vue-router";
import type { Role } from "../graphql/generated/graphql";

declare module "vue-router" {
  interface RouteMeta {
    /** Who may open the page; the server checks again (FORBIDDEN) on every field. */
    roles?: Role[];
    /** Menu label key (locales: menu.*); pages without one are not in the menu. */
    menu?: string;
    icon?: string;
    public?: boolean;
  }
}

const OFFICERS: Role[] = ["CITY_OFFICER", "COUNTY_OFFICER"];
const CONSOLE: Role[] = ["CITY_OFFICER", "COUNTY_OFFICER", "VENUE_STAFF"];

export const consoleRoutes: RouteRecordRaw[] = [
  { path: "dashboard", name: "dashboard", component: () => import("../views/dashboard/overview/index.vue"), meta: { roles: CONSOLE, menu: "dashboard", icon: "DataBoard" } },
  { path: "venues", name: "venues", component: () => import("../views/venue/list/index.vue"), meta: { roles: OFFICERS, menu: "venues", icon: "OfficeBuilding" } },
  { path: "venues/:id", name: "venue-detail", component: () => import("../views/venue/detail/index.vue"), meta: { roles: CONSOLE }, props: true },
  { path: "workers", name: "workers", component: () => import("../views/worker/list/index.vue"), meta: { roles: CONSOLE, menu: "workers", icon: "User" } },
  { path: "employers", name: "employers", component: () => import("../views/employer/list/index.vue"), meta: { roles: CONSOLE, menu: "employers", icon: "Shop" } },
  { path: "workers/walk-in", name: "walk-in", component: () => import("../views/worker/walk-in/index.vue"), meta: { roles: ["VENUE_STAFF"], menu: "walkIn", icon: "Postcard" } },
  { path: "tasks", name: "tasks", component: () => import("../views/task/list/index.vue"), meta: { roles: CONSOLE, menu: "tasks", icon: "Tickets" } },
  { path: "tasks/:id", name: "task-detail", component: () => import("../views/task/detail/index.vue"), meta: { roles: CONSOLE }, props: true },
  { path: "fairness", name: "fairness", component: () => import("../views/task/fairness/index.vue"), meta: { roles: OFFICERS, menu: "fairness", icon: "ScaleToOriginal" } },
  { path: "complaints", name: "complaints", component: () => import("../views/complaints/queue/index.vue"), meta: { roles: CONSOLE, menu: "complaints", icon: "ChatDotSquare" } },
  { path: "complaints/:id", name: "complaint-detail", component: () => import("../views/complaints/detail/index.vue"), meta: { roles: CONSOLE }, props: true },
  { path: "subsidy", name: "subsidy", component: () => import("../views/subsidy/list/index.vue"), meta: { roles: CONSOLE, menu: "subsidy", icon: "Wallet" } },
  { path: "subsidy/:id", name: "subsidy-detail", component: () => import("../views/subsidy/detail/index.vue"), meta: { roles: CONSOLE }, props: true },
  { path: "assessment", name: "assessment", component: () => import("../views/assessment/form/index.vue"), meta: { roles: ["COUNTY_OFFICER", "VENUE_STAFF"], menu: "assessment", icon: "Finished" } },
  { path: "contracts", name: "contracts", component: () => import("../views/contracts/lookup/index.vue"), meta: { roles: CONSOLE, menu: "contracts", icon: "DocumentChecked" } },
  { path: "payouts", name: "payouts", component: () => import("../views/contracts/payouts/index.vue"), meta: { roles: CONSOLE, menu: "payouts", icon: "Coin" } },
  { path: "score-reconcile", name: "score-reconcile", component: () => import("../views/performance/reconcile/index.vue"), meta: { roles: ["CITY_OFFICER"], menu: "scoreReconcile", icon: "DataAnalysis" } },
  { path: "reference/minimum-wage", name: "minimum-wage", component: () => import("../views/reference/minimum-wage/index.vue"), meta: { roles: ["CITY_OFFICER"], menu: "minimumWage", icon: "Money" } },
  { path: "reference/holidays", name: "holidays", component: () => import("../views/reference/holidays/index.vue"), meta: { roles: ["CITY_OFFICER"], menu: "holidays", icon: "Calendar" } },
  { path: "reference/subsidy-policy", name: "subsidy-policy", component: () => import("../views/reference/subsidy-policy/index.vue"), meta: { roles: CONSOLE, menu: "subsidyPolicy", icon: "Medal" } },
  { path: "reference/budgets", name: "budgets", component: () => import("../views/reference/budgets/index.vue"), meta: { roles: OFFICERS, menu: "budgets", icon: "PieChart" } },
  { path: "queues", name: "queues", component: () => import("../views/queues/index.vue"), meta: { roles: OFFICERS, menu: "queues", icon: "Monitor" } },
  { path: "forbidden", name: "forbidden", component: () => import("../views/system/forbidden/index.vue"), meta: {} },
];

export const routes: RouteRecordRaw[] = [
  { path: "/login", name: "login", component: () => import("../views/system/login/index.vue"), meta: { public: true } },
  { path: "/phone", name: "phone-only", component: () => import("../views/system/phone-only/index.vue"), meta: { public: true } },
  { path: "/", component: () => import("../components/ConsoleLayout.vue"), redirect: "/dashboard", children: consoleRoutes },
  { path: "/:rest(.*)*", redirect: "/dashboard" },
];
