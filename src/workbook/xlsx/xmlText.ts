/**
 * The little of XML the lean .xlsx reader needs: attributes of a tag and the text between tags, decoded
 * as an XML parser (and so ExcelJS) decodes them. A construct it does not read throws
 * UnsupportedXlsxError, and the file goes to ExcelJS instead.
 */
export class UnsupportedXlsxError extends Error {}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character and entity references decoded, and line ends normalised to \n, as an XML parser reads text. */
export function xmlText(raw: string): string {
  let text = raw;
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new UnsupportedXlsxError("a bare & in XML text");
    if (ref[0] !== "#") {
      const named = NAMED[ref];
      if (named === undefined) throw new UnsupportedXlsxError(`the XML entity ${whole}`);
      return named;
    }
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every attribute of a tag's attribute text (` r="A1" s="3"`), values decoded. */
export function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) found[match[1]!] = xmlText(match[2] ?? match[3] ?? "");
  return found;
}

/**
 * One attribute of a cell's attribute text, found without a regular expression: the sheets run to
 * millions of cells. Spreadsheet programs write ` name="value"`; anything else is read the slow way.
 */
export function attribute(text: string, name: string): string | undefined {
  const at = text.indexOf(` ${name}="`);
  if (at < 0) {
    if (text.includes("'") || text.includes("\n") || text.includes("\t")) return attributes(text)[name];
    return undefined;
  }
  const start = at + name.length + 3;
  const value = text.slice(start, text.indexOf('"', start));
  return value.includes("&") ? xmlText(value) : value;
}

/** Each element `<tag …>…</tag>` or `<tag …/>` in the text: its attribute text and its content ("" when empty). */
export function* elements(xml: string, tag: string): Generator<{ attrs: string; body: string }> {
  let pattern = patterns.get(tag);
  if (!pattern) {
    pattern = new RegExp(`<${tag}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, "g");
    patterns.set(tag, pattern);
  }
  for (const match of xml.matchAll(pattern)) yield { attrs: match[1]!, body: match[2] ?? "" };
}
/** One pattern a tag, made once: shared strings call for the same few tags tens of thousands of times. */
const patterns = new Map<string, RegExp>();

/** The content of the first `<tag>` in the text, or undefined. */
export function firstBody(xml: string, tag: string): string | undefined {
  for (const element of elements(xml, tag)) return element.body;
  return undefined;
}
