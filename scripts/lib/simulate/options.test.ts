import { describe, expect, it } from "vitest";
import { DEFAULTS, OptionsError, parseSimulateArgs } from "./options.js";

describe("simulate options", () => {
  it("defaults match the documented contract", () => {
    expect(parseSimulateArgs([])).toEqual({ ...DEFAULTS, smsLogs: [] });
    expect(DEFAULTS).toMatchObject({ api: "http://127.0.0.1:4000/graphql", rate: 30, duration: 120, seed: 1, report: ".data/simulate-report.json", quiet: false });
  });

  it("reads the drill scripts' exact form, and --flag=value", () => {
    const o = parseSimulateArgs(["--api", "http://127.0.0.1:4101/graphql", "--rate", "12.5", "--duration", "30", "--seed", "7", "--report", "/tmp/r.json", "--quiet"]);
    expect(o).toMatchObject({ api: "http://127.0.0.1:4101/graphql", rate: 12.5, duration: 30, seed: 7, report: "/tmp/r.json", quiet: true });
    expect(parseSimulateArgs(["--rate=6", "--sms-log=a.log,b.log", "--sms-log", "c.log"])).toMatchObject({ rate: 6, smsLogs: ["a.log", "b.log", "c.log"] });
    expect(parseSimulateArgs(["--workers", "12", "--employers", "3"])).toMatchObject({ workers: 12, employers: 3 });
  });

  it("--help wins", () => {
    expect(parseSimulateArgs(["--rate", "5", "-h"])).toBe("help");
  });

  it.each([
    [["--rate"]],
    [["--rate", "0"]],
    [["--rate", "-3"]],
    [["--rate", "1e9"]],
    [["--rate", "abc"]],
    [["--rate", ""]],
    [["--duration", "1.5"]],
    [["--duration", "-1"]],
    [["--seed", "1.2"]],
    [["--api", "not a url"]],
    [["--api", "ftp://x/graphql"]],
    [["--api", "--rate"]],
    [["--report"]],
    [["--quiet=yes"]],
    [["--workers", "0"]],
    [["--employers", "2.5"]],
    [["--bogus"]],
    [["positional"]],
  ])("refuses %j", (argv) => {
    expect(() => parseSimulateArgs(argv)).toThrow(OptionsError);
  });
});
