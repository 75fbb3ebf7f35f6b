import type { Admission, Delivery, Mailbox, RoomDirectory, Seat, SignalPost } from './signaling-backend.ts';

/** Rooms in this process's memory: one instance holds every socket (the default, with lowdb). */
export class MemoryRoomDirectory implements RoomDirectory {
  private readonly rooms = new Map<string, Seat[]>();

  async admit(consultationId: string, seat: Seat): Promise<Admission> {
    const seats = this.rooms.get(consultationId) ?? [];
    const replaced = seats.find((other) => other.userId === seat.userId);
    if (!replaced && seats.length >= 2) return { seated: false };
    this.rooms.set(consultationId, [...seats.filter((other) => other !== replaced), seat]);
    return { seated: true, replaced, peer: seats.find((other) => other.userId !== seat.userId) };
  }

  async vacate(consultationId: string, connectionId: string): Promise<Seat[] | undefined> {
    const seats = this.rooms.get(consultationId) ?? [];
    if (!seats.some((seat) => seat.connectionId === connectionId)) return undefined;
    const remaining = seats.filter((seat) => seat.connectionId !== connectionId);
    if (remaining.length > 0) this.rooms.set(consultationId, remaining);
    else this.rooms.delete(consultationId);
    return remaining;
  }

  async peerOf(consultationId: string, connectionId: string): Promise<Seat | undefined> {
    const seats = this.rooms.get(consultationId) ?? [];
    if (!seats.some((seat) => seat.connectionId === connectionId)) return undefined;
    return seats.find((seat) => seat.connectionId !== connectionId);
  }

  async clear(consultationId: string): Promise<Seat[]> {
    const seats = this.rooms.get(consultationId) ?? [];
    this.rooms.delete(consultationId);
    return seats;
  }

  async seats(consultationId: string): Promise<Seat[]> {
    return [...(this.rooms.get(consultationId) ?? [])];
  }

  /** Nothing to watch: no other instance can stop while its seats stay here. */
  watch(): void {}

  async close(): Promise<void> {}
}

/** Hands a delivery straight to the connection: it is in this process. */
export class MemorySignalPost implements SignalPost {
  private mailbox: Mailbox | undefined;

  async ready(): Promise<void> {}

  listen(mailbox: Mailbox): void {
    this.mailbox = mailbox;
  }

  async deliver(connectionId: string, delivery: Delivery): Promise<void> {
    this.mailbox?.deliver(connectionId, delivery);
  }
}
