import type { Caller } from "../modules/identity/actor.js";
import type { Services } from "../services.js";
import type { Loaders } from "./loaders.js";

/** What every resolver receives: who is calling, the services, and this request's loaders. */
export interface Context {
  caller: Caller;
  services: Services;
  loaders: Loaders;
  /** Shanghai "today", fixed for the request so derived fields agree with each other. */
  now: Date;
}
