import { graphql } from "../generated";

export const MINIMUM_WAGES = graphql(`
  query MinimumWages($regionCode: String!) { minimumWages(regionCode: $regionCode) { effectiveFrom monthlyFen hourlyFen source createdAt } }
`);
export const SET_MINIMUM_WAGE = graphql(`
  mutation SetMinimumWage($input: SetMinimumWageInput!) { setMinimumWage(input: $input) { effectiveFrom monthlyFen hourlyFen } }
`);
export const HOLIDAY_CALENDAR = graphql(`query HolidayCalendar($year: Int!) { holidayCalendar(year: $year) { date kind name } }`);
export const SET_CALENDAR_DAYS = graphql(`
  mutation SetCalendarDays($year: Int!, $source: String!, $days: [CalendarDayInput!]!) { setCalendarDays(year: $year, source: $source, days: $days) { date kind name } }
`);
export const OPEN_QUEUES = graphql(`mutation ConsoleOpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }`);
export const SUBSIDY_POLICY = graphql(`query SubsidyPolicy($year: Int!) { subsidyPolicy(year: $year) { effectiveFromYear version source policyJson } }`);
export const SET_SUBSIDY_POLICY = graphql(`
  mutation SetSubsidyPolicy($effectiveFromYear: Int!, $policy: String!) { setSubsidyPolicy(effectiveFromYear: $effectiveFromYear, policy: $policy) { effectiveFromYear version } }
`);
export const COUNTY_BUDGET_PAGE = graphql(`query CountyBudgetPage($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { regionCode year amountFen committedFen } }`);
export const SET_COUNTY_BUDGET = graphql(`
  mutation SetCountyBudget($input: CountyBudgetInput!) { setCountySubsidyBudget(input: $input) { regionCode year amountFen committedFen } }
`);
