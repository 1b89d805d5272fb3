import { count, flat, listInWords } from "../../src/domain/words";

test("counts say their noun, singular for one, with thousands separated as in the UK", () => {
  expect(count(1, "row")).toBe("1 row");
  expect(count(0, "finding")).toBe("0 findings");
  expect(count(36, "row")).toBe("36 rows");
  expect(count(100_000, "row")).toBe("100,000 rows");
  expect(count(1_234_567, "child", "children")).toBe("1,234,567 children");
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
