import { chooseCases, type ListChildren } from "../../src/domain/annexA/sample";

const list = (n: number, ids: string[]): ListChildren => ({
  list: n,
  title: `List ${n}`,
  sheet: `List_${n}`,
  children: ids.map((id, i) => ({ id, row: i + 3 })),
});
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe("choosing cases for audit", () => {
  it("spreads the cases across the lists and through each list", () => {
    const chosen = chooseCases([list(6, ids("N", 100)), list(7, ids("P", 40)), list(8, ids("C", 60))], 30);
    expect(chosen).toHaveLength(30);
    const perList = [6, 7, 8].map((n) => chosen.filter((c) => c.list === n).length);
    expect(perList).toEqual([10, 10, 10]);
    const rows = chosen.filter((c) => c.list === 6).map((c) => c.row);
    expect(Math.min(...rows)).toBeLessThan(20);
    expect(Math.max(...rows)).toBeGreaterThan(80);
  });

  it("never chooses a child twice, even when they are on several lists", () => {
    const shared = ids("K", 10);
    const chosen = chooseCases([list(6, shared), list(7, shared), list(8, shared)], 10);
    expect(new Set(chosen.map((c) => c.id)).size).toBe(10);
  });

  it("gives what there is when the lists are short, and the same choice every time", () => {
    const lists = [list(1, ids("A", 3)), list(9, ids("L", 2))];
    expect(chooseCases(lists, 30)).toHaveLength(5);
    expect(chooseCases(lists, 4)).toEqual(chooseCases(lists, 4));
  });
});
