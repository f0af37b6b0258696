/** Keeps the first `keepStart` and last `keepEnd` characters of `s` and replaces the rest with `*`. */
export function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(s);
  const hidden = chars.length - keepStart - keepEnd;
  if (hidden <= 0) return "*".repeat(chars.length);
  return chars.slice(0, keepStart).join("") + "*".repeat(hidden) + chars.slice(chars.length - keepEnd).join("");
}

/**
 * Masks an identifier whose shape is unexpected: at most the first and last character stay
 * visible, and only when at least half of it is hidden; shorter values are masked entirely.
 */
export function maskUnknown(s: string): string {
  const n = Array.from(s).length;
  return n >= 4 ? maskMiddle(s, 1, 1) : "*".repeat(n);
}
