export { todaySerial } from "../../domain/dates";

/** "09:05": the local time of day on the 24-hour clock, as a line such as "Checked at 09:05" shows it. */
export function timeOfDay(date: Date): string {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}
