// Lint with the Office add-in rules (load before read, sync outside loops, null objects) and React's
// recommendations; formatting is prettier's, configured in .prettierrc.
const officeAddins = require("eslint-plugin-office-addins");
// The same plugin instance the Office config registers for .ts files (ESLint refuses a second copy);
// its config leaves .tsx out, so the pane's files get the plugin and office rules here.
const fromOffice = (name) =>
  require(require.resolve(name, { paths: [require.resolve("eslint-plugin-office-addins")] }));
const typescriptPlugin = fromOffice("@typescript-eslint/eslint-plugin");
const prettierPlugin = fromOffice("eslint-plugin-prettier");

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
