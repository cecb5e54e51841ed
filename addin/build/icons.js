// Draws the add-in's icons (a white check mark on a blue rounded square) into
// addin/assets/icon-{16,32,64,80}.png. Run once by hand (`node addin/build/icons.js`) when the
// drawing changes; the PNGs are committed, so the build needs no image tools.
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80];
/** @type {[number, number, number]} */
const BLUE = [15, 108, 189];
const here = dirname(fileURLToPath(import.meta.url));

for (const size of SIZES) {
  await writeFile(join(here, "..", "assets", `icon-${size}.png`), png(size, draw(size)));
}

/**
 * RGBA pixels of the icon at one size, anti-aliased by 4×4 supersampling.
 *
 * @param {number} size
 * @returns {Uint8Array}
 */
function draw(size) {
  const pixels = new Uint8Array(size * size * 4);
  const radius = size * 0.18;
  const stroke = Math.max(1.5, size * 0.11);
  // The check mark in units of the icon's side.
  /** @type {[[number, number], [number, number], [number, number]]} */
  const check = [
    [0.24, 0.52],
    [0.42, 0.7],
    [0.77, 0.32],
  ];

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let mark = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          if (inRoundedSquare(px, py, size, radius)) {
            inside++;
            const d = Math.min(
              segmentDistance(px, py, check[0], check[1], size),
              segmentDistance(px, py, check[1], check[2], size),
            );
            if (d <= stroke / 2) {
              mark++;
            }
          }
        }
      }
      const at = (y * size + x) * 4;
      const white = mark / Math.max(inside, 1);
      for (let c = 0; c < 3; c++) {
        pixels[at + c] = Math.round(/** @type {number} */ (BLUE[c]) * (1 - white) + 255 * white);
      }
      pixels[at + 3] = Math.round((inside / 16) * 255);
    }
  }
  return pixels;
}

/** @param {number} x @param {number} y @param {number} size @param {number} r */
function inRoundedSquare(x, y, size, r) {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * @param {number} x
 * @param {number} y
 * @param {[number, number]} a
 * @param {[number, number]} b
 * @param {number} size
 */
function segmentDistance(x, y, a, b, size) {
  const [ax, ay, bx, by] = [a[0] * size, a[1] * size, b[0] * size, b[1] * size];
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/**
 * A PNG file of RGBA pixels.
 *
 * @param {number} size
 * @param {Uint8Array} pixels
 * @returns {Buffer}
 */
function png(size, pixels) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(pixels.subarray(y * size * 4, (y + 1) * size * 4)).copy(
      raw,
      y * (size * 4 + 1) + 1,
    );
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** @param {Buffer} bytes */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}
