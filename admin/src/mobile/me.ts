// Who is signed in on this phone (the token pair is the console's shared session, lib/session).
import { ref } from "vue";
import type { MobileMeQuery } from "../graphql/generated/graphql";
import { onSessionChange, readPair, writePair, type TokenPair } from "../lib/session";
import { query } from "./api";
import { M_ME } from "./mobile.documents";

export type MobileMe = MobileMeQuery["me"];
export const me = ref<MobileMe | null>(null);

onSessionChange((pair) => {
  if (!pair) me.value = null;
});

export async function loadMe(): Promise<MobileMe | null> {
  if (!readPair()) return null;
  me.value = (await query(M_ME, {})).me;
  return me.value;
}

export async function startSession(pair: TokenPair): Promise<MobileMe | null> {
  writePair(pair);
  return loadMe();
}
