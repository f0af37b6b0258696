import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Allow, Public } from "../../graphql/auth-decorators.js";
import { Region } from "../venue/venue.types.js";
import {
  CalendarDay,
  HolidayCalendarArgs,
  MinimumWage,
  MinimumWageOnArgs,
  MinimumWagesArgs,
  SetCalendarDaysArgs,
  SetMinimumWageInput,
} from "./reference.types.js";

/** Reference data: public to read (published figures), edited by 市人社局 only. */
@Resolver(() => MinimumWage)
export class ReferenceResolver {
  @Public()
  @Query(() => [MinimumWage], { description: "An area's minimum wage standards, newest effective date first" })
  minimumWages(@Args(() => MinimumWagesArgs) { regionCode }: MinimumWagesArgs, @Ctx() ctx: Context) {
    return ctx.services.reference.minimumWages(regionCode);
  }

  @Public()
  @Query(() => MinimumWage, { nullable: true, description: "The standard in force in the area on the date" })
  minimumWageOn(@Args(() => MinimumWageOnArgs) { regionCode, date }: MinimumWageOnArgs, @Ctx() ctx: Context) {
    return ctx.services.reference.minimumWageOn(regionCode, date);
  }

  @Public()
  @Query(() => [CalendarDay], { description: "The year's official holidays and make-up workdays (调休上班)" })
  holidayCalendar(@Args(() => HolidayCalendarArgs) { year }: HolidayCalendarArgs, @Ctx() ctx: Context) {
    return ctx.services.reference.holidayCalendar(year);
  }

  @Allow("CITY_OFFICER")
  @Mutation(() => MinimumWage, { description: "Records a new standard from its effective date; earlier rows stay as history" })
  setMinimumWage(@Arg("input", () => SetMinimumWageInput) input: SetMinimumWageInput, @Ctx() ctx: Context) {
    return ctx.services.reference.setMinimumWage(ctx.caller, input);
  }

  @Allow("CITY_OFFICER")
  @Mutation(() => [CalendarDay], { description: "Replaces a year's holidays and make-up workdays from the State Council's notice" })
  setCalendarDays(@Args(() => SetCalendarDaysArgs) { year, days, source }: SetCalendarDaysArgs, @Ctx() ctx: Context) {
    return ctx.services.reference.setCalendarDays(ctx.caller, year, days, source);
  }

  @FieldResolver(() => Region)
  region(@Root() wage: MinimumWage, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(wage.regionCode);
  }
}
