// Builds the task pane into out/addin: `npm run build:addin` (production; `-- --env
// publicUrl=https://…/` writes the manifest for the district's host), `npm start` (the dev
// server). `--env standin` builds instead the stand-in for the Excel API the end-to-end tests
// load in place of office.js, into out/standin.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import CopyPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

import { rewriteManifest } from "./addin/build/manifest.js";

const root = dirname(fileURLToPath(import.meta.url));

/**
 * @param {Record<string, string | boolean | undefined>} env
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {import("webpack").Configuration}
 */
export default function config(env = {}, argv = {}) {
  const production = argv.mode !== "development";
  return env.standin
    ? standinConfig()
    : paneConfig(production, typeof env.publicUrl === "string" ? env.publicUrl : undefined);
}

/**
 * @param {boolean} production
 * @param {string | undefined} publicUrl
 * @returns {import("webpack").Configuration}
 */
function paneConfig(production, publicUrl) {
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: { taskpane: "./addin/src/taskpane.tsx" },
    output: {
      path: join(root, "out", "addin"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: resolveOptions(),
    module: { rules: [typescriptRule(false)] },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // exceljs alone is larger than the rest of the pane: a chunk of its own, named so.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: {
      // exceljs's chunk is loaded in a browser only, on the first file opened.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("exceljs"),
      // The pane's budget in Excel (Fluent UI, the library, zod): some 700 KiB minified, 210 KiB
      // gzipped. A warning past it says a change made the pane in Excel heavier.
      maxEntrypointSize: 768 * 1024,
      maxAssetSize: 768 * 1024,
      hints: production ? "warning" : false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./addin/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyPlugin({
        patterns: [
          { from: "addin/assets", to: "assets" },
          { from: "addin/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              publicUrl ? rewriteManifest(content.toString("utf8"), publicUrl) : content,
          },
        ],
      }),
    ],
    devServer: devServer(),
  };
}

/** @returns {import("webpack").Configuration} */
function standinConfig() {
  return {
    mode: "development",
    devtool: false,
    entry: { "office-standin": "./addin/test/standin/page.ts" },
    output: { path: join(root, "out", "standin"), filename: "[name].js", clean: true },
    resolve: resolveOptions(),
    module: { rules: [typescriptRule(true)] },
  };
}

/** @returns {import("webpack").ResolveOptions} */
function resolveOptions() {
  return {
    extensions: [".ts", ".tsx", ".js"],
    // The library's sources import «./x.js» (NodeNext): that is x.ts on disk.
    extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
  };
}

/**
 * @param {boolean} transpileOnly
 * @returns {import("webpack").RuleSetRule}
 */
function typescriptRule(transpileOnly) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        configFile: join(root, "addin", "tsconfig.json"),
        // Type errors fail the build of the pane; the stand-in is type-checked by `npm run typecheck`.
        transpileOnly,
        compilerOptions: { noEmit: false, sourceMap: true },
      },
    },
  };
}

/** @returns {import("webpack-dev-server").Configuration} */
function devServer() {
  const certs = join(process.env.HOME ?? "", ".office-addin-dev-certs");
  const https = existsSync(join(certs, "localhost.crt"));
  return {
    host: process.env.IOM_HOST ?? (https ? "localhost" : "127.0.0.1"),
    port: Number(process.env.IOM_PORT ?? 3000),
    // Excel loads add-ins over https only: with the Office dev certificates in place, `npm
    // start` serves https for sideloading; without them, http for a plain browser.
    server: https
      ? {
          type: "https",
          options: {
            key: join(certs, "localhost.key"),
            cert: join(certs, "localhost.crt"),
            ca: join(certs, "ca.crt"),
          },
        }
      : "http",
    headers: { "Access-Control-Allow-Origin": "*" },
    static: [{ directory: join(root, "samples"), publicPath: "/samples", watch: false }],
    client: { overlay: false, logging: "warn" },
    hot: false,
    liveReload: false,
    open: process.env.IOM_OPEN === "0" ? false : ["/taskpane.html"],
    setupMiddlewares: (middlewares, server) => {
      server.app?.get("/samples/index.json", (_request, response) => {
        response.json(listSamples(join(root, "samples")));
      });
      server.app?.get("/", (_request, response) => response.redirect("/taskpane.html"));
      return middlewares;
    },
  };
}

/**
 * The .xlsx files under samples/, as the pane's «Открыть примеры» lists them.
 *
 * @param {string} dir
 * @returns {{ name: string; url: string }[]}
 */
export function listSamples(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.xlsx$/i.test(file) && !file.split(/[\\/]/).pop()?.startsWith("~$"))
    .sort()
    .map((file) => {
      const path = relative(dir, join(dir, file)).split(/[\\/]/);
      return { name: path.join("/"), url: `samples/${path.map(encodeURIComponent).join("/")}` };
    });
}
