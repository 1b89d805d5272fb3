/**
 * A failure the user can act on: bad input, a workbook not in the shape a command needs, a refused
 * change. Its message says what is wrong and where (sheet and cell), in words for the user. Every front
 * end shows such an error as it is (the CLI exits 2); any other error is a bug to report.
 */
export class UserError extends Error {}
