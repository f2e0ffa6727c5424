/** A local APK: find it (`locateApk`), then read its size, MD5, package and version from the file (`inspectApk`). */
export { locateApk } from './locate.js';
export { inspectApk } from './inspect.js';
export { wholeMegabytes, BYTES_PER_MB } from './size.js';
