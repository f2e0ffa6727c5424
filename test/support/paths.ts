import { resolve } from 'node:path';

/** The committed APK fixtures (scripts/make-apk-fixtures.sh makes them). */
export const APK_FIXTURES = resolve(import.meta.dirname, '../fixtures/apk');
export const apkFixture = (name: string): string => resolve(APK_FIXTURES, name);
/** com.example.demo 1.4.2, the APK most tests install. */
export const DEMO_APK = apkFixture('demo.apk');
