/** A file below the multipart threshold: read whole, hashed, and sent in one PUT that carries its MD5. */
import { createHash } from 'node:crypto';
import { readWhole } from './file.js';
import { changedFile, contentMd5Header, MD5_METADATA_HEADER } from './md5.js';
import type { ObsRequests } from './requests.js';

export async function putFile(
  requests: ObsRequests,
  target: { bucket: string; key: string; signal: AbortSignal | undefined },
  file: { path: string; size: number; contentType: string; expectedMd5: string | undefined },
): Promise<string> {
  const data = await readWhole(file.path, file.size);
  const md5 = createHash('md5').update(data).digest('hex');
  if (file.expectedMd5 !== undefined && md5 !== file.expectedMd5)
    throw changedFile(file.path, file.expectedMd5, md5);
  const action = `OBS upload of obs://${target.bucket}/${target.key}`;
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-MD5': contentMd5Header(md5),
    [MD5_METADATA_HEADER]: md5,
  };
  await requests.retrying(target.signal, async () => {
    const body = data.length === 0 ? '' : data;
    const note = `${data.length} bytes`;
    const answer = await requests.send({ ...target, method: 'PUT', headers, body, action, note });
    if (answer.status !== 200) throw requests.failure(action, answer);
  });
  return md5;
}
