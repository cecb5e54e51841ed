import { sheetReference } from "../sheet/grid.js";
import type { LocatedFinding } from "../sheet/located.js";

const SEVERITY: Record<LocatedFinding["severity"], string> = {
  error: "ошибка",
  warning: "предупреждение",
};

/**
 * One human line of a finding (DESIGN.md): `file › 'Имя листа'!B4  ошибка  message`;
 * `file › Лист` or `file` alone where no cell or sheet applies.
 */
export function formatFinding(item: LocatedFinding): string {
  let place = item.file;
  if (item.sheet !== null) {
    const sheet = sheetReference(item.sheet);
    place += ` › ${item.cell === null ? sheet : `${sheet}!${item.cell}`}`;
  }
  return `${place}  ${SEVERITY[item.severity]}  ${item.message}`;
}

/** The closing count line: files, cards, errors, warnings, in Russian with right word forms. */
export function formatCounts(counts: {
  files: number;
  cards: number;
  errors: number;
  warnings: number;
}): string {
  return [
    `${counts.files} ${plural(counts.files, "файл", "файла", "файлов")}`,
    `${counts.cards} ${plural(counts.cards, "карта", "карты", "карт")}`,
    `${counts.errors} ${plural(counts.errors, "ошибка", "ошибки", "ошибок")}`,
    `${counts.warnings} ${plural(counts.warnings, "предупреждение", "предупреждения", "предупреждений")}`,
  ].join(", ");
}

/** The Russian word form for a count: 1 карта, 2 карты, 5 карт, 21 карта. */
export function plural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) {
    return many;
  }
  if (units === 1) {
    return one;
  }
  return units >= 2 && units <= 4 ? few : many;
}
