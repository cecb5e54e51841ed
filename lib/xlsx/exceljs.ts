import type ExcelJS from "exceljs";
import type * as NodeModule from "node:module";

/** The parts of exceljs iom-kit's readers and writers use. */
export interface Exceljs {
  Workbook: typeof ExcelJS.Workbook;
  ValueType: typeof ExcelJS.ValueType;
}

/** exceljs's types of cell values, once `exceljs()` has resolved (a live binding). */
export let ValueType: typeof ExcelJS.ValueType;

let loading: Promise<Exceljs> | undefined;

/**
 * exceljs. In Node, its workbook and enums alone, from its own modules: the package's entry
 * also loads its streaming reader and writer (unzipper, archiver, fast-csv), which iom-kit
 * never uses, and took 0.15 s to load where these take 0.06 s, in every process and worker
 * thread that reads a workbook. In a browser, the package (its browser build, loaded on
 * demand).
 *
 * @example const { Workbook } = await exceljs(); new Workbook();
 */
export function exceljs(): Promise<Exceljs> {
  loading ??= (
    typeof process === "object" && typeof process.versions?.node === "string"
      ? fromNode()
      : import("exceljs").then((module) => module.default)
  ).then((loaded) => {
    ValueType = loaded.ValueType;
    return loaded;
  });
  return loading;
}

async function fromNode(): Promise<Exceljs> {
  const { createRequire } = (await import(
    /* webpackIgnore: true */ /* @vite-ignore */ "node:module"
  )) as typeof NodeModule;
  const require = createRequire(import.meta.url);
  return {
    Workbook: require("exceljs/lib/doc/workbook.js") as Exceljs["Workbook"],
    ValueType: (require("exceljs/lib/doc/enums.js") as { ValueType: Exceljs["ValueType"] })
      .ValueType,
  };
}
