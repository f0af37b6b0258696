import { createRouter, createWebHistory } from "vue-router";
import { readPair } from "../lib/session";

/** Pages of the phone entry; `public` ones need no login. */
export const router = createRouter({
  history: createWebHistory("/m/"),
  routes: [
    { path: "/", component: () => import("./views/HomePage.vue") },
    { path: "/login", component: () => import("./views/LoginPage.vue"), meta: { public: true } },
    { path: "/register", component: () => import("./views/RegisterPage.vue"), meta: { public: true } },
    { path: "/find", component: () => import("./views/FindPage.vue"), meta: { public: true } },
    { path: "/job/:id", component: () => import("./views/JobPage.vue"), props: true },
    { path: "/wallet", component: () => import("./views/WalletPage.vue") },
    { path: "/complaints", component: () => import("./views/ComplaintsPage.vue") },
    { path: "/complaints/new", component: () => import("./views/ComplaintNewPage.vue") },
    { path: "/complaints/:id", component: () => import("./views/ComplaintPage.vue"), props: true },
    // 用工主体 (employer) pages.
    { path: "/e/post", component: () => import("./views/employer/PostTaskPage.vue") },
    { path: "/e/task/:id", component: () => import("./views/employer/TaskPage.vue"), props: true },
    { path: "/e/job/:id", component: () => import("./views/employer/EngagementPage.vue"), props: true },
  ],
});

router.beforeEach((to) => (to.meta.public || readPair() ? true : { path: "/login", query: { next: to.fullPath } }));
