export type VideoModule = typeof import('./room-parts.ts');

let loading: Promise<VideoModule> | undefined;

/**
 * Loads the room's parts (devices, connection test, transports and their views) in their own
 * chunk, once per page and only when a room is shown. A failed load is forgotten so that the next
 * try fetches it again (slow rural connections drop requests).
 */
export function loadVideo(): Promise<VideoModule> {
  loading ??= import('./room-parts.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
