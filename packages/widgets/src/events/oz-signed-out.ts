/** The user pressed "sign out" in an element; the token has been revoked and forgotten. */
export type OzSignedOutEvent = CustomEvent<Record<string, never>>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-signed-out': OzSignedOutEvent;
  }
}
