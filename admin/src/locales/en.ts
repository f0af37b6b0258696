import type zh from "./zh-CN";

const en: typeof zh = {
  app: { title: "Quanzhou Gig Market Platform", subtitle: "Console", logout: "Sign out", language: "中文" },
  role: { CITY_OFFICER: "City bureau", COUNTY_OFFICER: "County bureau", VENUE_STAFF: "Venue staff", WORKER: "Worker", EMPLOYER: "Employer" },
  menu: {
    dashboard: "Dashboard", venues: "Venues", workers: "Workers", walkIn: "Walk-in registration", tasks: "Tasks & dispatch",
    fairness: "Dispatch fairness", reference: "Reference data", minimumWage: "Minimum wages", holidays: "Holiday calendar", queues: "Queues",
  },
  common: {
    search: "Search", reset: "Reset", all: "All", actions: "Actions", detail: "Details", loading: "Loading…", empty: "No data",
    error: "Failed to load", retry: "Retry", save: "Save", cancel: "Cancel", confirm: "OK", back: "Back", region: "Area",
    status: "Status", type: "Type", name: "Name", address: "Address", total: "{n} in total", yes: "Yes", no: "No",
    forbidden: "You cannot open this page", forbiddenHint: "Your role does not include this function.", home: "Back to dashboard",
    pendingModule: "Awaiting the performance module", pendingModuleHint: "This figure comes from the performance and subsidy module.",
  },
  login: {
    title: "Sign in to the console", password: "Password", sms: "SMS code", phone: "Mobile number", passwordLabel: "Password",
    code: "Code", sendCode: "Send code", resend: "Resend in {s} s", submit: "Sign in", phoneInvalid: "Enter a valid mobile number",
    codeSent: "Code sent", smsRequired: "Too many failed sign-ins: enter an SMS code as well",
    hint: "Workers and employers use the phone pages.",
  },
  phoneOnly: { title: "Please use your phone", body: "This console is for venue staff and officers. Workers and employers use the phone pages for offers, contracts and pay." },
  dashboard: {
    coverage: "Coverage (recognised venues)", regions: "Areas covered", markets: "Markets", stations: "Stations", target: "Target {n}",
    met: "Met", notMet: "Not met", byRegion: "Recognised venues by area", venueStatus: "Venues by status",
    placements: "Placements over time", stars: "Star distribution", budget: "Subsidy budget used", overdue: "Overdue complaints",
    myVenue: "My venue", score: "Score", projectedStar: "Projected star", workersRegistered: "Workers registered here",
    openTasks: "Open tasks",
  },
  venue: {
    list: "Venues", operator: "Operator", creditCode: "Credit code", recognizedAt: "Recognised", keyword: "Name or address",
    recognize: "Recognise", suspend: "Suspend", revoke: "Revoke", reason: "Reason", reasonRequired: "Enter a reason",
    recognizeConfirm: "Recognise “{name}”?", periods: "Purchase-of-service periods", periodHint: "No performance subsidy inside a period",
    addPeriod: "Add period", startsOn: "Starts", endsOn: "Ends", note: "Note", staff: "Staff and registered workers",
    workersCount: "{n} workers registered", staffHint: "County officers create staff accounts (createStaffAccount).", contact: "Phone",
    statusReason: "Status note", basic: "Details", done: "Updated",
  },
  worker: {
    list: "Workers", realName: "Name", idNumber: "ID number", gender: "Gender", age: "Age", skills: "Skills", skill: "Skill",
    priority: "Priority groups", older: "Older", hardToEmploy: "Hard to employ", zeroFamily: "Zero-employment family",
    reliability: "Reliability", completed: "{n} done", noShow: "{n} no-shows", rating: "Rating", homeVenue: "Home venue",
    travel: "Travel", profile: "Worker profile", available: "Available", onlyMine: "My venue only",
  },
  walkIn: {
    title: "Register a walk-in worker", hint: "Check the ID card in person. Your venue becomes their home venue.", phone: "Mobile",
    password: "Initial password", passwordHint: "At least 8 characters", homeAddress: "Home address", homeLat: "Home latitude",
    homeLng: "Home longitude", travelMode: "Travel mode", travelMinutes: "Travel minutes", addSkill: "Add skill", level: "Level",
    submit: "Register", success: "Registered {name} ({id}), age {age}", idParsed: "{gender}, born {birth}, age {age}",
    under16: "Under 16: cannot register",
  },
  task: {
    list: "Tasks", title: "Title", time: "When", seats: "Filled/needed", pay: "Pay", wave: "Wave", fill: "Fill rate",
    manual: "Dispatch by hand", offers: "Offers", why: "Why this offer", score: "Score", travel: "Travel", worker: "Worker",
    expiresAt: "Expires", engagements: "Accepted", source: "Source", proxy: "Accept for worker", proxyTitle: "Accept for a walk-in worker",
    proxyHint: "A code goes to the worker's phone; enter the code they read out.", workerId: "Worker", sendCode: "Send code", code: "Code",
    proxyDone: "Accepted for the worker", live: "Live", flags: "Flags", description: "Description",
  },
  fairness: {
    title: "Dispatch fairness report", month: "Month", group: "Group", available: "Available workers", offers: "Offers",
    engagements: "Engagements", share: "Share", hint: "Priority groups should get at least their share of available workers.",
  },
  reference: {
    minimumWage: "Minimum wages", effectiveFrom: "Effective from", monthly: "Monthly (CNY)", hourly: "Hourly (CNY)", source: "Source",
    add: "New standard", holidays: "Holiday calendar", year: "Year", date: "Date", kind: "Kind", dayName: "Name",
    saveYear: "Save the year", addDay: "Add a day", notice: "Notice",
  },
  queues: {
    title: "Queues", hint: "Background jobs: dispatch, performance, complaints, subsidies, notifications.",
    readOnly: "County officers watch; city officers can retry failed jobs.", open: "Open the queue dashboard", opened: "Opened in a new window",
  },
};
export default en;
