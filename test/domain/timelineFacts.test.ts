import { WorkingCalendar } from "../../src/domain/calendar";
import { serialFromYmd } from "../../src/domain/dates";
import { builtInFrameworks } from "../../src/domain/frameworks";
import { INSPECTION_TYPES, inspectionTimeline, isInspectionType } from "../../src/domain/timeline";

const calendar = new WorkingCalendar("england-and-wales");
const notified = serialFromYmd(2026, 11, 25) + 15 / 24;

describe("milestone ids", () => {
  it("each timeline names its milestones once, and has one on-site start where it has an arrival", () => {
    for (const framework of builtInFrameworks()) {
      for (const { id: type } of INSPECTION_TYPES) {
        const milestones = inspectionTimeline(framework, { notified, onsite: null, type }, calendar);
        const ids = milestones.map((m) => m.id);
        expect({ framework: framework.id, type, unique: new Set(ids).size }).toEqual({
          framework: framework.id,
          type,
          unique: ids.length,
        });
        const onsite = milestones.filter((m) => m.id === "onsite");
        expect(onsite.map((m) => m.label)).toEqual(
          milestones.some((m) => m.label === "Inspectors arrive on site") ? ["Inspectors arrive on site"] : [],
        );
      }
    }
  });
});

describe("isInspectionType", () => {
  it("takes the ids of INSPECTION_TYPES and nothing else", () => {
    expect(INSPECTION_TYPES.map((t) => isInspectionType(t.id))).toEqual([true, true, true]);
    expect([isInspectionType("Standard"), isInspectionType(""), isInspectionType(undefined)]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
