import type { CardFeature } from "../features.js";
import type { ExcelHost } from "./excelHost.js";

/**
 * «Заполнить», «Отменить заполнение» and «Новая карта» on the open workbook: the new card is
 * the template laid out through Office.js on a sheet of its own.
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
    async newCard(teacher, options) {
      return await host.newCard(teacher, options);
    },
  };
}
