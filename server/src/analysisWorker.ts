// Worker thread entry (dist/analysisWorker.js): decodes and analyses one file at a time.
import { parentPort } from 'node:worker_threads';
import { summarizeBytes } from './service/fileAnalysis';

parentPort?.on('message', (message: { id: number; uri: string; bytes: Uint8Array }) => {
  try {
    const summary = summarizeBytes(message.uri, message.bytes);
    parentPort!.postMessage({ id: message.id, summary });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: String(error) });
  }
});
