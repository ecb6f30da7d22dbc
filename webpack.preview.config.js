/* eslint-disable no-undef */
// The preview host: the real task pane bundle over an in-memory workbook (preview/), served with
// `npm run preview` at http://localhost:3001/ and built by the browser tests into a temporary folder.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

module.exports = (_env, options) => ({
  mode: options.mode || "development",
  devtool: false,
  entry: { preview: "./preview/index.tsx" },
  output: { path: path.resolve(__dirname, process.env.CC_PREVIEW_DIR || "dist/preview"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: false } } },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    new webpack.DefinePlugin({ __CC_VERSION__: JSON.stringify(pkg.version), __CC_PREVIEW__: JSON.stringify(true) }),
    new HtmlWebpackPlugin({ filename: "index.html", template: "./preview/preview.html" }),
  ],
  devServer: { port: 3001, host: "127.0.0.1", hot: false, static: false, open: false },
});
