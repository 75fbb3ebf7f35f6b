import type { ParticipantRole } from '@oz/contracts';

/** The WebSocket frame limit: a little over one signaling message (an SDP of up to 70 kB), so ws refuses bigger frames before buffering them. */
export const MAX_SIGNALING_FRAME_BYTES = 80_000;

/** The socket side the rooms need: send text, close with a code. */
export interface SignalSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** What a redeemed room ticket says: who joins which consultation's room, as whom. */
export interface RoomTicket {
  consultationId: string;
  userId: string;
  /** The session the ticket was taken by: the room opens only while it holds. */
  tokenId: string;
  role: ParticipantRole;
}

/** One participant's socket in a room: feed it what the socket receives, and its close. */
export interface RoomConnection {
  onMessage(text: string): void;
  onClose(): void;
  /** Settles when the join is done: true when seated, false when refused (room full). */
  joined: Promise<boolean>;
}

/**
 * The embedded video provider's signaling rooms as the WebSocket route sees them, whichever
 * instance holds the other participant's socket.
 */
export interface SignalingRooms {
  /** One use only, so a ticket seen in a log or a proxy cannot be replayed. */
  redeemTicket(ticket: string, consultationId: string): Promise<RoomTicket | undefined>;
  join(ticket: RoomTicket, socket: SignalSocket): RoomConnection;
  /** Closes this instance's sockets and frees their seats (shutdown): their browsers join again elsewhere. */
  close(): Promise<void>;
}
