import type { CellStyle } from "../../../lib/sheet/template.js";

/** The thin grey lines of the template and of the summary's tables. */
const BORDER_COLOR = "#808080";

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/**
 * Gives a range a style of the template's neutral terms (lib/sheet/template.ts), as the
 * exceljs writer gives it to a file's cells: font, colours, alignment, wrapping and borders.
 * Only what the style names is set; the rest stays the workbook's.
 *
 * @param font the font's name for the range, or undefined to keep the workbook's.
 * @param indents whether the host has indents (ExcelApi 1.9); without them a sub-competency
 * stands flush left.
 */
export function applyStyle(
  range: Excel.Range,
  style: CellStyle,
  options: { font?: { name: string; size: number }; indents: boolean },
): void {
  const format = range.format;
  if (options.font) {
    format.font.name = options.font.name;
    format.font.size = style.size ?? options.font.size;
  } else if (style.size !== undefined) {
    format.font.size = style.size;
  }
  if (style.bold) {
    format.font.bold = true;
  }
  if (style.italic) {
    format.font.italic = true;
  }
  if (style.color) {
    format.font.color = `#${style.color}`;
  }
  if (style.fill) {
    format.fill.color = `#${style.fill}`;
  }
  if (style.horizontal) {
    format.horizontalAlignment = HORIZONTAL[style.horizontal];
  }
  if (style.vertical) {
    format.verticalAlignment = VERTICAL[style.vertical];
  }
  if (style.wrap) {
    format.wrapText = true;
  }
  if (style.indent && options.indents) {
    format.indentLevel = style.indent;
  }
  if (style.border) {
    const edges = style.border === "all" ? EDGES : (["EdgeBottom"] as const);
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = BORDER_COLOR;
    }
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/**
 * A column's width in points from the width in characters a file gives it: Excel counts a
 * character as the default font's widest digit, 7 pixels, plus 5 pixels of margin, at 96
 * pixels to 72 points.
 *
 * @example columnPoints(10) // 56.25
 */
export function columnPoints(characters: number): number {
  return ((characters * 7 + 5) * 72) / 96;
}
