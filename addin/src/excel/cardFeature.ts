import type { CardFeature } from "../features.js";
import type { ExcelHost } from "./excelHost.js";

/**
 * «Заполнить» and «Отменить заполнение» on the open workbook. «Новая карта» inside Excel (the
 * template laid out through Office.js) is not in this version: the tab offers none.
 */
export function excelCardFeature(host: ExcelHost): CardFeature {
  return {
    async fill(_target, options) {
      return await host.fill(options);
    },
    async undoFill() {
      const { restored, changed } = await host.undoFill();
      return { cells: restored, changed };
    },
  };
}
