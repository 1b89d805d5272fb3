/**
 * Stands in, in the pane's build only, for date-holidays-parser's calendars that the UK's holidays never
 * use (Julian, Hebrew, Islamic, Jalaali, equinox, Chinese, Bengali): they and their astronomy tables are
 * most of the parser's size. The package itself offers such builds (its "#ifndef nojulian" … blocks).
 * Should a rule ever need one, the pane says so rather than giving a wrong date.
 */
export default class CalendarNotBundled {
  constructor(opts) {
    throw new Error(
      `The ${opts && opts.fn} calendar is not bundled with Inspection Ready's pane: only the UK's holidays are.`,
    );
  }
}
