import type { Caller } from "../access/actor.js";
import type { Services } from "../services.js";
import type { Loaders } from "./loaders.js";

/** What every resolver receives: who is calling, the services, and this request's loaders. */
export interface Context {
  caller: Caller;
  services: Services;
  loaders: Loaders;
  /** The request's clock reading, fixed so derived fields (ages, deadlines) agree with each other. */
  now: Date;
}
