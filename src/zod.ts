/**
 * zod's small API (zod/mini): the full one cost every run about 20 ms of start-up for chained
 * methods the action does not need. zod/mini registers no messages of its own, so the English
 * ones, which the action's errors quote, are registered here once. Import it as a namespace
 * (`import * as z`) and only name its members: the bundler then keeps only what is used (the
 * other locales alone are 400 KB).
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
