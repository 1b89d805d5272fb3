import { count, flat, listInWords, thousands } from "../../src/domain/words";

test("counts say their noun, singular for one, with thousands separated as in the UK", () => {
  expect(count(1, "row")).toBe("1 row");
  expect(count(0, "finding")).toBe("0 findings");
  expect(count(36, "row")).toBe("36 rows");
  expect(count(100_000, "row")).toBe("100,000 rows");
  expect(count(1_234_567, "child", "children")).toBe("1,234,567 children");
});

test("whole numbers are written as the UK's number format writes them, whatever their size or sign", () => {
  const numbers = [0, 7, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890, Number.MAX_SAFE_INTEGER];
  const negatives = numbers.filter((x) => x !== 0).map((x) => -x);
  for (const n of [...numbers, ...negatives]) expect(thousands(n)).toBe(n.toLocaleString("en-GB"));
  expect(thousands(-0)).toBe("0"); // Intl writes "-0"; nobody counts minus nothing
  // Fractions and numbers beyond exact integers as Intl writes them.
  expect(thousands(1234.5)).toBe("1,234.5");
  expect(thousands(1e21)).toBe((1e21).toLocaleString("en-GB"));
});

test("lists are joined with commas and a final “and”", () => {
  expect(listInWords([])).toBe("");
  expect(listInWords(["a"])).toBe("a");
  expect(listInWords(["a", "b", "c"])).toBe("a, b and c");
});

describe("flat", () => {
  it("reads as the same template literal would, numbers and empty values included", () => {
    const sheet = "Action plan";
    const row = 12;
    expect(flat`${sheet}!G${row}: due ${"01/02/2026"} has passed${""}`).toBe(
      `${sheet}!G${row}: due ${"01/02/2026"} has passed${""}`,
    );
    expect(flat`no values`).toBe("no values");
    expect(flat`${1}${2}`).toBe("12");
  });
});
