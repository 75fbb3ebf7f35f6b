import { randomBytes } from 'node:crypto';
import { SignalClose, SignalFromClient, type ParticipantRole, type SignalFromServer } from '@oz/contracts';

const TICKET_TTL_MS = 60_000;
const MAX_MESSAGE_BYTES = 70_000;
/** The WebSocket frame limit: a little over one message, so ws refuses bigger frames before buffering them. */
export const MAX_SIGNALING_FRAME_BYTES = 80_000;

/** The socket side the hub needs: send text, close with a code. */
export interface SignalSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

interface Member {
  userId: string;
  role: ParticipantRole;
  socket: SignalSocket;
}

interface Ticket {
  consultationId: string;
  userId: string;
  role: ParticipantRole;
  expiresAt: number;
}

/**
 * Rooms of the embedded provider: at most the consultation's two participants, relaying offers,
 * answers and ICE candidates between them. Media never passes through the server.
 */
export class SignalingHub {
  private readonly rooms = new Map<string, Member[]>();
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly now: () => number = Date.now) {}

  issueTicket(consultationId: string, userId: string, role: ParticipantRole): string {
    const now = this.now();
    for (const [key, ticket] of this.tickets) if (ticket.expiresAt <= now) this.tickets.delete(key);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { consultationId, userId, role, expiresAt: now + TICKET_TTL_MS });
    return ticket;
  }

  /** One use only, so a ticket seen in a log or a proxy cannot be replayed. */
  redeemTicket(ticket: string, consultationId: string): Ticket | undefined {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!entry || entry.expiresAt <= this.now() || entry.consultationId !== consultationId) return undefined;
    return entry;
  }

  /** Adds the participant; returns a function to call with each incoming text and one for the close. */
  join(ticket: Ticket, socket: SignalSocket): { onMessage(text: string): void; onClose(): void } {
    const members = this.rooms.get(ticket.consultationId) ?? [];
    const previous = members.find((member) => member.userId === ticket.userId);
    if (previous) {
      // The same person again (a reconnect after a network drop, or another tab): the newest wins.
      members.splice(members.indexOf(previous), 1);
      previous.socket.close(SignalClose.replaced, 'joined again elsewhere');
    } else if (members.length >= 2) {
      socket.close(SignalClose.roomFull, 'the room is full');
      return { onMessage: () => undefined, onClose: () => undefined };
    }
    const self: Member = { userId: ticket.userId, role: ticket.role, socket };
    members.push(self);
    this.rooms.set(ticket.consultationId, members);
    const peer = members.find((member) => member !== self);
    send(self, { type: 'welcome', role: self.role, peer: peer?.role ?? null });
    if (peer) send(peer, { type: 'peer-joined', role: self.role });

    const leave = () => {
      const current = this.rooms.get(ticket.consultationId);
      if (!current?.includes(self)) return;
      current.splice(current.indexOf(self), 1);
      if (current.length === 0) this.rooms.delete(ticket.consultationId);
      for (const other of current) send(other, { type: 'peer-left', role: self.role });
    };
    return {
      onMessage: (text) => {
        if (text.length > MAX_MESSAGE_BYTES) return send(self, { type: 'error', code: 'invalid_message', message: 'Message too large' });
        let parsed;
        try {
          parsed = SignalFromClient.safeParse(JSON.parse(text));
        } catch {
          parsed = undefined;
        }
        if (!parsed?.success) return send(self, { type: 'error', code: 'invalid_message', message: 'Unknown signaling message' });
        const message = parsed.data;
        if (message.type === 'ping') return send(self, { type: 'pong' });
        if (message.type === 'leave') return leave();
        const other = this.rooms.get(ticket.consultationId)?.find((member) => member !== self);
        if (other) send(other, message);
      },
      onClose: leave,
    };
  }

  end(consultationId: string): void {
    for (const member of this.rooms.get(consultationId) ?? []) {
      send(member, { type: 'ended' });
      member.socket.close(SignalClose.ended, 'the consultation has ended');
    }
    this.rooms.delete(consultationId);
  }

  /** Who is in a room now, for tests and diagnostics. */
  roles(consultationId: string): ParticipantRole[] {
    return (this.rooms.get(consultationId) ?? []).map((member) => member.role);
  }
}

function send(member: Member, message: SignalFromServer): void {
  try {
    member.socket.send(JSON.stringify(message));
  } catch {
    // The socket is closing; its close handler removes the member.
  }
}
