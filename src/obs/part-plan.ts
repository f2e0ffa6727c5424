/**
 * How a file is cut into multipart parts. Every part but the last has the part size, except a few
 * smaller ones first (a ramp: 1, 2, 4 MiB before 8 MiB parts). A part's Content-MD5 goes in its
 * headers, so no byte of a part leaves before the whole part is read and hashed: a first 16 MiB
 * part kept the connection idle for about 0.12 s after the upload was started (reading into fresh
 * memory and hashing it), where a 1 MiB part waits a few milliseconds. The parts after the ramp
 * are read while the first ones are sent.
 *
 * 8 MiB parts, as the AWS CLI's default: 4 in flight hold 32 MiB. 16 MiB parts were measured
 * slower on a 2-core machine (each fresh page of part memory costs the kernel a fault), and more
 * requests cost little on connections that are kept alive.
 */
const MiB = 1024 * 1024;
const DEFAULT_PART_SIZE_BYTES = 8 * MiB;
/** OBS limits (API reference, "Uploading a Part"): 1..10,000 parts of 100 KB..5 GB, the last one smaller. */
const MAX_PARTS = 10_000;
const MIN_PART_SIZE_BYTES = 100 * 1024;
const MAX_PART_SIZE_BYTES = 5 * 1024 * MiB;
/** The smallest ramp part: below this, one request per part costs more than the wait it saves. */
const MIN_RAMP_PART_BYTES = MiB;

export interface PartPlan {
  /** The file's size. */
  size: number;
  /** The sizes of the first parts, each smaller than `partSize`; may be empty. */
  ramp: number[];
  /** The size of every part after the ramp but the last, which may be smaller. */
  partSize: number;
  count: number;
}

/**
 * The parts of a file: the requested part size, raised (to whole MiB) to stay within 10,000
 * parts, after a ramp of halves of it (from 1 MiB) when the file is large enough and the parts
 * stay within the limit.
 */
export function planParts(sizeBytes: number, partSizeBytes: number = DEFAULT_PART_SIZE_BYTES): PartPlan {
  if (!Number.isInteger(partSizeBytes) || partSizeBytes < MIN_PART_SIZE_BYTES) {
    throw new RangeError(`part size must be an integer of at least ${MIN_PART_SIZE_BYTES} bytes`);
  }
  let partSize = partSizeBytes;
  if (Math.ceil(sizeBytes / partSize) > MAX_PARTS) partSize = Math.ceil(sizeBytes / MAX_PARTS / MiB) * MiB;
  if (partSize > MAX_PART_SIZE_BYTES)
    throw new RangeError(`a file of ${sizeBytes} bytes is too large for OBS`);
  const plain = { size: sizeBytes, ramp: [], partSize, count: Math.max(1, Math.ceil(sizeBytes / partSize)) };
  const ramp: number[] = [];
  for (let part = Math.floor(partSize / 2); part >= MIN_RAMP_PART_BYTES; part = Math.floor(part / 2))
    ramp.unshift(part);
  const rampBytes = ramp.reduce((sum, part) => sum + part, 0);
  // A file that the ramp alone would cover gains nothing from it.
  if (ramp.length === 0 || sizeBytes <= rampBytes + partSize) return plain;
  const count = ramp.length + Math.ceil((sizeBytes - rampBytes) / partSize);
  return count > MAX_PARTS ? plain : { size: sizeBytes, ramp, partSize, count };
}

/** Where part `index` (from 0) starts in the file, and its length. */
export function partRange(plan: PartPlan, index: number): { start: number; length: number } {
  let start = 0;
  for (let i = 0; i < Math.min(index, plan.ramp.length); i++) start += plan.ramp[i]!;
  if (index >= plan.ramp.length) start += (index - plan.ramp.length) * plan.partSize;
  const length = index < plan.ramp.length ? plan.ramp[index]! : plan.partSize;
  return { start, length: Math.max(0, Math.min(length, plan.size - start)) };
}

/** How the plan reads in a log line: "67 parts: 1 MiB, 2 MiB, 4 MiB, then 8 MiB each". */
export function describePlan(plan: PartPlan): string {
  if (plan.ramp.length === 0) return `${plan.count} parts of ${sizeText(plan.partSize)}`;
  return `${plan.count} parts: ${plan.ramp.map(sizeText).join(', ')}, then ${sizeText(plan.partSize)} each`;
}

function sizeText(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
