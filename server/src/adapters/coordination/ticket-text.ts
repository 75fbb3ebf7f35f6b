import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, URL-safe: tickets travel in query strings (EventSource, WebSocket). */
export const newTicket = () => randomBytes(24).toString('base64url');

/** What the database keeps instead of the ticket, so a copy of the table redeems nothing. */
export const ticketHash = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');
