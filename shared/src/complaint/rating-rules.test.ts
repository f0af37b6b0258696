import { describe, expect, it } from "vitest";
import { checkRating, summarizeEmployerReliability } from "./rating-rules.js";
import { sniffEvidenceType } from "./evidence-type.js";

describe("checkRating", () => {
  it.each<[string, number, string[], string]>([
    ["5 stars with the worker's tags", 5, ["PAID_ON_TIME", "RESPECTFUL"], "ok"],
    ["0 stars", 0, [], "RATING_STARS"],
    ["6 stars", 6, [], "RATING_STARS"],
    ["4.5 stars", 4.5, [], "RATING_STARS"],
    ["an employer's tag on a worker's rating", 4, ["PUNCTUAL"], "RATING_TAG_NOT_ALLOWED"],
    ["an unknown tag", 4, ["../../etc"], "RATING_TAG_NOT_ALLOWED"],
    ["six distinct tags", 3, ["PAID_ON_TIME", "AS_DESCRIBED", "SAFE_WORKPLACE", "RESPECTFUL", "PAY_DELAYED", "NOT_AS_DESCRIBED"], "RATING_TOO_MANY_TAGS"],
  ])("%s → %s", (_n, stars, tags, expected) => {
    const r = checkRating("WORKER_RATES_EMPLOYER", stars, tags);
    expect(r.ok ? "ok" : r.reasons.map((x) => x.code).join()).toBe(expected);
  });

  it("repeated tags count once", () => {
    const r = checkRating("EMPLOYER_RATES_WORKER", 4, ["PUNCTUAL", "PUNCTUAL", "SKILLED"]);
    expect(r).toEqual({ ok: true, value: { stars: 4, tags: ["PUNCTUAL", "SKILLED"] } });
  });
});

describe("summarizeEmployerReliability", () => {
  it("averages with one decimal and counts 4–5 stars as satisfied (rubric E1)", () => {
    expect(summarizeEmployerReliability({ starCounts: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 3 }, lateCancellations: 2, wageArrearsComplaints: 1, standingWageArrears: 0 })).toEqual({
      ratingCount: 6,
      averageStars: 3.8,
      satisfiedShare: 0.667,
      lateCancellations: 2,
      wageArrearsComplaints: 1,
      standingWageArrears: 0,
    });
    expect(summarizeEmployerReliability({ starCounts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, lateCancellations: 0, wageArrearsComplaints: 0, standingWageArrears: 0 })).toMatchObject({ averageStars: null, satisfiedShare: null });
  });
});

const bytes = (...b: number[]) => new Uint8Array(b);
const withAscii = (prefix: number[], text: string) => new Uint8Array([...prefix, ...[...text].map((c) => c.charCodeAt(0))]);

describe("sniffEvidenceType: by content, not by name", () => {
  it.each<[string, Uint8Array, string | null]>([
    ["a JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "JPEG"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), "PNG"],
    ["a PDF", withAscii([], "%PDF-1.7\n"), "PDF"],
    ["an MP4 (isom)", withAscii([0, 0, 0, 0x20], "ftypisom\0\0\0\0"), "MP4"],
    ["a QuickTime movie (qt  )", withAscii([0, 0, 0, 0x14], "ftypqt  \0\0\0\0"), null],
    ["an HTML page named .jpg", withAscii([], "<html><script>"), null],
    ["a Windows executable", withAscii([], "MZ\x90\0\x03\0\0\0"), null],
    ["an SVG (script inside an image)", withAscii([], "<svg xmlns="), null],
    ["two bytes", bytes(0xff, 0xd8), null],
    ["nothing", bytes(), null],
  ])("%s → %s", (_n, head, expected) => {
    expect(sniffEvidenceType(head)).toBe(expected);
  });
});
