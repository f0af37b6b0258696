import { describe, expect, it } from "vitest";
import { loginConcurrency, poolSizes } from "./accounts.js";
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
    expect(parseSimulateArgs(["--login-concurrency", "8"])).toMatchObject({ loginConcurrency: 8 });
  });

  it("the client population grows with the rate (no cap at 300/80), unless chosen", () => {
    expect(poolSizes(2)).toEqual({ workers: 30, employers: 8 });
    expect(poolSizes(120)).toEqual({ workers: 720, employers: 120 });
    expect(poolSizes(300)).toEqual({ workers: 1800, employers: 300 });
    expect(poolSizes(300, { workers: 40, employers: null })).toEqual({ workers: 40, employers: 300 });
    expect([loginConcurrency(11), loginConcurrency(380), loginConcurrency(2000), loginConcurrency(2000, 2)]).toEqual([3, 7, 16, 2]);
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
    [["--login-concurrency", "0"]],
    [["--login-concurrency", "65"]],
    [["--bogus"]],
    [["positional"]],
  ])("refuses %j", (argv) => {
    expect(() => parseSimulateArgs(argv)).toThrow(OptionsError);
  });
});
