// The emulator of bench row 5, in a process of its own (a fresh one each round). In the benchmark's
// own process its speed depended on what ran before: the full run's earlier parts left a heap whose
// collections, set off by 512 MiB bodies, ran on the emulator's thread during the measured uploads.
// Speaks over the IPC channel: sends { url, options } once listening, answers "stats", and exits on
// "close".
import { startEmulator } from '../emulator/index.js';

export interface ServerStats {
  objectBytesReceived: number;
  /** Methods of the OBS requests so far, in order. */
  obsMethods: string[];
}

const e = await startEmulator({ jobDurationMs: 1000 });
const send = (message: unknown) => process.send?.(message);
send({
  url: e.url,
  options: { projectId: e.options.projectId, accessKey: e.options.accessKey, secretKey: e.options.secretKey },
});
process.on('message', (message: string) => {
  if (message === 'stats') {
    const stats: ServerStats = {
      objectBytesReceived: e.obsStats().objectBytesReceived,
      obsMethods: e.requests.filter((q) => q.family === 'obs').map((q) => q.method),
    };
    send(stats);
  } else if (message === 'close') {
    void e.close().then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
