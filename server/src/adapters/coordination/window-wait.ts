/** Whole seconds until a window ends, at least 1: what Retry-After says to a refused attempt. */
export const secondsUntil = (endsAt: number, at: number) => Math.max(1, Math.ceil((endsAt - at) / 1000));
