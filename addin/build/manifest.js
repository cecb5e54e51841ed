// The add-in manifest's offline checks and its production rewrite. Plain JavaScript (checked
// by TypeScript through JSDoc) because webpack.config.js and the check script import it
// without a compile step.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { validateXML } from "xmllint-wasm";

/** The development address the manifest in the repository points at (`npm start`). */
export const DEV_ORIGIN = "https://localhost:3000";

/** The XSD the manifest is validated against; it imports the others of its folder. */
export const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";

/**
 * Every problem of a manifest: the XML schema's errors (validated offline, since
 * `office-addin-manifest validate` needs a Microsoft service), resource ids used but not
 * defined (Office refuses such a manifest at sideloading with no hint which id), and URLs
 * that are not https. An empty list means the manifest is fine.
 *
 * @param {string} xml the manifest's text
 * @param {string} schemaDir the folder of the XSD files
 * @returns {Promise<string[]>}
 *
 * @example await manifestProblems(await readFile("manifest.xml", "utf8"), "addin/manifest-schemas")
 */
export async function manifestProblems(xml, schemaDir) {
  const schema = await schemaProblems(xml, schemaDir);
  return [...schema, ...resourceProblems(xml), ...urlProblems(xml)];
}

/**
 * The manifest with the development origin replaced by the district's public address, so
 * that one manifest in the repository serves both `npm start` and a static host.
 *
 * @param {string} xml
 * @param {string} publicUrl where out/addin is served, e.g. `https://rmc.example.ru/iom/`
 * @returns {string}
 * @throws {RangeError} when publicUrl is not an absolute https URL (Office loads only https)
 *
 * @example rewriteManifest(xml, "https://rmc.example.ru/iom/")
 */
export function rewriteManifest(xml, publicUrl) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new RangeError(`publicUrl «${publicUrl}» is not an absolute URL`);
  }
  if (url.protocol !== "https:") {
    throw new RangeError(
      `publicUrl «${publicUrl}» must be https: Office loads add-ins only over https`,
    );
  }

  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return xml
    .replaceAll(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${url.origin}</AppDomain>`)
    .replaceAll(`${DEV_ORIGIN}/`, base);
}

/**
 * The schema's errors, each with its line.
 *
 * @param {string} xml
 * @param {string} schemaDir
 * @returns {Promise<string[]>}
 */
export async function schemaProblems(xml, schemaDir) {
  const names = (await readdir(schemaDir)).filter((name) => name.endsWith(".xsd"));
  const files = await Promise.all(
    names.map(async (fileName) => ({
      fileName,
      contents: await readFile(join(schemaDir, fileName), "utf8"),
    })),
  );
  const entry = files.find((file) => file.fileName === ENTRY_SCHEMA);
  if (!entry) {
    throw new Error(`${ENTRY_SCHEMA} is missing from ${schemaDir}`);
  }

  const result = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: entry,
    preload: files.filter((file) => file !== entry),
  });
  return result.errors.map((error) => `schema: ${error.rawMessage.trim()}`);
}

/**
 * Resource ids used (`resid="…"`) that no `bt:Image`, `bt:Url` or `bt:String` defines, ids
 * defined twice, and ids longer than Office's limit of 32 characters.
 *
 * @param {string} xml
 * @returns {string[]}
 */
export function resourceProblems(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const defined = [...body.matchAll(/<bt:(?:Image|Url|String)\s[^>]*\bid="([^"]+)"/g)].map(
    (match) => /** @type {string} */ (match[1]),
  );
  const used = new Set(
    [...body.matchAll(/\bresid="([^"]+)"/g)].map((match) => /** @type {string} */ (match[1])),
  );

  const problems = [];
  const seen = new Set();
  for (const id of defined) {
    if (seen.has(id)) {
      problems.push(`resources: id «${id}» is defined twice`);
    }
    seen.add(id);
    if (id.length > 32) {
      problems.push(`resources: id «${id}» is longer than 32 characters`);
    }
  }
  for (const id of used) {
    if (!seen.has(id)) {
      problems.push(`resources: resid «${id}» is used but not defined`);
    }
  }
  return problems;
}

/**
 * URLs in DefaultValue attributes and AppDomain elements that are not https.
 *
 * @param {string} xml
 * @returns {string[]}
 */
export function urlProblems(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const urls = [
    ...[...body.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]),
    ...[...body.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]),
  ];
  return urls
    .filter((url) => url !== undefined && !url.startsWith("https://"))
    .map((url) => `urls: «${url}» is not https`);
}
