import type { LiveEvent, LiveEvents } from '../ports/live-events.ts';

/**
 * What is published is already saved: the cabinet lists it, and a stream that missed it reloads
 * when it resumes. So a live delivery that fails is logged, never the request's failure.
 */
export async function publishQuietly(live: LiveEvents, userId: string, event: LiveEvent): Promise<void> {
  try {
    await live.publish(userId, event);
  } catch (error) {
    console.error(JSON.stringify({ at: new Date().toISOString(), error: `live event not published: ${error instanceof Error ? error.message : String(error)}` }));
  }
}
