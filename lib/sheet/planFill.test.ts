import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, cleanCard, row } from "../../test/builders.js";
import type { Card } from "../domain/card.js";
import { CardSchema } from "../domain/card.js";
import { dateToSerial } from "../domain/dates.js";
import { validateCard } from "../domain/validate.js";
import type { Grid } from "./grid.js";
import { cellAt, gridOf, parseAddress } from "./grid.js";
import type { CellWrite, OwnCell } from "./planFill.js";
import { applyWrites, planFill } from "./planFill.js";
import { readCardSheet } from "./readCard.js";
import { cardTemplate, layoutGrid } from "./template.js";

/** The card laid out in the template, as a grid. */
function templateGrid(card: Card): Grid {
  return layoutGrid(cardTemplate(card).card);
}

function plan(grid: Grid, asOf = AS_OF, own?: Map<string, OwnCell>): CellWrite[] {
  return planFill(grid, readCardSheet(grid)!, { asOf, own });
}

function valueAt(grid: Grid, address: string): unknown {
  const { row: r, col } = parseAddress(address);
  return cellAt(grid, r, col)?.value ?? null;
}

function source(grid: Grid, field: string): string {
  return readCardSheet(grid)!.sources.get(field)!;
}

describe("planFill", () => {
  it("writes nothing for the clean card at its end but the stage and the comparison", () => {
    const grid = templateGrid(cleanCard());
    const writes = plan(grid);

    expect(writes.map((w) => [w.kind, w.new])).toEqual([
      ["route-period", "с 01.09.2025 по 31.05.2026"],
      ["stage", "заключительный"],
      ["comparison", "устранён"],
      ["comparison", "устранён"],
    ]);
  });

  it("moves a percent into the column of its band and empties the one it stood in", () => {
    const grid = templateGrid(
      buildCard((c) => (c.entry[1] = row("Методическая компетенция", { low: "75%" }))),
    );
    const writes = plan(grid).filter((w) => w.kind === "level-column");

    expect(writes).toEqual([
      expect.objectContaining({ cell: source(grid, "entry.1.low"), old: "75%", new: null }),
      expect.objectContaining({ cell: source(grid, "entry.1.medium"), old: null, new: "75%" }),
    ]);
    expect(writes[0]!.reason).toBe("Результат 75 % перенесён из графы «Низкий» в графу «Средний»");
    const after = readCardSheet(applyWrites(grid, writes))!.card;
    expect(validateCard(after, { asOf: AS_OF }).map((f) => f.code)).not.toContain(
      "deficit.wrong-column",
    );
  });

  it("moves a percent-formatted fraction with its format", () => {
    const grid = templateGrid(
      buildCard(
        (c) => (c.entry[1] = row("Методическая", { high: { value: 0.72, percentFormat: true } })),
      ),
    );
    const moved = plan(grid).find((w) => w.kind === "level-column" && w.new !== null);

    expect(moved).toMatchObject({ cell: source(grid, "entry.1.medium"), new: 0.72, format: "0%" });
  });

  it("leaves a row with values in two level columns to a person", () => {
    const grid = templateGrid(
      buildCard((c) => (c.entry[1] = row("Методическая", { low: "75%", high: "40%" }))),
    );

    expect(plan(grid).filter((w) => w.kind === "level-column")).toEqual([]);
  });

  it("never moves a sign: it takes the level of its column", () => {
    const grid = templateGrid(buildCard((c) => (c.entry[1] = row("Методическая", { low: "+" }))));

    expect(plan(grid).filter((w) => w.kind === "level-column")).toEqual([]);
  });

  it("moves a result of the final diagnostics too", () => {
    const grid = templateGrid(
      buildCard((c) => (c.final.rows[0] = row("Методическая компетенция", { high: "85%" }))),
    );
    const moved = plan(grid).find((w) => w.kind === "level-column" && w.new !== null);

    expect(moved?.cell).toBe(source(grid, "final.rows.0.low"));
  });

  it("splits «Сроки ИОМ» into the dates of start and end", () => {
    const grid = templateGrid(
      buildCard((c) => {
        c.general.routeStart = null;
        c.general.routeEnd = null;
        c.general.routePeriod = "2025/2026 уч. год";
      }),
    );
    const writes = plan(grid).filter((w) => w.kind === "route-period");

    expect(writes).toEqual([
      expect.objectContaining({
        cell: source(grid, "general.routeStart"),
        new: dateToSerial(new Date(2025, 8, 1)),
        date: true,
        format: "dd.mm.yyyy",
      }),
      expect.objectContaining({
        cell: source(grid, "general.routeEnd"),
        new: dateToSerial(new Date(2026, 7, 31)),
        date: true,
      }),
    ]);
  });

  it("completes the end from a school year typed as the start", () => {
    const grid = templateGrid(
      buildCard((c) => {
        c.general.routeStart = "2025–2026 уч. год";
        c.general.routeEnd = null;
      }),
    );
    const writes = plan(grid).filter((w) => w.kind === "route-period");

    expect(writes[0]).toMatchObject({
      cell: source(grid, "general.routeEnd"),
      new: dateToSerial(new Date(2026, 7, 31)),
    });
    expect(writes[1]).toMatchObject({ new: "с 01.09.2025 по 31.08.2026" });
  });

  it("writes the stage beside «Этап ИОМ»", () => {
    const grid = templateGrid(CardSchema.parse({ entry: [row("Методическая", { high: "40%" })] }));
    const stage = plan(grid).find((w) => w.kind === "stage");

    expect(stage).toMatchObject({
      cell: cardTemplate().derived.stage,
      old: null,
      new: "диагностический",
    });
  });

  it("writes each final row's change against the entry into «Динамика»", () => {
    const grid = templateGrid(cleanCard());
    const writes = plan(grid).filter((w) => w.kind === "comparison");
    const row0 = parseAddress(source(grid, "final.rows.0.competency")).row + 1;

    expect(writes.map((w) => [w.cell, w.new, w.reason])).toEqual([
      [`G${row0}`, "устранён", "Динамика: на входе высокий, в итоге низкий"],
      [`G${row0 + 1}`, "устранён", "Динамика: на входе средний, в итоге нет («−»)"],
    ]);
  });

  it("marks exactly the activities validate finds overdue, and validate still finds them", () => {
    const asOf = new Date(2026, 0, 20);
    const grid = templateGrid(
      buildCard((c) => {
        c.plan[0]!.done = null;
        c.plan[2]!.done = null;
        c.finalEvent.activity = null;
        c.final.rows = [];
        c.final.endDate = null;
      }),
    );
    const writes = plan(grid, asOf).filter((w) => w.kind === "overdue");
    const overdue = validateCard(readCardSheet(grid)!.card, { asOf }).filter(
      (f) => f.code === "plan.overdue",
    );

    expect(writes.map((w) => w.new)).toEqual([
      "просрочено (срок 30.09.2025)",
      "просрочено (срок 15.01.2026)",
    ]);
    expect(writes.map((w) => parseAddress(w.cell).row)).toEqual(
      overdue.map((f) => parseAddress(source(grid, f.field!)).row),
    );
    expect(writes.every((w) => w.cell.startsWith("H"))).toBe(true);

    const after = readCardSheet(applyWrites(grid, writes))!.card;
    expect(validateCard(after, { asOf })).toEqual(
      validateCard(readCardSheet(grid)!.card, { asOf }),
    );
  });

  it("adds a «Контроль сроков» column to a hand-made plan that has none", () => {
    const grid = gridOf("Карта", [
      ["Карта индивидуального образовательного маршрута педагога"],
      ["ФИО педагога", "Иванова А. П."],
      ["Занимаемая должность", "учитель"],
      ["Начало ИОМ", "01.09.2025"],
      ["Окончание ИОМ", "31.05.2026"],
      ["Уровень", "Мероприятия", "Формируемые компетенции", "Сроки", "Отметка о выполнении"],
      ["ОО", "Посещение уроков", "Методическая", "октябрь 2025", null],
      ["ОО", "Семинар", "Методическая", "ноябрь 2025", "выполнено"],
    ]);
    const writes = plan(grid, new Date(2025, 11, 1));

    expect(writes.map((w) => [w.cell, w.new, w.styleFrom])).toEqual([
      ["F6", "Контроль сроков", "E6"],
      ["F7", "просрочено (срок 31.10.2025)", "E7"],
    ]);
  });

  it("writes into no cell a person filled", () => {
    const grid = templateGrid(cleanCard());
    const stage = cardTemplate().derived.stage;
    const { row: r, col } = parseAddress(stage);
    grid.rows[r]![col] = { value: "реализация" };

    expect(plan(grid).map((w) => w.cell)).not.toContain(stage);
  });

  it("brings its own cells up to date and clears what no longer applies", () => {
    const grid = templateGrid(
      buildCard((c) => {
        c.plan[0]!.done = null;
        c.finalEvent.activity = null;
        c.final.rows = [];
        c.final.endDate = null;
      }),
    );
    const first = plan(grid, new Date(2025, 9, 20));
    const filled = applyWrites(grid, first);
    const own = new Map(first.map((w) => [w.cell, { value: w.new, kind: w.kind }]));
    const mark = first.find((w) => w.kind === "overdue")!;
    const stage = first.find((w) => w.kind === "stage")!;
    expect(stage.new).toBe("реализация ИОМ");

    // Since then the activity was marked done and the final event held.
    const done = parseAddress(source(filled, "plan.0.done"));
    filled.rows[done.row]![done.col] = { value: "выполнено" };
    const event = parseAddress(source(filled, "finalEvent.activity"));
    filled.rows[event.row]![event.col] = { value: "Открытый урок" };
    const second = plan(filled, AS_OF, own);

    expect(second).toContainEqual(
      expect.objectContaining({ cell: mark.cell, old: mark.new, new: null }),
    );
    expect(second).toContainEqual(
      expect.objectContaining({ cell: stage.cell, old: "реализация ИОМ", new: "заключительный" }),
    );
  });

  it("plans nothing more over what it filled", () => {
    const grid = templateGrid(cleanCard());
    const first = plan(grid);
    const own = new Map(first.map((w) => [w.cell, { value: w.new, kind: w.kind }]));

    expect(plan(applyWrites(grid, first), AS_OF, own)).toEqual([]);
  });

  it("adds nothing to a hand-made card with nothing to derive", () => {
    const grid = gridOf("Карта", [
      ["ФИО педагога", "Иванова А. П."],
      ["Занимаемая должность", "учитель"],
      ["Компетенции", "Затруднения", "Низкий", "Средний", "Высокий"],
      ["Методическая", null, null, "70%", null],
    ]);

    expect(plan(grid)).toEqual([]);
    expect(valueAt(grid, "F3")).toBeNull();
  });
});

describe("applyWrites", () => {
  it("gives the grid with the new values and formats, the old one untouched", () => {
    const grid = gridOf("Лист", [["a", 1]]);
    const after = applyWrites(grid, [
      { cell: "B1", old: 1, new: null, kind: "level-column", reason: "" },
      { cell: "C2", old: null, new: 0.5, format: "0%", kind: "level-column", reason: "" },
    ]);

    expect(after.rows).toEqual([
      [{ value: "a" }, null],
      [undefined, undefined, { value: 0.5, format: "0%" }],
    ]);
    expect(grid.rows).toEqual([[{ value: "a" }, { value: 1 }]]);
  });
});
