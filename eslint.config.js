// Lint with the Office add-in rules (load before read, sync outside loops, null objects) and React's
// recommendations; formatting is prettier's, configured in .prettierrc.
const officeAddins = require("eslint-plugin-office-addins");
// The same plugin instance the Office config registers for .ts files (ESLint refuses a second copy);
// its config leaves .tsx out, so the pane's files get the plugin and office rules here.
const fromOffice = (name) =>
  require(require.resolve(name, { paths: [require.resolve("eslint-plugin-office-addins")] }));
const typescriptPlugin = fromOffice("@typescript-eslint/eslint-plugin");
const prettierPlugin = fromOffice("eslint-plugin-prettier");

// The layers, from the bottom up: domain/, workbook/ (with its adapters), sheets/, commands/, then the front
// ends taskpane/ and cli/; a file imports only from layers below its own. Each folder's entry names what it
// may not import (other layers by relative path at any depth, and packages), with the rule in words.
// Office.js is a global (Office, Excel), not an import, so it appears only as the packages one could import.
const layer = (name) => `^(\\.\\./)+${name}(/|$)`;
const NO_EXCELJS = {
  group: ["exceljs", "exceljs/*"],
  message:
    "Only the .xlsx adapter (src/workbook/xlsx) imports ExcelJS: go through it (the pane loads workbook/xlsx/xlsxBytes lazily).",
};
const NO_REACT = {
  group: ["react", "react/*", "react-dom", "react-dom/*", "@fluentui/*"],
  message: "Only taskpane/ imports React and Fluent UI.",
};
const NO_OFFICE_JS = {
  group: ["office-js", "@microsoft/office-js", "@microsoft/office-js/*", "@types/office-js"],
  message: "Only the Excel adapter (src/workbook/excel) uses Office.js, and as the global Office/Excel, not an import.",
};
const ABOVE_WORKBOOK = ["sheets", "commands", "taskpane", "cli"];
const layerRules = [
  {
    files: ["src/domain/**"],
    patterns: [
      {
        regex: layer("(workbook|sheets|commands|taskpane|cli)"),
        message: "domain/ is pure: it imports no other layer (workbook/, sheets/, commands/, taskpane/, cli/).",
      },
      { ...NO_EXCELJS, message: "domain/ is pure: it imports no ExcelJS." },
      { ...NO_REACT, message: "domain/ is pure: it imports no React or Fluent UI." },
      { ...NO_OFFICE_JS, message: "domain/ is pure: it imports no Office.js." },
    ],
  },
  {
    files: ["src/workbook/**"],
    ignores: ["src/workbook/excel/**", "src/workbook/xlsx/**"],
    patterns: [
      {
        regex: layer(`(${ABOVE_WORKBOOK.join("|")})`),
        message: "workbook/ sits below sheets/, commands/, taskpane/ and cli/: it imports none of them.",
      },
      {
        ...NO_EXCELJS,
        message:
          "workbook/ outside the adapters is plain data: only the .xlsx adapter (workbook/xlsx) imports ExcelJS.",
      },
      NO_REACT,
      NO_OFFICE_JS,
    ],
  },
  {
    files: ["src/workbook/excel/**"],
    patterns: [
      {
        regex: layer(`(${ABOVE_WORKBOOK.join("|")})`),
        message:
          "workbook/ (the Excel adapter too) sits below sheets/, commands/, taskpane/ and cli/: it imports none of them.",
      },
      NO_EXCELJS,
      NO_REACT,
    ],
  },
  {
    files: ["src/workbook/xlsx/**"],
    patterns: [
      {
        regex: layer(`(${ABOVE_WORKBOOK.join("|")})`),
        message:
          "workbook/ (the .xlsx adapter too) sits below sheets/, commands/, taskpane/ and cli/: it imports none of them.",
      },
      NO_REACT,
      NO_OFFICE_JS,
    ],
  },
  {
    files: ["src/sheets/**"],
    patterns: [
      {
        regex: layer("(commands|taskpane|cli)"),
        message: "sheets/ sits below commands/, taskpane/ and cli/: it imports none of them.",
      },
      NO_EXCELJS,
      NO_REACT,
      NO_OFFICE_JS,
    ],
  },
  {
    files: ["src/commands/**"],
    patterns: [
      {
        regex: layer("(taskpane|cli)"),
        message: "commands/ are what the front ends run: they import neither taskpane/ nor cli/.",
      },
      NO_EXCELJS,
      NO_REACT,
      NO_OFFICE_JS,
    ],
  },
  {
    files: ["src/taskpane/**"],
    patterns: [NO_EXCELJS],
  },
  {
    files: ["src/cli/**"],
    patterns: [
      { regex: layer("taskpane"), message: "cli/ is a front end beside taskpane/: it does not import the pane." },
      NO_EXCELJS,
      NO_REACT,
      NO_OFFICE_JS,
    ],
  },
].map(({ files, ignores, patterns }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: {
    "no-restricted-imports": ["error", { patterns }],
    // no-restricted-imports does not see import(): the pane loads the .xlsx adapter that way, never ExcelJS.
    ...(files[0] === "src/workbook/xlsx/**"
      ? {}
      : {
          "no-restricted-syntax": [
            "error",
            { selector: "ImportExpression[source.value=/^exceljs(\\/|$)/]", message: NO_EXCELJS.message },
          ],
        }),
  },
}));

module.exports = [
  { ignores: ["dist/", "build/", "node_modules/", "coverage/"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": typescriptPlugin, "office-addins": officeAddins, prettier: prettierPlugin },
    rules: { ...officeAddins.configs.recommended[2].rules },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: fromOffice("@typescript-eslint/parser"), ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "react/react-in-jsx-scope": "off",
      "no-undef": "off", // TypeScript checks names itself, including DOM and Office globals
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The Office.js rules recognise calls by name (getCell, load), so in code that drives ExcelJS or our
    // own memory model they misfire; they apply where Office.js is actually called.
    files: ["**/*.{ts,tsx,js}"],
    ignores: ["src/workbook/excel/**", "src/taskpane/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  ...layerRules,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
      },
    },
  },
];
