import type { OpenedFile } from "./checkFiles.js";

/** A sample card the server offers (`npm start` lists samples/ at samples/index.json). */
export interface Sample {
  name: string;
  url: string;
}

/**
 * The samples the server offers, or none: a district's static host has no samples/index.json,
 * and the pane then shows no samples button.
 */
export async function listSamples(): Promise<Sample[]> {
  try {
    const response = await fetch("samples/index.json", { cache: "no-store" });
    if (!response.ok) {
      return [];
    }
    const list = (await response.json()) as unknown;
    return Array.isArray(list) ? list.filter(isSample) : [];
  } catch {
    return [];
  }
}

/** The samples as files, as if the user had opened them. */
export function sampleFiles(samples: readonly Sample[]): OpenedFile[] {
  return samples.map((sample) => ({
    name: sample.name,
    arrayBuffer: async () => {
      const response = await fetch(sample.url);
      if (!response.ok) {
        throw new Error(
          `Пример «${sample.name}» не загрузился: ${response.status} ${response.statusText}`,
        );
      }
      return await response.arrayBuffer();
    },
  }));
}

function isSample(value: unknown): value is Sample {
  const sample = value as Partial<Sample> | null;
  return typeof sample?.name === "string" && typeof sample.url === "string";
}
