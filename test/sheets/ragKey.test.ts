import { findRagKey } from "../../src/sheets/ragKey";
import type { Scalar } from "../../src/workbook/types";

const nothing = () => false;

describe("finding a RAG key on a sheet", () => {
  it("a status and its meaning side by side under the table, without a heading", () => {
    const values: Scalar[][] = [
      ["Action", "Lead", "RAG"],
      ["One", "A", "Red"],
      [],
      ["Red", "Off track"],
      ["Amber/Green", "Minor slippage"],
    ];
    const key = findRagKey(values, nothing);
    expect(key.lines.map((l) => [l.label, l.concept, l.meaning])).toEqual([
      ["Red", "off-track", "Off track"],
      ["Amber/Green", "amber-green", "Minor slippage"],
    ]);
  });

  it("above the table, under a heading, with a blank row between", () => {
    const values: Scalar[][] = [["RAG key"], [], ["G = on track"], ["A/G = minor slippage"], [], ["Action", "RAG"]];
    const key = findRagKey(values, nothing);
    expect(key.lines.map((l) => l.label)).toEqual(["G", "A/G"]);
    expect(key.cells).toEqual([
      [0, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it("not a notes column whose entries start with a colour", () => {
    const values: Scalar[][] = [
      ["Action", "Lead", "RAG", "Notes"],
      ["One", "A", "Amber", "Amber – awaiting funding"],
      ["Two", "B", "Red", "Red = no provider yet"],
    ];
    expect(findRagKey(values, nothing, (r) => r > 0).lines).toEqual([]);
  });

  it("never inside the plan's own data", () => {
    const values: Scalar[][] = [
      ["RAG", "Meaning"],
      ["Red", "Off track"],
      ["Green", "On track"],
    ];
    expect(findRagKey(values, (_r, c) => c === 0).lines).toEqual([]);
  });
});
