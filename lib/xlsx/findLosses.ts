import { decodeXml } from "./xml.js";
import type { ZipArchive } from "./zip.js";
import { readEntry, readZip } from "./zip.js";

/**
 * The parts of a workbook that exceljs drops when it writes the workbook again: it keeps the
 * cells, styles, merges, notes, images, tables, plain data validations and conditional
 * formatting, and nothing it does not model. Each is named in Russian, as the CLI and the
 * pane tell the user what a fill or an undo would lose.
 *
 * @example await findLosses(bytes) // ["диаграммы", "макросы (VBA)"]
 */
export async function findLosses(bytes: Uint8Array): Promise<string[]> {
  const archive = readZip(bytes);
  const losses = new Set<string>();

  for (const { name } of archive.entries) {
    const part = PARTS.find(([pattern]) => pattern.test(name));
    if (part) {
      losses.add(part[1]);
    }
  }
  for (const entry of archive.entries) {
    if (/^xl\/drawings\/[^/]+\.xml$/i.test(entry.name)) {
      // exceljs keeps a drawing's pictures and drops its shapes and text boxes.
      if (/<(?:\w+:)?(?:sp|cxnSp|grpSp)[\s>]/.test(await text(archive, entry.name))) {
        losses.add("фигуры и надписи");
      }
    } else if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      const xml = await text(archive, entry.name);
      // Excel writes a drop-down whose list is on another sheet as an x14 extension, which
      // exceljs does not read (its ext-lst-xform knows only conditional formatting).
      if (/<x14:dataValidations?[\s>]/.test(xml)) {
        losses.add("раскрывающиеся списки со ссылками на другие листы");
      }
      // exceljs keeps row breaks (pageBreaks.ts puts them back) but has no column breaks.
      if (/<(?:\w+:)?colBreaks[\s>]/.test(xml)) {
        losses.add("разрывы страниц между столбцами");
      }
      if (/<x14:sparklineGroups?[\s>]/.test(xml)) {
        losses.add("спарклайны");
      }
      if (/<(?:\w+:)?(?:oleObjects|controls)[\s>]/.test(xml)) {
        losses.add("внедрённые объекты и элементы управления");
      }
    } else if (/^xl\/workbook\.xml$/i.test(entry.name)) {
      if (hasFormulaNames(await text(archive, entry.name))) {
        losses.add("именованные формулы и константы");
      }
    }
  }
  return [...losses];
}

const PARTS: [RegExp, string][] = [
  [/^xl\/vbaProject\.bin$/i, "макросы (VBA)"],
  [/^xl\/(?:macrosheets|dialogsheets)\//i, "листы макросов"],
  [/^xl\/charts\//i, "диаграммы"],
  [/^xl\/chartsheets\//i, "листы диаграмм"],
  [/^xl\/(?:pivotTables|pivotCache)\//i, "сводные таблицы"],
  [/^xl\/(?:slicers|slicerCaches|timelines|timelineCaches)\//i, "срезы и временные шкалы"],
  [/^xl\/externalLinks\//i, "связи с другими книгами"],
  [/^xl\/threadedComments\//i, "цепочки комментариев (останутся простые примечания)"],
  [/^xl\/(?:ctrlProps|activeX)\//i, "элементы управления (кнопки, флажки)"],
  [/^xl\/embeddings\//i, "внедрённые объекты"],
  [/^xl\/diagrams\//i, "рисунки SmartArt"],
  [/^xl\/model\//i, "модель данных"],
  [/^xl\/(?:queryTables\/|connections\.xml$)/i, "подключения к данным и запросы"],
];

/**
 * Whether the workbook defines a name that is not a plain range: exceljs keeps only names
 * that point at `$A$1`-style cells (its defined-names model drops the rest on load).
 */
function hasFormulaNames(xml: string): boolean {
  for (const match of xml.matchAll(
    /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g,
  )) {
    const name = /\bname="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? "";
    if (name.startsWith("_xlnm.")) {
      continue;
    }
    const ranges = (match[2] ?? "").split(",");
    const plain = ranges.every((range) =>
      /^(?:'(?:[^']|'')+'|[^'!]+)!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/.test(range.trim()),
    );
    if (!plain) {
      return true;
    }
  }
  return false;
}

async function text(archive: ZipArchive, name: string): Promise<string> {
  const entry = archive.byName.get(name);
  return entry ? decodeXml(await readEntry(archive, entry)) : "";
}
