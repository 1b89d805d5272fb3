import { listNumbers } from "../../src/domain/annexA/detectTemplate";
import { ANNEX_A_LISTS, normaliseAnnexHeader } from "../../src/domain/annexA/listSpecs";
import { TEMPLATE_VERSIONS } from "../../src/domain/annexA/templateVersions";

describe("TEMPLATE_VERSIONS", () => {
  it("each version's spellings are read as the template's by the one header normaliser", () => {
    const spellings = TEMPLATE_VERSIONS.flatMap((v) => v.spellings);
    expect(spellings.length).toBeGreaterThan(0);
    for (const { list, template, version } of spellings) {
      expect(ANNEX_A_LISTS[list - 1]!.columns.map((c) => c.name)).toContain(template);
      expect(normaliseAnnexHeader(version)).toBe(normaliseAnnexHeader(template));
    }
  });

  it("added columns go after a column of their list and are not the template's; renames name a column of each list", () => {
    for (const version of TEMPLATE_VERSIONS) {
      for (const added of version.added) {
        const names = ANNEX_A_LISTS[added.list - 1]!.columns.map((c) => c.name);
        expect(names).toContain(added.after);
        expect(names.map(normaliseAnnexHeader)).not.toContain(normaliseAnnexHeader(added.column.name));
      }
      for (const renamed of version.renamed)
        for (const list of renamed.lists)
          expect(ANNEX_A_LISTS[list - 1]!.columns.map((c) => c.name)).toContain(renamed.from);
    }
  });

  it("the list specs take the added columns and the other names from the versions", () => {
    const list9 = ANNEX_A_LISTS[8]!;
    expect(list9.columns).toHaveLength(13);
    expect(list9.laterColumns.map((c) => [c.name, c.type, c.since])).toEqual([
      ["Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", "code", "regional-2024"],
      ["Allocated Personal Advisor", "text", "regional-2024"],
      ["Latest Pathway Plan Review Date", "date", "regional-2024"],
      ["Latest Date of Contact", "date", "regional-2024"],
    ]);
    expect(list9.laterColumns[0]!.codes).toEqual(ANNEX_A_LISTS[7]!.columns[5]!.codes);
    for (const list of ANNEX_A_LISTS) {
      expect(list.columns.find((c) => c.name === "Gender")!.otherNames).toEqual([{ name: "Sex", version: "sex-2026" }]);
      if (list.list !== 9) expect(list.laterColumns).toEqual([]);
    }
  });
});

describe("listNumbers", () => {
  it("names lists in words", () => {
    expect(listNumbers([9])).toBe("List 9");
    expect(listNumbers([4, 6])).toBe("Lists 4 and 6");
    expect(listNumbers([3, 1, 2, 5])).toBe("Lists 1 to 3 and 5");
    expect(listNumbers([1, 2, 4, 5, 6, 7, 8, 9, 10, 11])).toBe("Lists 1, 2 and 4 to 11");
  });
});
