import { WorkingCalendar } from "../../src/domain/calendar";
import { dateFromSerial, formatUkDate, serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { evidenceDue, inspectionTimeline } from "../../src/domain/timeline";

const england = new WorkingCalendar("england-and-wales");
const at = (d: number, m: number, y: number, h = 9, min = 0) => serialFromYmd(y, m, d) + (h * 60 + min) / 1440;
const uk = (serial: number) => formatUkDate(dateFromSerial(Math.floor(serial)));
const byLabel = (milestones: ReturnType<typeof inspectionTimeline>, start: string) =>
  milestones.find((m) => m.label.startsWith(start))!;

describe("inspection timelines", () => {
  it("SIF: lists within 24 hours of arrival, across a weekend; 4 weeks in all", () => {
    const sif = getFramework("ofsted-sif-2013");
    const timeline = inspectionTimeline(
      sif,
      { notified: at(26, 11, 2026), onsite: at(27, 11, 2026, 9, 30), type: "standard" },
      england,
    );
    const lists = byLabel(timeline, "Key documents and full case lists");
    expect([uk(lists.when), lists.confidence]).toEqual(["30/11/2026", "confirmed"]);
    expect(uk(byLabel(timeline, "Week 1").when)).toBe("01/12/2026");
    expect(uk(byLabel(timeline, "End of the inspection").when)).toBe("24/12/2026");
    expect(byLabel(timeline, "Inspectors arrive").note).toBe("as entered");
  });

  it("ILACS standard: an estimated arrival is flagged, lists no sooner than the Wednesday before, 2 weeks on site", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const timeline = inspectionTimeline(
      ilacs,
      { notified: at(25, 11, 2026, 10), onsite: null, type: "standard" },
      england,
    );
    const arrive = byLabel(timeline, "Inspectors arrive");
    expect([uk(arrive.when), arrive.confidence]).toEqual(["02/12/2026", "unconfirmed"]);
    expect(arrive.note).toMatch(/^estimate: 5 working days after notification/);
    expect(uk(byLabel(timeline, "Annex A lists: prepare no sooner than").when)).toBe("25/11/2026");
    expect(uk(byLabel(timeline, "Last day on site (standard inspection, 2 weeks)").when)).toBe("15/12/2026");
    expect(byLabel(timeline, "Written action plan due (70 working days)").confidence).toBe("unconfirmed");
  });

  it("ILACS short is one week on site; a focused visit has a 20-working-day draft plan", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const short = inspectionTimeline(
      ilacs,
      { notified: at(25, 11, 2026), onsite: at(2, 12, 2026), type: "short" },
      england,
    );
    expect(uk(byLabel(short, "Last day on site (short inspection, 1 week)").when)).toBe("08/12/2026");
    const focused = inspectionTimeline(
      ilacs,
      { notified: at(25, 11, 2026), onsite: at(2, 12, 2026), type: "focused" },
      england,
    );
    // 20 working days from the day after the visit, with 25/12, 28/12 and 01/01 off.
    expect(uk(byLabel(focused, "Draft plan due").when)).toBe("04/01/2027");
  });

  it("Care Inspectorate: 12 weeks' notice, 13 days on site, on Scotland's calendar", () => {
    const ci = getFramework("care-inspectorate-2014");
    const scotland = new WorkingCalendar("scotland");
    const timeline = inspectionTimeline(ci, { notified: at(1, 9, 2026), onsite: null, type: "standard" }, scotland);
    expect(uk(byLabel(timeline, "Inspectors arrive").when)).toBe("24/11/2026");
    // 13 working days from 24/11, with St Andrew's Day (30/11) off in Scotland.
    expect(uk(byLabel(timeline, "Last day of inspection activity").when)).toBe("11/12/2026");
    expect(uk(byLabel(timeline, "End of the inspection footprint").when)).toBe("02/02/2027");
  });

  it("evidence items are due within their hours of arrival, else by arrival", () => {
    const sif = getFramework("ofsted-sif-2013");
    const due = evidenceDue(sif, sif.evidence[0]!, at(27, 11, 2026, 9, 30), england);
    expect(uk(due.when)).toBe("30/11/2026");
    const ilacs = getFramework("ofsted-ilacs-2024");
    expect(evidenceDue(ilacs, ilacs.evidence[0]!, at(2, 12, 2026), england)).toEqual({
      when: at(2, 12, 2026),
      confidence: "unconfirmed",
    });
  });
});
