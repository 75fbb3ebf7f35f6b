/** The person left a consultation's video room with the leave button of <oz-video-room>. */
export type OzCallLeftEvent = CustomEvent<{ consultationId: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-call-left': OzCallLeftEvent;
  }
}
