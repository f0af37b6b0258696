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
