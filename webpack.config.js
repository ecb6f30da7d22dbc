/* eslint-disable no-undef */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const FUNCTION_FILES = ["./src/functions/aging.ts"].concat(
  require("fs")
    .readdirSync(path.join(__dirname, "src/functions"))
    .filter((f) => f.endsWith(".ts") && f !== "functions.ts" && f !== "aging.ts")
    .map((f) => `./src/functions/${f}`),
);

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
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
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
              return baseUrl === undefined || dev ? text : text.replace(/https:\/\/localhost:3000\//g, baseUrl);
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
