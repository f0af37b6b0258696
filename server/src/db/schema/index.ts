export * from "./region.js";
export * from "./calendar.js";
export * from "./venue.js";
export * from "./identity.js";
export * from "./audit.js";
export * from "./outbox.js";
export * from "./notify.js";
