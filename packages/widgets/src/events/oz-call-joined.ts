import type { ParticipantRole } from '@oz/contracts';

/** The person joined a consultation's video room through <oz-video-room> (once per join, not per reconnect). */
export type OzCallJoinedEvent = CustomEvent<{ consultationId: string; role: ParticipantRole }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-call-joined': OzCallJoinedEvent;
  }
}
