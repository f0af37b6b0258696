// 开放时间: a venue's opening hours as the public finder shows them, a short line such as
// "周一至周六 08:30–12:00，14:30–17:30". Free text (days and holidays are said many ways), but every time in it
// must be a real clock time inside a range that starts before it ends, so a typo never tells a worker to come
// at 25:00. Stored in one canonical form: times as HH:MM, ranges with an en dash, Chinese commas.
import { fail, ok, type Reason, type Result } from "../result.js";
import { normalizeText } from "../text/normalize.js";

/** Longest opening-hours line, in characters: what fits on one line of a 360-pixel-wide phone in large text, twice. */
export const OPENING_HOURS_MAX = 60;

const LABEL = "开放时间";
// A range: two clock times joined by a dash, tilde or 至/到 (after NFKC, full-width ：～ are already ASCII).
const RANGE = /(\d{1,2}):(\d{2})\s*(?:-|–|—|−|~|至|到)\s*(\d{1,2}):(\d{2})/gu;
const LONE_TIME = /\d{1,2}:\d{2}/u;

/** Minutes after midnight of a clock time, or null when it is no time of day (24:00 allowed as the end). */
function minuteOfDay(h: string, m: string, end: boolean): number | null {
  const hours = Number(h);
  const minutes = Number(m);
  if (minutes > 59 || hours > 24 || (hours === 24 && (minutes !== 0 || !end))) return null;
  return hours * 60 + minutes;
}

const hhmm = (h: string, m: string) => `${h.padStart(2, "0")}:${m}`;

/** The canonical opening-hours line, or every reason it is refused. An empty line is refused: the caller clears with null. */
export function parseOpeningHours(raw: string): Result<string> {
  const text = normalizeText(raw, { kind: "line", label: LABEL, min: 4, max: OPENING_HOURS_MAX });
  if (!text.ok) return text;
  const reasons: Reason[] = [];
  let ranges = 0;
  let s = text.value.replace(RANGE, (_all, h1: string, m1: string, h2: string, m2: string) => {
    ranges += 1;
    const from = minuteOfDay(h1, m1, false);
    const to = minuteOfDay(h2, m2, true);
    if (from == null || to == null) reasons.push({ code: "OPENING_HOURS_BAD_TIME", message: `${LABEL}里的 ${h1}:${m1}–${h2}:${m2} 不是有效的时间` });
    else if (from >= to) reasons.push({ code: "OPENING_HOURS_RANGE", message: `${LABEL}里的 ${h1}:${m1}–${h2}:${m2} 开始时间应早于结束时间` });
    return `${hhmm(h1, m1)}–${hhmm(h2, m2)}`;
  });
  if (ranges === 0) reasons.push({ code: "OPENING_HOURS_NO_TIME", message: `${LABEL}请写明开放的时段，例如“周一至周六 08:30–12:00，14:30–17:30”` });
  // A time outside a range ("08:30 开门") says when it opens but not until when.
  else if (LONE_TIME.test(s.replace(/\d{2}:\d{2}–\d{2}:\d{2}/gu, ""))) {
    reasons.push({ code: "OPENING_HOURS_LONE_TIME", message: `${LABEL}的每个时间都要写成时段，例如 08:30–12:00` });
  }
  s = s.replace(/\s*,\s*/gu, "，").replace(/\s*;\s*/gu, "；");
  if (Array.from(s).length > OPENING_HOURS_MAX) reasons.push({ code: "TEXT_TOO_LONG", message: `${LABEL}最多 ${OPENING_HOURS_MAX} 个字` });
  return reasons.length ? fail(...reasons) : ok(s);
}
