export type { OzSignedInEvent } from './oz-signed-in.ts';
export type { OzSignedOutEvent } from './oz-signed-out.ts';
export type { OzPasswordChangedEvent } from './oz-password-changed.ts';

/** Every `oz-…` event name, taken from the declarations in GlobalEventHandlersEventMap. */
export type OzEventName = Extract<keyof GlobalEventHandlersEventMap, `oz-${string}`>;

/** The `detail` type of an `oz-…` event. */
export type OzEventDetail<K extends OzEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;
