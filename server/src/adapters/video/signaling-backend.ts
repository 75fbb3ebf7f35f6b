import type { ParticipantRole, SignalFromServer } from '@oz/contracts';

/** A participant's place in a room, addressed by its connection (one per socket, on some instance). */
export interface Seat {
  connectionId: string;
  userId: string;
  role: ParticipantRole;
}

/** Seated (replacing the same user's older seat, beside `peer`), or refused: two others sit there. */
export type Admission = { seated: false } | { seated: true; replaced: Seat | undefined; peer: Seat | undefined };

export interface SeatWatcher {
  /** The seat of an instance that stopped (no heartbeat) was freed: `remaining` are to be told. */
  expired(consultationId: string, gone: Seat, remaining: Seat[]): void;
  /** A connection of this instance lost its seat (freed while this instance was cut off): it must join again. */
  lost(connectionId: string): void;
}

/** Who sits in which room. Each method is atomic with respect to the others on every instance. */
export interface RoomDirectory {
  /** At most two seats, one per user: the same user's newer connection takes the older one's seat. */
  admit(consultationId: string, seat: Seat): Promise<Admission>;
  /** Frees the seat if this connection still holds it; returns the seats left, or undefined if it held none. */
  vacate(consultationId: string, connectionId: string): Promise<Seat[] | undefined>;
  /** The other seat of the room, when `connectionId` holds one. */
  peerOf(consultationId: string, connectionId: string): Promise<Seat | undefined>;
  /** Empties the room; returns who sat there. */
  clear(consultationId: string): Promise<Seat[]>;
  /** In the order they sat down. */
  seats(consultationId: string): Promise<Seat[]>;
  watch(watcher: SeatWatcher): void;
  close(): Promise<void>;
}

/** What reaches a connection: a message, a close, or both, in this order. */
export interface Delivery {
  message?: SignalFromServer;
  close?: { code: number; reason: string };
}

/** The connections this instance holds, as the post hands deliveries to them. */
export interface Mailbox {
  has(connectionId: string): boolean;
  deliver(connectionId: string, delivery: Delivery): void;
}

/** Carries deliveries to a connection wherever it is; one sender's deliveries to one connection keep their order. */
export interface SignalPost {
  /** Resolves once deliveries sent from now on reach this instance's mailbox. */
  ready(): Promise<void>;
  listen(mailbox: Mailbox): void;
  deliver(connectionId: string, delivery: Delivery): Promise<void>;
}
