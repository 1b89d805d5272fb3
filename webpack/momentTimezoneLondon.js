/**
 * moment-timezone with the UK's zone only, for the pane's build: date-holidays works in the country's
 * zone (Europe/London for the UK), and the package's own entry loads every zone in the world.
 * __UK_TIME_ZONES__ is filled in by webpack.config.js from the package's data.
 */
/* global __UK_TIME_ZONES__ */
const moment = require("moment-timezone/moment-timezone");

moment.tz.load(__UK_TIME_ZONES__);
module.exports = moment;
