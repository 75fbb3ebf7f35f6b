import type { ChatMessage } from '@oz/contracts';

/** Messages of one author in a row, close in time: shown under one author line. */
export interface MessageGroup {
  /** The first message's id: stable while later messages join the group. */
  key: string;
  /** The local day (`YYYY-MM-DD`) of its messages. */
  day: string;
  /** The first group of its day: a day line goes above it. */
  startsDay: boolean;
  authorId: string;
  authorRole: ChatMessage['authorRole'];
  authorName: string;
  /** Written by the person looking at the chat. */
  own: boolean;
  messages: ChatMessage[];
}

/** Replies a few minutes apart read as one turn of the conversation. */
export const GROUP_GAP_MS = 10 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` in the browser's time zone: days change at the reader's midnight, not UTC's. */
export function localDay(moment: number): string {
  const date = new Date(moment);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The order a chat reads: oldest first (ids break a tie of the same millisecond). */
export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
}

/** Groups consecutive messages of one author on one local day that are at most `gapMs` apart. */
export function groupMessages(messages: readonly ChatMessage[], ownId: string | undefined, gapMs = GROUP_GAP_MS): MessageGroup[] {
  const groups: MessageGroup[] = [];
  let last: MessageGroup | undefined;
  for (const message of messages) {
    const at = Date.parse(message.createdAt);
    const day = localDay(at);
    const previous = last?.messages[last.messages.length - 1];
    if (last && previous && last.authorId === message.authorId && last.day === day && at - Date.parse(previous.createdAt) <= gapMs) {
      last.messages.push(message);
      continue;
    }
    last = {
      key: message.id,
      day,
      startsDay: last?.day !== day,
      authorId: message.authorId,
      authorRole: message.authorRole,
      authorName: message.authorName,
      own: message.authorId === ownId,
      messages: [message],
    };
    groups.push(last);
  }
  return groups;
}
