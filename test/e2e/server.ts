import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves the built pane over http on 127.0.0.1, as a district's static host would, and the
 * given sample files at samples/ with their index, as `npm start` does.
 */
export async function serveStatic(
  root: string,
  samples: Map<string, Uint8Array> = new Map(),
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    requests.push(path);
    void respond(path).then(
      ([status, type, body]) => {
        response.writeHead(status, { "Content-Type": type });
        response.end(body);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });

  async function respond(path: string): Promise<[number, string, Uint8Array | string]> {
    if (path === "/samples/index.json") {
      const list = [...samples.keys()].map((name) => ({
        name,
        url: `samples/${encodeURIComponent(name)}`,
      }));
      return [200, TYPES[".json"]!, JSON.stringify(list)];
    }
    if (path.startsWith("/samples/")) {
      const bytes = samples.get(path.slice("/samples/".length));
      return bytes ? [200, TYPES[".xlsx"]!, bytes] : [404, "text/plain", "нет"];
    }
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(root)) {
      return [403, "text/plain", "нет"];
    }
    try {
      return [200, TYPES[extname(file)] ?? "application/octet-stream", await readFile(file)];
    } catch {
      return [404, "text/plain", "нет"];
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
