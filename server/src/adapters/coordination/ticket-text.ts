import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, URL-safe: tickets travel in query strings (EventSource, WebSocket). */
export const newTicket = () => randomBytes(24).toString('base64url');

/**
 * What the database keeps instead of a ticket (a copy of the table redeems nothing) or a limit's
 * key (phones and client addresses stay out of it).
 */
export const storedDigest = (text: string) => createHash('sha256').update(text).digest('base64url');
