import { describe, expect, it } from "vitest";

import { packBlocks, planRequests } from "./blocks.js";

describe("planRequests", () => {
  it("puts every sheet into one request while the cells fit", () => {
    const extents = Array.from({ length: 100 }, (_, i) => ({ sheet: `Л${i}`, rows: 40, cols: 10 }));

    const requests = planRequests(extents, 100_000);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toHaveLength(100);
  });

  it("cuts a long sheet into blocks of whole rows within the budget", () => {
    const requests = planRequests([{ sheet: "Л", rows: 25, cols: 4 }], 40);

    expect(requests.map((r) => r.map((b) => [b.row, b.rows]))).toEqual([
      [[0, 10]],
      [[10, 10]],
      [[20, 5]],
    ]);
  });

  it("cuts a sheet wider than the budget across columns too", () => {
    const requests = planRequests([{ sheet: "Л", rows: 2, cols: 5 }], 2);

    expect(requests.flat().map((b) => [b.row, b.col, b.rows, b.cols])).toEqual([
      [0, 0, 1, 2],
      [0, 2, 1, 2],
      [0, 4, 1, 1],
      [1, 0, 1, 2],
      [1, 2, 1, 2],
      [1, 4, 1, 1],
    ]);
  });

  it("gives no block for an empty sheet", () => {
    expect(planRequests([{ sheet: "Л", rows: 0, cols: 0 }])).toEqual([]);
  });

  it("refuses a budget below one cell", () => {
    expect(() => planRequests([], 0)).toThrow(RangeError);
  });
});

describe("packBlocks", () => {
  it("halves a block where it stands, keeping its origin", () => {
    const requests = packBlocks([{ sheet: "Л", row: 10, col: 3, rows: 4, cols: 2 }], 4);

    expect(requests.flat().map((b) => [b.row, b.col, b.rows, b.cols])).toEqual([
      [10, 3, 2, 2],
      [12, 3, 2, 2],
    ]);
  });
});
