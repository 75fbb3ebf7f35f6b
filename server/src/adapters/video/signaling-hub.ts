import { randomUUID } from 'node:crypto';
import { SignalClose, SignalFromClient, type ParticipantRole, type SignalFromServer } from '@oz/contracts';
import type { Tickets } from '../../ports/coordination.ts';
import type { RoomConnection, RoomTicket, SignalingRooms, SignalSocket } from '../../ports/signaling.ts';
import type { Delivery, RoomDirectory, Seat, SignalPost } from './signaling-backend.ts';

const TICKET_KIND = 'signaling';
const TICKET_TTL_MS = 60_000;
const MAX_MESSAGE_BYTES = 70_000;
/** Closes the widget treats as a drop (any code but ended and replaced), so it joins again. */
const GOING_AWAY = { code: 1001, reason: 'the server is restarting; join again' };
const SEAT_LOST = { code: 1012, reason: 'the room lost this connection; join again' };
const UNAVAILABLE = { code: 1013, reason: 'signaling is unavailable; try again' };

export interface SignalingBackend {
  tickets: Tickets;
  /** Who sits in which room: in memory, or a table every instance shares. */
  directory: RoomDirectory;
  /** How a message reaches a connection: directly, or over NOTIFY to the instance that holds it. */
  post: SignalPost;
}

/** A socket of this instance, and the steps it takes one at a time (join, each message, leave). */
interface LocalConnection {
  consultationId: string;
  seat: Seat;
  socket: SignalSocket;
  seated: boolean;
  /** Deliveries that arrive before the welcome went out wait here, so the welcome always comes first. */
  early: Delivery[] | undefined;
  work: Promise<unknown>;
}

/**
 * Rooms of the embedded provider: at most the consultation's two participants, relaying offers,
 * answers and ICE candidates between them. Media never passes through the server. The two
 * sockets may sit on different instances: the backend's directory knows the seats and its post
 * carries messages to the instance holding the addressee.
 */
export class SignalingHub implements SignalingRooms {
  private readonly connections = new Map<string, LocalConnection>();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly backend: SignalingBackend,
    private readonly now: () => number = Date.now,
  ) {
    backend.post.listen({
      has: (connectionId) => this.connections.has(connectionId),
      deliver: (connectionId, delivery) => {
        const connection = this.connections.get(connectionId);
        if (connection) apply(connection, delivery);
      },
    });
    backend.directory.watch({
      expired: (consultationId, gone, remaining) => {
        for (const seat of remaining) void this.deliverQuietly(seat.connectionId, { message: { type: 'peer-left', role: gone.role } });
      },
      lost: (connectionId) => {
        const connection = this.connections.get(connectionId);
        if (!connection) return;
        connection.seated = false;
        connection.socket.close(SEAT_LOST.code, SEAT_LOST.reason);
      },
    });
  }

  issueTicket(consultationId: string, userId: string, role: ParticipantRole, tokenId: string): Promise<string> {
    return this.backend.tickets.issue(TICKET_KIND, { consultationId, userId, tokenId, role } satisfies RoomTicket, TICKET_TTL_MS, this.now());
  }

  async redeemTicket(ticket: string, consultationId: string): Promise<RoomTicket | undefined> {
    const entry = await this.backend.tickets.redeem<RoomTicket>(TICKET_KIND, ticket, this.now());
    return entry?.consultationId === consultationId ? entry : undefined;
  }

  join(ticket: RoomTicket, socket: SignalSocket): RoomConnection {
    if (this.closing) {
      socket.close(GOING_AWAY.code, GOING_AWAY.reason);
      return { joined: Promise.resolve(false), onMessage: () => undefined, onClose: () => undefined };
    }
    const connection: LocalConnection = {
      consultationId: ticket.consultationId,
      seat: { connectionId: randomUUID(), userId: ticket.userId, role: ticket.role },
      socket,
      seated: false,
      early: [],
      work: Promise.resolve(),
    };
    this.connections.set(connection.seat.connectionId, connection);
    return {
      joined: this.step(connection, () => this.sit(connection)).catch((error: unknown) => {
        logSignaling(error);
        return false;
      }),
      onMessage: (text) => void this.step(connection, () => this.handle(connection, text)).catch(logSignaling),
      onClose: () => void this.step(connection, () => this.leave(connection, true)).catch(logSignaling),
    };
  }

  /** The doctor ended the call: both sockets, wherever they are, hear `ended` and are closed. */
  async end(consultationId: string): Promise<void> {
    const seats = await this.backend.directory.clear(consultationId);
    const ended: Delivery = { message: { type: 'ended' }, close: { code: SignalClose.ended, reason: 'the consultation has ended' } };
    await Promise.all(seats.map((seat) => this.backend.post.deliver(seat.connectionId, ended)));
  }

  /** Who is in a room now, in the order they joined: for tests and diagnostics. */
  async roles(consultationId: string): Promise<ParticipantRole[]> {
    return (await this.backend.directory.seats(consultationId)).map((seat) => seat.role);
  }

  /** Once, however many times it is called (the shutdown ends sockets early, then closes the ports). */
  close(): Promise<void> {
    this.closing ??= this.closeSockets();
    return this.closing;
  }

  private async closeSockets(): Promise<void> {
    const open = [...this.connections.values()];
    for (const connection of open) {
      // The seat is freed now, not when a heartbeat expires: the peer hears peer-left at once.
      void this.step(connection, () => this.leave(connection, true)).catch(logSignaling);
      connection.socket.close(GOING_AWAY.code, GOING_AWAY.reason);
    }
    await Promise.all(open.map((connection) => connection.work));
    await this.backend.directory.close();
  }

  /** Runs the socket's steps one at a time, so its messages are relayed in the order they came. */
  private step<T>(connection: LocalConnection, work: () => Promise<T>): Promise<T> {
    const result = connection.work.then(work);
    connection.work = result.catch(() => undefined);
    return result;
  }

  private async sit(connection: LocalConnection): Promise<boolean> {
    const { seat, socket } = connection;
    let admission;
    try {
      // Listening first: the peer may address this connection as soon as its seat is taken.
      await this.backend.post.ready();
      admission = await this.backend.directory.admit(connection.consultationId, seat);
    } catch (error) {
      logSignaling(error);
      this.connections.delete(seat.connectionId);
      socket.close(UNAVAILABLE.code, UNAVAILABLE.reason);
      return false;
    }
    if (!admission.seated) {
      this.connections.delete(seat.connectionId);
      socket.close(SignalClose.roomFull, 'the room is full');
      return false;
    }
    connection.seated = true;
    send(socket, { type: 'welcome', role: seat.role, peer: admission.peer?.role ?? null });
    const early = connection.early ?? [];
    connection.early = undefined;
    for (const delivery of early) apply(connection, delivery);
    // The same person again (a reconnect after a network drop, or another tab): the newest wins.
    if (admission.replaced) await this.deliverQuietly(admission.replaced.connectionId, { close: { code: SignalClose.replaced, reason: 'joined again elsewhere' } });
    if (admission.peer) await this.deliverQuietly(admission.peer.connectionId, { message: { type: 'peer-joined', role: seat.role } });
    return true;
  }

  private async handle(connection: LocalConnection, text: string): Promise<void> {
    const { socket } = connection;
    if (text.length > MAX_MESSAGE_BYTES) return send(socket, { type: 'error', code: 'invalid_message', message: 'Message too large' });
    let parsed;
    try {
      parsed = SignalFromClient.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return send(socket, { type: 'error', code: 'invalid_message', message: 'Unknown signaling message' });
    const message = parsed.data;
    if (message.type === 'ping') return send(socket, { type: 'pong' });
    if (!connection.seated) return;
    if (message.type === 'leave') return this.leave(connection, false);
    const peer = await this.backend.directory.peerOf(connection.consultationId, connection.seat.connectionId);
    if (peer) await this.deliverQuietly(peer.connectionId, { message });
  }

  private async leave(connection: LocalConnection, socketClosed: boolean): Promise<void> {
    if (socketClosed) this.connections.delete(connection.seat.connectionId);
    if (!connection.seated) return;
    connection.seated = false;
    const remaining = await this.backend.directory.vacate(connection.consultationId, connection.seat.connectionId);
    for (const other of remaining ?? []) await this.deliverQuietly(other.connectionId, { message: { type: 'peer-left', role: connection.seat.role } });
  }

  /** A relay that fails (the database away) loses that one message; the socket's later steps go on. */
  private async deliverQuietly(connectionId: string, delivery: Delivery): Promise<void> {
    await this.backend.post.deliver(connectionId, delivery).catch(logSignaling);
  }
}

function apply(connection: LocalConnection, delivery: Delivery): void {
  if (connection.early) {
    connection.early.push(delivery);
    return;
  }
  if (delivery.message) send(connection.socket, delivery.message);
  if (delivery.close) connection.socket.close(delivery.close.code, delivery.close.reason);
}

function send(socket: SignalSocket, message: SignalFromServer): void {
  try {
    socket.send(JSON.stringify(message));
  } catch {
    // The socket is closing; its close handler frees the seat.
  }
}

function logSignaling(error: unknown): void {
  console.error(JSON.stringify({ at: new Date().toISOString(), error: `signaling: ${error instanceof Error ? error.message : String(error)}` }));
}
