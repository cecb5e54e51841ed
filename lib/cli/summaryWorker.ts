import { parentPort, workerData } from "node:worker_threads";

import { createCatalogue } from "../domain/catalogue.js";
import { createAnonymizer } from "./anonymizer.js";
import type { WorkerData, WorkerMessage } from "./readInputs.js";
import { claim } from "./readInputs.js";
import { readSummaryInput } from "./summaryInput.js";

// A worker thread of `iom summary --jobs`: reads inputs, one at a time, taking each from the
// counter it shares with the other threads, and sends back each one's summary; the cards
// themselves never leave the thread.
const data = workerData as WorkerData;
const options = {
  asOf: data.asOf,
  config: data.config,
  catalogue: createCatalogue(data.config),
  anonymize: data.key === null ? null : createAnonymizer(data.key).anonymize,
};
const counter = new Int32Array(data.next);

for (
  let index = claim(counter, data.inputs);
  index !== undefined;
  index = claim(counter, data.inputs)
) {
  const result = await readSummaryInput(data.inputs[index]!, options);
  parentPort!.postMessage({ index, result } satisfies WorkerMessage);
}
parentPort!.postMessage({ done: true } satisfies WorkerMessage);
