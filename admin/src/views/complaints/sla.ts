// SLA countdowns (投诉时限): the API says how many seconds are left at the moment it answered (its own clock,
// working days and pauses included); the console counts down from there, so a settable server clock still shows right.
import { onBeforeUnmount, ref } from "vue";

/** A ticking "now" in ms, shared by the countdowns of one page. */
export function useTicker(intervalMs = 1000) {
  const now = ref(Date.now());
  const id = setInterval(() => (now.value = Date.now()), intervalMs);
  onBeforeUnmount(() => clearInterval(id));
  return now;
}

/** Seconds left now, from the API's secondsLeft at fetchedAt. */
export function secondsLeftNow(secondsLeft: number | null | undefined, fetchedAt: number, now: number): number | null {
  return secondsLeft == null ? null : Math.round(secondsLeft - (now - fetchedAt) / 1000);
}

/** "2天 03:04:05", "-01:02:03" when overdue. */
export function formatCountdown(seconds: number, dayUnit: string): string {
  const sign = seconds < 0 ? "-" : "";
  let s = Math.abs(seconds);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, "0")).join(":");
  return `${sign}${d ? `${d}${dayUnit} ` : ""}${hms}`;
}

/** Element tag type: overdue red, under a day orange, otherwise green. */
export const countdownType = (seconds: number | null) => (seconds == null ? "info" : seconds < 0 ? "danger" : seconds < 86400 ? "warning" : "success");
