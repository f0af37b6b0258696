import "reflect-metadata";
import { Max, MaxLength, ValidateNested } from "class-validator";
import { ArgumentValidationError, type ResolverData } from "type-graphql";
import { describe, expect, it } from "vitest";
import { validateArgs } from "./validate-args.js";

class Filter {
  @MaxLength(3)
  skill?: string;
}
class Args {
  @Max(50)
  first = 10;
  @ValidateNested()
  filter?: Filter;
}
class Unruled {
  anything = "x".repeat(100);
}
class Inherited extends Args {}

const check = (value: unknown) => validateArgs(value, Object, {} as ResolverData);
const of = <T extends object>(type: new () => T, values: Partial<T>) => Object.assign(new type(), values);

describe("validateArgs", () => {
  it("applies class-validator's rules, nested and inherited ones included, as a typed ArgumentValidationError", async () => {
    await expect(check(of(Args, { first: 20 }))).resolves.toBeUndefined();
    await expect(check(of(Args, { first: 51 }))).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(check(of(Args, { filter: of(Filter, { skill: "ABCD" }) }))).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(check(of(Inherited, { first: 51 }))).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(check([of(Filter, { skill: "AB" }), of(Filter, { skill: "ABCD" })])).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it("passes scalars, null and objects of classes without rules", async () => {
    for (const value of ["text", 5, null, undefined, new Unruled(), [new Unruled()]]) await expect(check(value)).resolves.toBeUndefined();
  });
});
