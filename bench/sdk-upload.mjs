// Bench row 5's comparison: Huawei's OBS SDK for Node (esdk-obs-nodejs) uploads a file with
// uploadFile, in a process of its own, plain JavaScript so that nothing but Node and the SDK starts.
// Arguments: server URL, access key, secret key, bucket, key, file, part size, parallel parts.
// Prints one JSON line: the upload's milliseconds and the process's CPU time (microseconds).
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import ObsClient from 'esdk-obs-nodejs';

const [server, ak, sk, bucket, key, file, partSize, taskNum] = process.argv.slice(2);
const client = new ObsClient({ access_key_id: ak, secret_access_key: sk, server, max_retry_count: 0 });
await new Promise((resolve) => setImmediate(resolve));
const started = performance.now();
const result = await client.uploadFile({
  Bucket: bucket,
  Key: key,
  UploadFile: file,
  PartSize: Number(partSize),
  TaskNum: Number(taskNum),
});
const ms = performance.now() - started;
client.close();
if (result.CommonMsg.Status >= 300) {
  console.log(JSON.stringify({ error: `${result.CommonMsg.Status} ${result.CommonMsg.Code}` }));
  process.exit(1);
}
console.log(JSON.stringify({ ms, cpu: process.cpuUsage() }));
