// Worker thread entry (dist/analysisWorker.js): reads (given a path) or decodes (given bytes) and
// analyses one file at a time.
import { parentPort } from 'node:worker_threads';
import { summarizeBytes } from './service/fileAnalysis';
import { readLocalFile } from './service/nodeWorkspace';

parentPort?.on('message', (message: { id: number; uri: string; bytes?: Uint8Array; path?: string }) => {
  let bytes = message.bytes;
  if (!bytes) {
    try {
      bytes = readLocalFile(message.path!);
    } catch (error) {
      parentPort!.postMessage({ id: message.id, readError: (error as Error).message });
      return;
    }
  }
  try {
    const summary = summarizeBytes(message.uri, bytes);
    parentPort!.postMessage({ id: message.id, summary });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: String(error) });
  }
});
