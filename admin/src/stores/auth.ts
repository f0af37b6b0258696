import { defineStore } from "pinia";
import { computed, ref } from "vue";
import type { ConsoleMeQuery, Role } from "../graphql/generated/graphql";
import { LOGIN, LOGIN_SMS, LOGOUT, ME, REQUEST_SMS } from "../graphql/documents/session";
import { onSessionChange, rawRequest, readPair, validAccessToken, writePair, type TokenPair } from "../lib/session";

export type Me = ConsoleMeQuery["me"];
export const CONSOLE_ROLES: readonly Role[] = ["CITY_OFFICER", "COUNTY_OFFICER", "VENUE_STAFF"];

/** Who is signed in, shared with the other tabs through lib/session. */
export const useAuthStore = defineStore("auth", () => {
  const me = ref<Me | null>(null);
  const signedIn = ref(readPair() !== null);

  onSessionChange((pair) => {
    signedIn.value = pair !== null;
    if (!pair) me.value = null;
  });

  const role = computed<Role | null>(() => me.value?.role ?? null);
  const isConsoleUser = computed(() => role.value !== null && CONSOLE_ROLES.includes(role.value));

  async function loadMe(): Promise<Me | null> {
    if (me.value) return me.value;
    const token = await validAccessToken();
    if (!token) return null;
    try {
      me.value = (await rawRequest(ME, {}, token)).me;
    } catch {
      writePair(null);
    }
    return me.value;
  }

  async function start(pair: TokenPair) {
    writePair(pair);
    me.value = null;
    return loadMe();
  }

  return {
    me,
    role,
    signedIn,
    isConsoleUser,
    loadMe,
    async loginWithPassword(phone: string, password: string, smsCode?: string) {
      return start((await rawRequest(LOGIN, { phone, password, smsCode: smsCode || null })).login);
    },
    async loginWithSmsCode(phone: string, code: string) {
      return start((await rawRequest(LOGIN_SMS, { phone, code })).loginWithSmsCode);
    },
    async requestSmsCode(phone: string) {
      return (await rawRequest(REQUEST_SMS, { phone })).requestSmsCode;
    },
    async logout() {
      const pair = readPair();
      writePair(null);
      if (pair) await rawRequest(LOGOUT, { refreshToken: pair.refreshToken }).catch(() => undefined);
    },
  };
});
