/** Unit and integration tests: plain Node, real .xlsx files through ExcelJS. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/test/e2e/"],
  // Tests that read Ofsted's template or write workbooks take a second or two alone and several times
  // that on a busy two-core machine; speed is measured by `npm run bench`, never by a test's timeout.
  testTimeout: 30_000,
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
};
