// The emulator of bench row 5, in a process of its own (a fresh one each round). In the benchmark's
// own process its speed depended on what ran before: the full run's earlier parts left a heap whose
// collections, set off by 512 MiB bodies, ran on the emulator's thread during the measured uploads.
// Its first argument, when given, limits the bytes it receives to that many per second over all
// connections, as a runner's uplink would: clients connect to a throttling TCP relay in this process.
// Speaks over the IPC channel: sends { url, options } once listening, answers "stats", and exits on
// "close".
import { connect, createServer, type Socket } from 'node:net';
import { startEmulator } from '../emulator/index.js';

export interface ServerStats {
  objectBytesReceived: number;
  /** Methods of the OBS requests so far, in order. */
  obsMethods: string[];
}

/**
 * A relay to `port` that passes at most `rate` bytes per second from all clients together (a token
 * bucket holding 10 ms of bytes); the answers go back unthrottled.
 */
function throttledRelay(port: number, rate: number): Promise<number> {
  let tokens = 0;
  let filled = performance.now();
  const relay = createServer((client: Socket) => {
    const upstream = connect(port, '127.0.0.1');
    // A link forwards segments as they come. Node's TCP sockets use Nagle's algorithm unless told
    // not to (its HTTP client and server turn it off): on the relay's sockets a short last segment of
    // a request body waited for the emulator's delayed ACK, about 40 ms, stalling the connection that
    // hit it. Kept-alive connections, as the action's are, hit it; the SDK's fresh connection per part
    // mostly did not.
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    upstream.pipe(client);
    // The client is read again only once the budget allows and the emulator has taken the last bytes.
    let waitingForBudget = false;
    let waitingForDrain = false;
    const resume = () => {
      if (!waitingForBudget && !waitingForDrain) client.resume();
    };
    upstream.on('drain', () => {
      waitingForDrain = false;
      resume();
    });
    client.on('data', (chunk: Buffer) => {
      const now = performance.now();
      tokens = Math.min(tokens + ((now - filled) / 1000) * rate, rate / 100);
      filled = now;
      tokens -= chunk.length;
      if (!upstream.write(chunk)) waitingForDrain = true;
      if (tokens < 0) {
        waitingForBudget = true;
        setTimeout(
          () => {
            waitingForBudget = false;
            resume();
          },
          (-tokens / rate) * 1000,
        );
      }
      if (waitingForBudget || waitingForDrain) client.pause();
    });
    client.on('end', () => upstream.end());
    client.on('close', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) =>
    relay.listen(0, '127.0.0.1', () => resolve((relay.address() as { port: number }).port)),
  );
}

const e = await startEmulator({ jobDurationMs: 1000 });
const rate = Number(process.argv[2] ?? 0);
const url = rate > 0 ? `http://127.0.0.1:${await throttledRelay(Number(new URL(e.url).port), rate)}` : e.url;
const send = (message: unknown) => process.send?.(message);
send({
  url,
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
