/**
 * Builds the task pane into dist/: `npm run build` (production, works offline) or `npm run dev-server`.
 *
 *   webpack --mode production                       → dist/, served by anything (Excel needs https)
 *   webpack serve --mode development                → https://localhost:3000 with the Office dev certificates
 *   webpack serve --mode development --env http     → http://127.0.0.1:3000, the browser preview only
 *
 * office.js is copied from @microsoft/office-js into the build and loaded by a relative URL: nothing is
 * fetched from a CDN. PORT (or the package's config.dev_server_port) overrides port 3000.
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_DIST = "node_modules/@microsoft/office-js/dist";
const port = Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);

/**
 * The UK's time zone from moment-timezone's data (Europe/London and the names linked to it), the only one
 * the calendar needs: the whole world's is about 700 kB.
 */
function ukTimeZones() {
  const all = require("moment-timezone/data/packed/latest.json");
  return {
    version: all.version,
    zones: all.zones.filter((zone) => zone.startsWith("Europe/London|")),
    links: all.links.filter((link) => link.startsWith("Europe/London|")),
    countries: all.countries.filter((country) => country.startsWith("GB|")),
  };
}

/** date-holidays-parser's calendars the UK's holidays never use (see webpack/calendarNotBundled.js). */
const UNUSED_HOLIDAY_CALENDARS =
  /date-holidays-parser[\\/]src[\\/](Julian|Hebrew|Hijri|Jalaali|Equinox|Chinese|BengaliRevised)\.js$/;

/** The Office dev certificates; on a machine where they cannot be installed, webpack's own self-signed one. */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (error) {
    // Where the CA cannot be installed (no sudo, as on Linux build machines) the certificates were still
    // generated: serve with them, and trust ~/.office-addin-dev-certs/ca.crt by hand where needed.
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.crt", "localhost.key"].map((name) => path.join(dir, name));
    if (files.every((file) => fs.existsSync(file))) {
      console.warn(
        `The Office dev CA is not installed (${error.message.split("\n")[0]}); serving with the certificates in ${dir}. ` +
          "Excel trusts them once ca.crt is trusted: run `npx office-addin-dev-certs install` where you can.",
      );
      const [ca, cert, key] = files.map((file) => fs.readFileSync(file));
      return { type: "https", options: { ca, cert, key } };
    }
    console.warn(
      `Could not use the Office dev certificates (${error.message.split("\n")[0]}); serving with a self-signed certificate, ` +
        "which Excel will not trust. Run `npx office-addin-dev-certs install` where you can.",
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const http = Boolean(env.http);
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The browser build of ExcelJS: already bundled, so webpack needs no Node polyfills for it.
      alias: {
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
        // The calendar's time zone and nothing else (date-holidays-parser and caldate use moment-timezone).
        "moment-timezone$": path.resolve(__dirname, "webpack/momentTimezoneLondon.js"),
      },
    },
    module: {
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig.json is set up for type checking and Jest (noEmit, CommonJS); webpack needs ES modules.
              compilerOptions: { noEmit: false, module: "esnext", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // Size: the pane's first script carries only what the UK's calendar needs (issue 14). moment's 139
      // locales are never used (the pane formats dates itself, in dd/mm/yyyy).
      new webpack.IgnorePlugin({ resourceRegExp: /^\.\/locale$/, contextRegExp: /moment$/ }),
      new webpack.NormalModuleReplacementPlugin(
        UNUSED_HOLIDAY_CALENDARS,
        path.resolve(__dirname, "webpack/calendarNotBundled.js"),
      ),
      new webpack.DefinePlugin({ __UK_TIME_ZONES__: JSON.stringify(ukTimeZones()) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The template places the pane's script tags itself, ahead of office.js (see there).
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // office.js, the table that maps hosts to their scripts (without it Office.onReady never
          // resolves), the Excel host scripts it loads inside Excel, and the UK and US English strings
          // (any other locale falls back to en-us). Shipped as Microsoft built them: not minified again.
          ...[
            { from: `${OFFICE_JS_DIST}/office.js`, to: "office.js" },
            { from: `${OFFICE_JS_DIST}/o15apptofilemappingtable.js`, to: "o15apptofilemappingtable.js" },
            { from: `${OFFICE_JS_DIST}/excel-*.js`, to: "[name][ext]", globOptions: { ignore: ["**/*.debug.js"] } },
            { from: `${OFFICE_JS_DIST}/en-us/office_strings.js`, to: "en-us/office_strings.js" },
            { from: `${OFFICE_JS_DIST}/en-gb/office_strings.js`, to: "en-gb/office_strings.js" },
          ].map((pattern) => ({ ...pattern, info: { minimized: true } })),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // The pane's first script in three parts, which Chromium downloads and parses side by side, and
          // which a new build of the pane alone leaves in the browser's cache: React, Fluent UI (with its
          // style engine and focus management) and the pane itself (issue 14: first render ≤ 1 s).
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: "initial",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|rtl-css-js|stylis|@swc|@floating-ui)[\\/]/,
            name: "fluent",
            chunks: "initial",
            priority: 10,
          },
        },
      },
    },
    performance: {
      // Fluent UI and the Excel host scripts are large; the pane is loaded from localhost or the
      // organisation's own server, so the default 244 kB warnings are noise here.
      hints: false,
    },
    devServer: serving
      ? {
          host: http ? "127.0.0.1" : "localhost",
          port,
          server: http ? "http" : await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
          // No live-reload socket to anything but this server; no overlay fetches.
          client: { overlay: { errors: true, warnings: false } },
          open: false,
          static: false,
        }
      : undefined,
  };
};
