import { getMetadataStorage, validateOrReject, type ValidationError, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, type ValidatorFn } from "type-graphql";

/** What type-graphql applies by default with `validate: { forbidUnknownValues: false }`. */
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

/** Whether class-validator has any rule (own or inherited, nested included) for instances of a class. */
const ruled = new WeakMap<object, boolean>();
function hasRules(value: object): boolean {
  const type = value.constructor;
  let known = ruled.get(type);
  if (known === undefined) ruled.set(type, (known = getMetadataStorage().getTargetValidationMetadatas(type, "", false, false).length > 0));
  return known;
}

/**
 * Argument validation for every resolver: class-validator's rules, as type-graphql runs them by default, but
 * without its per-call `await import("class-validator")` (a module lookup on every argument of every request)
 * and skipping classes that have no rules at all (class-validator scans every registered class to find that out).
 */
export const validateArgs: ValidatorFn = async (value) => {
  const objects = (Array.isArray(value) ? value : [value]).filter((v): v is object => v !== null && typeof v === "object" && hasRules(v));
  try {
    await Promise.all(objects.map((v) => validateOrReject(v, OPTIONS)));
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
};
