import {
  CALENDAR_DAY_KIND,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  MAX_CALENDAR_DAY_NAME_LENGTH,
  MAX_CALENDAR_DAYS_PER_YEAR,
  MAX_MINIMUM_WAGE_SOURCE_LENGTH,
  type EnumValue,
} from "@qz/shared";
import { ArrayMaxSize, Length, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../graphql/enums.js";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars.js";

/** The GraphQL enum from the one definition in shared (the pgEnum uses the same list). */
export const CalendarDayKind = graphqlEnum(CALENDAR_DAY_KIND, "CalendarDayKind", "A holiday, or a weekend day that is worked (调休上班)");
export type CalendarDayKind = EnumValue<typeof CALENDAR_DAY_KIND>;

@ObjectType({ description: "最低工资标准 for one area from its effective date until a later row takes over" })
export class MinimumWage {
  @Field(() => String)
  regionCode: string;

  @Field(() => LocalDate)
  effectiveFrom: string;

  @Field(() => SafeInt, { description: "Monthly minimum, fen (full-time work)" })
  monthlyFen: number;

  @Field(() => SafeInt, { description: "Hourly minimum, fen (part-time and gig work, 非全日制用工)" })
  hourlyFen: number;

  @Field(() => String, { description: "The notice the figure comes from" })
  source: string;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType({ description: "A holiday or make-up workday of the official calendar" })
export class CalendarDay {
  @Field(() => LocalDate)
  date: string;

  @Field(() => CalendarDayKind)
  kind: CalendarDayKind;

  @Field(() => String)
  name: string;
}

@ArgsType()
export class MinimumWagesArgs {
  @Field(() => String)
  @Length(6, 6)
  regionCode: string;
}

@ArgsType()
export class MinimumWageOnArgs {
  @Field(() => String)
  @Length(6, 6)
  regionCode: string;

  @Field(() => LocalDate)
  date: string;
}

@ArgsType()
export class HolidayCalendarArgs {
  @Field(() => Int)
  @Min(CALENDAR_FIRST_YEAR)
  @Max(CALENDAR_LAST_YEAR)
  year: number;
}

/** Ranges and the area are checked by checkMinimumWageStandard (shared), which names each field in Chinese. */
@InputType()
export class SetMinimumWageInput {
  @Field(() => String)
  @Length(6, 6)
  regionCode: string;

  @Field(() => LocalDate)
  effectiveFrom: string;

  @Field(() => SafeInt, { description: "fen, 1–10,000,000" })
  monthlyFen: number;

  @Field(() => SafeInt, { description: "fen, 1–10,000,000" })
  hourlyFen: number;

  @Field(() => String, { description: "e.g. the provincial notice's number" })
  @MaxLength(MAX_MINIMUM_WAGE_SOURCE_LENGTH)
  source: string;
}

@InputType()
export class CalendarDayInput {
  @Field(() => LocalDate)
  date: string;

  @Field(() => CalendarDayKind)
  kind: CalendarDayKind;

  @Field(() => String)
  @MaxLength(MAX_CALENDAR_DAY_NAME_LENGTH)
  name: string;
}

@ArgsType()
export class SetCalendarDaysArgs {
  @Field(() => Int)
  @Min(CALENDAR_FIRST_YEAR)
  @Max(CALENDAR_LAST_YEAR)
  year: number;

  @Field(() => [CalendarDayInput], { description: "The whole year: replaces every row of that year" })
  @ArrayMaxSize(MAX_CALENDAR_DAYS_PER_YEAR)
  @ValidateNested()
  days: CalendarDayInput[];

  @Field(() => String, { description: "The notice, e.g. 国办发明电〔2025〕7号" })
  @MaxLength(MAX_MINIMUM_WAGE_SOURCE_LENGTH)
  source: string;
}
