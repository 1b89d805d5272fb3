import { serialDate, serialTime } from "../../domain/dates";

/** "2026-11-30T09:30" or "2026-11-30": for a <time> element. */
export function isoDateTime(serial: number, timed: boolean): string {
  const [dd, mm, yyyy] = serialDate(serial).split("/");
  return `${yyyy}-${mm}-${dd}${timed ? `T${serialTime(serial)}` : ""}`;
}
