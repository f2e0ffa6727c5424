/**
 * What we read from an APK's compiled AndroidManifest.xml: package, android:versionName, android:versionCode.
 *
 * Library choice. The npm packages that decode binary AndroidManifest.xml are either unmaintained or heavy for
 * three attributes: adbkit-apkreader (openstf, archived; pulls in bluebird, debug and yauzl 2) and its forks
 * (node-apk-parser, deprecated on npm), app-info-parser (also parses icons and resources; its zip layer is not
 * lazy), node-apk (brings node-forge for certificates). Some shell out to `aapt`, which a runner does not have.
 * The part we need is small and stable: the chunk format has not changed since Android 1.0 and is specified in
 * AOSP's ResourceTypes.h. So `axml.ts` decodes it in about 200 lines (no dependency, a few KB in the ncc bundle),
 * checks every offset, and reads only up to the first element; the zip itself is read with yauzl (`zip.ts`).
 */
import { AxmlError, type AxmlAttribute, startElements, ValueType } from './axml.js';

export const ANDROID_NAMESPACE = 'http://schemas.android.com/apk/res/android';
/** android.R.attr ids: Android itself finds these attributes by id, not by name. */
export const ATTR_VERSION_CODE = 0x0101021b;
export const ATTR_VERSION_NAME = 0x0101021c;

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export interface ManifestInfo {
  packageName: string;
  /**
   * Undefined when absent, and also when it is a resource reference (`@string/version`): resolving that needs
   * resources.arsc and a configuration to pick among its values, which we do not decode. Pass version-name instead.
   */
  versionName?: string;
  versionCode?: number;
  /** The `split` attribute: set on a config or feature split, which cannot be installed on its own. */
  split?: string;
}

/** Decodes the manifest's root element. Throws ManifestError (malformed binary XML included) with a readable reason. */
export function decodeManifest(buf: Buffer): ManifestInfo {
  try {
    const root = startElements(buf).next();
    if (root.done) throw new ManifestError('it has no elements');
    const { name, namespace, attributes } = root.value;
    if (name !== 'manifest' || namespace !== undefined) {
      throw new ManifestError(`its root element is <${name}>, not <manifest>`);
    }
    const pkg = attributes.find((a) => a.namespace === undefined && a.name === 'package');
    const packageName = pkg && stringValue(pkg);
    if (!packageName) throw new ManifestError('<manifest> has no package attribute');
    const versionName = androidAttribute(attributes, ATTR_VERSION_NAME, 'versionName');
    const versionCode = androidAttribute(attributes, ATTR_VERSION_CODE, 'versionCode');
    const split = attributes.find((a) => a.namespace === undefined && a.name === 'split');
    return {
      packageName,
      versionName: versionName && stringValue(versionName),
      versionCode: versionCode && integerValue(versionCode),
      ...(split ? { split: stringValue(split) ?? '(a resource reference)' } : {}),
    };
  } catch (error) {
    if (error instanceof AxmlError) throw new ManifestError(error.message, { cause: error });
    throw error;
  }
}

/**
 * An android: attribute. Android matches by resource id (from the resource map), so an attribute with the id wins
 * whatever its name string says (some obfuscators rename them); by name only when the attribute carries no id.
 */
function androidAttribute(attributes: AxmlAttribute[], id: number, name: string): AxmlAttribute | undefined {
  return (
    attributes.find((a) => a.resourceId === id) ??
    attributes.find((a) => a.resourceId === undefined && a.namespace === ANDROID_NAMESPACE && a.name === name)
  );
}

function stringValue(attribute: AxmlAttribute): string | undefined {
  switch (attribute.type) {
    case ValueType.String:
      return attribute.string ?? attribute.rawValue;
    case ValueType.IntDec:
      return attribute.rawValue ?? String(attribute.data | 0);
    case ValueType.IntHex:
      return attribute.rawValue ?? `0x${attribute.data.toString(16)}`;
    default:
      // References (@string/..., ?attr/...) need resources.arsc; null and other types carry no text.
      return undefined;
  }
}

function integerValue(attribute: AxmlAttribute): number | undefined {
  switch (attribute.type) {
    case ValueType.IntDec:
    case ValueType.IntHex:
      // Android reads versionCode as a Java int.
      return attribute.data | 0;
    case ValueType.String: {
      const text = (attribute.string ?? attribute.rawValue ?? '').trim();
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    }
    default:
      // A reference (@integer/version_code) needs resources.arsc, like a versionName reference.
      return undefined;
  }
}
