import { describe, expect, it } from "vitest";
import type { DbOrTx } from "./client.js";
import { pickColumns, statementsByColumns } from "./column-pick.js";

const ALL = { id: 1, name: 2, status: 3, createdAt: 4 };

describe("pickColumns", () => {
  it("keeps the asked-for and the always-read columns in the table's order; null means every column", () => {
    expect(pickColumns(ALL, new Set(["status", "name", "region", "__typename"]), ["id"])).toEqual(["id", "name", "status"]);
    expect(pickColumns(ALL, new Set(), ["id"])).toEqual(["id"]);
    expect(pickColumns(ALL, null, ["id"])).toEqual(["id", "name", "status", "createdAt"]);
  });
});

describe("statementsByColumns", () => {
  it("prepares each column set once per pool and, past its cap, serves new sets with the full statement", () => {
    const prepared: string[] = [];
    const statementFor = statementsByColumns(["a", "b", "c"], (_db, columns) => {
      prepared.push(columns.join(","));
      return columns.join(",");
    });
    const db = {} as DbOrTx;
    expect(statementFor(db, ["a"])).toBe("a");
    expect(statementFor(db, ["a"])).toBe("a");
    expect(prepared).toEqual(["a"]);
    expect(statementFor({} as DbOrTx, ["a"])).toBe("a");
    expect(prepared).toHaveLength(2);
    // A client inventing shapes: 100 distinct ones cost at most the cap (32) plus the full one.
    for (let i = 0; i < 100; i++) statementFor(db, [`x${i}` as "a"]);
    expect(prepared.length - 2).toBeLessThanOrEqual(32);
    expect(statementFor(db, ["x99" as "a"])).toBe("a,b,c");
  });
});
