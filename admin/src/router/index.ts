import { createRouter, createWebHistory } from "vue-router";
import { CONSOLE_ROLES, useAuthStore } from "../stores/auth";
import { routes } from "./routes";

export const router = createRouter({ history: createWebHistory(), routes });

/** Signed out → login; workers and employers → the phone page; a page not for this role → forbidden. */
router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const auth = useAuthStore();
  const me = await auth.loadMe();
  if (!me) return { name: "login", query: to.fullPath !== "/dashboard" ? { redirect: to.fullPath } : {} };
  if (!CONSOLE_ROLES.includes(me.role)) return { name: "phone-only" };
  const roles = to.meta.roles;
  if (roles && !roles.includes(me.role)) return { name: "forbidden", query: { from: to.fullPath } };
  return true;
});
