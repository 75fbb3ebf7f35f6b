export type { Translation } from './ru.ts';
export { toLang, type Lang } from './lang.ts';
export { defineStrings, langReady, stringsFor, useStrings, type ElementStrings } from './catalog.ts';
