import { serialDate } from "../../domain/dates";

/**
 * A number as the preview grid shows it under an Excel number format: dates as dd/mm/yyyy (whatever order
 * the format gives: the pane writes British dates), times as hh:mm (hh:mm:ss where the format shows
 * seconds, h:mm AM/PM where it asks for the 12-hour clock, [h]:mm for elapsed hours), percentages
 * ("0%", "0.0%"), fixed decimals ("0.00"), thousands separators ("#,##0") and the text around the number
 * ("£#,##0.00", "0 days"). Formats the preview does not understand show the number as General does.
 */
export function formatNumber(value: number, format: string): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = splitSections(format);
  const negativeSection = value < 0 && sections.length > 1;
  const section =
    (negativeSection ? sections[1] : value === 0 && sections.length > 2 ? sections[2] : sections[0]) ?? "";
  const shown = negativeSection ? Math.abs(value) : value;
  const bare = stripBrackets(section, true);
  if (!section.trim() || /^general$/i.test(bare.trim()) || bare.trim() === "@") return general(value);
  const kind = dateTimeKind(section);
  if (kind) return formatDateTime(shown, section, kind);
  return formatPlainNumber(shown, section);
}

/** True for number formats that show a date: d, m or y outside quoted text and [colour] sections. */
export function isDateFormat(format: string): boolean {
  if (!format || format.toLowerCase() === "general") return false;
  const bare = literalsRemoved(format.replace(/\[(h+|m+|s+)\]/gi, "$1")).replace(/am\/pm|a\/p/gi, "");
  return /[dy]/i.test(bare) || /m/i.test(bare.replace(/[hs]+:?m+|m+:?s+/gi, ""));
}

/** True for formats that show a time of day or elapsed time: h or s outside quoted text, or [h]/[mm]. */
export function isTimeFormat(format: string): boolean {
  if (!format || format.toLowerCase() === "general") return false;
  return /\[(h+|m+|s+)\]/i.test(format) || /[hs]/i.test(literalsRemoved(format).replace(/am\/pm|a\/p/gi, ""));
}

function general(value: number): string {
  // Excel keeps 15 significant digits: rounding to them hides binary noise such as 0.1 + 0.2.
  return String(Number(value.toPrecision(15)));
}

/** The format's sections, split at semicolons outside quotes and escapes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      current += format.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Without quoted text, escaped characters and [..] parts (colours, locales; elapsed time kept when asked). */
function stripBrackets(section: string, keepElapsed = false): string {
  return section.replace(/\[[^\]]*\]/g, (part) => (keepElapsed && /^\[(h+|m+|s+)\]$/i.test(part) ? part : ""));
}

function literalsRemoved(format: string): string {
  return stripBrackets(
    format
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .replace(/[_*]./g, ""),
  );
}

type DateTimeKind = "date" | "time" | "dateTime";

function dateTimeKind(section: string): DateTimeKind | null {
  const date = isDateFormat(section);
  const time = isTimeFormat(section);
  return date && time ? "dateTime" : date ? "date" : time ? "time" : null;
}

function formatDateTime(value: number, section: string, kind: DateTimeKind): string {
  const seconds = /s/i.test(literalsRemoved(section));
  const twelveHour = /am\/pm|a\/p/i.test(section.replace(/"[^"]*"/g, ""));
  const elapsed = /\[h+\]/i.test(section);
  // Excel rounds to the second it could show, then drops what the format does not show.
  const totalSeconds = Math.round(value * 86_400);
  const day = Math.floor(totalSeconds / 86_400);
  const ofDay = totalSeconds - day * 86_400;
  const hours = elapsed ? Math.floor(totalSeconds / 3600) : Math.floor(ofDay / 3600);
  const minutes = Math.floor((ofDay % 3600) / 60);
  const secs = ofDay % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  let time: string;
  if (twelveHour) {
    const h = hours % 12 === 0 ? 12 : hours % 12;
    time = `${h}:${two(minutes)}${seconds ? `:${two(secs)}` : ""} ${hours < 12 ? "AM" : "PM"}`;
  } else {
    time = `${two(hours)}:${two(minutes)}${seconds ? `:${two(secs)}` : ""}`;
  }
  if (kind === "time") return time;
  const date = serialDate(day);
  return kind === "date" ? date : `${date} ${time}`;
}

/** The number part of a section: digits, placeholders, separators and the decimal point. */
const NUMBER_PART = /[0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+/;

function formatPlainNumber(value: number, section: string): string {
  // Literal text and the number pattern, in order; quoted text and escapes are literal.
  const pieces: { literal: boolean; text: string }[] = [];
  const source = stripBrackets(section);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"') {
      const end = source.indexOf('"', i + 1);
      const stop = end < 0 ? source.length : end;
      pieces.push({ literal: true, text: source.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      pieces.push({ literal: true, text: source[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      pieces.push({ literal: true, text: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else pieces.push({ literal: false, text: ch });
  }
  const code = pieces.map((p) => (p.literal ? "\u0000".repeat(p.text.length) : p.text)).join("");
  const text = pieces.map((p) => p.text).join("");
  const match = NUMBER_PART.exec(code);
  if (!match) return general(value);
  const pattern = match[0];
  const percents = (code.match(/%/g) ?? []).length;
  const scientific = /E[+-]/i.test(code.slice(match.index + pattern.length, match.index + pattern.length + 2));
  const [integerPart = "", decimalPart = ""] = pattern.split(".");
  const scaled = value * 100 ** percents;
  // Trailing commas after the digits scale by thousands ("#,##0," shows thousands).
  const thousandsScale = /,+$/.exec(integerPart)?.[0].length ?? 0;
  const number = scaled / 1000 ** thousandsScale;
  const minDecimals = (decimalPart.match(/0/g) ?? []).length;
  const maxDecimals = decimalPart.length;
  const grouping = integerPart.replace(/,+$/, "").includes(",");
  const minIntegers = (integerPart.match(/0/g) ?? []).length;
  let digits: string;
  let after = text.slice(match.index + pattern.length);
  if (scientific) {
    const exponent = /^E([+-])(0+)/i.exec(after);
    digits = number.toExponential(maxDecimals).replace(/e([+-])(\d+)/, (_, sign: string, power: string) => {
      const shownSign = sign === "-" ? "-" : exponent?.[1] === "+" ? "+" : "";
      return `E${shownSign}${power.padStart(exponent?.[2]?.length ?? 1, "0")}`;
    });
    after = after.replace(/^E[+-]0+/i, "");
  } else {
    digits = fixed(Math.abs(number), minDecimals, maxDecimals, minIntegers, grouping);
    if (number < 0 && Number(digits.replace(/,/g, "")) !== 0) digits = `-${digits}`;
  }
  return `${text.slice(0, match.index)}${digits}${after}`;
}

/** A number to between `min` and `max` decimals, rounding half away from zero as Excel does. */
function fixed(value: number, min: number, max: number, minIntegers: number, grouping: boolean): string {
  const factor = 10 ** max;
  const rounded = Math.round(value * factor * (1 + Number.EPSILON)) / factor;
  let [integer = "0", decimals = ""] = rounded.toFixed(max).split(".");
  decimals = decimals.replace(/0+$/, "").padEnd(min, "0");
  if (integer === "0" && minIntegers === 0 && decimals) integer = "";
  integer = integer.padStart(minIntegers, "0");
  if (grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return decimals ? `${integer}.${decimals}` : integer;
}
