/* eslint-disable no-undef */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions.cjs");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
// Every top-level src/functions/*.ts file declares custom functions with JSDoc tags. The build test
// points CC_FUNCTIONS_ENTRY at a fixture with a bad signature to prove that the build fails.
const FUNCTIONS_ENTRY = process.env.CC_FUNCTIONS_ENTRY || "./src/functions/functions.ts";
const FUNCTION_FILES = process.env.CC_FUNCTIONS_ENTRY
  ? [process.env.CC_FUNCTIONS_ENTRY]
  : require("fs")
      .readdirSync(path.join(__dirname, "src/functions"))
      .filter((f) => f.endsWith(".ts") && f !== "functions.ts")
      .sort()
      .map((f) => `./src/functions/${f}`);

/** The production base URL, e.g. https://addin.example.com/cc/ ; every localhost URL is rewritten to it. */
function productionUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return undefined;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_BASE_URL must start with https:// (got ${url})`);
  return url.endsWith("/") ? url : `${url}/`;
}

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`office-addin-dev-certs: ${e.message}; serving with a self-signed certificate`);
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const baseUrl = productionUrl();
  const serving = process.env.WEBPACK_SERVE === "true";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_ENTRY,
    },
    output: { path: path.resolve(__dirname, process.env.CC_DIST_DIR || "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({
        __CC_VERSION__: JSON.stringify(pkg.version),
        __CC_PREVIEW__: JSON.stringify(false),
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      // helpUrl on every function, sv-SE/da-DK/nb-NO functions.json and the help pages (docs/nordic.md).
      new LocalizeFunctionsPlugin({
        baseUrl: baseUrl !== undefined && !dev ? baseUrl : DEV_URL,
        i18nDir: path.join(__dirname, "src/functions/i18n"),
        helpDir: path.join(__dirname, "src/help"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              const text = content.toString();
              if (baseUrl === undefined || dev) return text;
              // URLs with a path take the base URL; a bare origin (AppDomain) takes its origin.
              return text.replace(/https:\/\/localhost:3000\//g, baseUrl).replace(/https:\/\/localhost:3000/g, new URL(baseUrl).origin);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          hot: false,
          port: 3000,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await devServerHttps() },
        }
      : undefined,
  };
};
module.exports.DEV_URL = DEV_URL;
