import { parentPort, workerData } from "node:worker_threads";

import { createCatalogue } from "../domain/catalogue.js";
import { createAnonymizer } from "./anonymizer.js";
import type { WorkerData, WorkerTask } from "./readInputs.js";
import { readSummaryInput } from "./summaryInput.js";

// A worker thread of `iom summary --jobs`: reads the inputs it is given, one at a time, and
// sends back each one's summary; the cards themselves never leave the thread.
const data = workerData as WorkerData;
const options = {
  asOf: data.asOf,
  config: data.config,
  catalogue: createCatalogue(data.config),
  anonymize: data.key === null ? null : createAnonymizer(data.key).anonymize,
};

parentPort!.on("message", (task: WorkerTask) => {
  void readSummaryInput(task.input, options).then((result) =>
    parentPort!.postMessage({ index: task.index, result }),
  );
});
