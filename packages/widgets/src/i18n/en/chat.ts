import { plural } from '../plural.ts';
import type { chatRu } from '../ru/chat.ts';

const characters = (n: number) => `${n} ${plural('en', n, ['character', 'characters', 'characters'])}`;

export const chatEn: typeof chatRu = {
  title: 'Messages',
  titleWithDoctor: 'Messages with the doctor',
  titleWithPatient: 'Messages with the patient',
  intro: 'You can ask a question here before the consultation. Only you and the doctor see these messages.',
  introDoctor: 'Only you and the patient see these messages.',
  signInPrompt: 'Sign in to your personal account to see the messages.',
  noConsultation: 'No consultation is chosen.',
  loading: 'Loading the messages…',
  retry: 'Try again',
  notFound: 'The messages are not available: there is no such consultation, or it is not yours. Only its patient and doctor see them.',

  messagesLabel: 'Messages',
  showEarlier: 'Show earlier messages',
  empty: 'No messages yet.',
  you: 'You',
  author: (name, role) => (name ? `${name}, ${role}` : role),
  roles: { patient: 'patient', doctor: 'doctor', manager: 'program staff' },
  today: 'Today',
  yesterday: 'Yesterday',
  sentAt: (time) => `at ${time}`,

  messageLabel: 'Your message',
  messageHint: 'The Enter key starts a new line. To send, press «Send» (or Ctrl+Enter).',
  counter: (used, max) => `${used} of ${characters(max)} used`,
  overLimit: (used, max) => `Too long: ${characters(used)}, at most ${max} allowed. Shorten the message by ${characters(used - max)}.`,
  tooLong: 'The message is too long.',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Message sent.',
  emptyMessage: 'Write a message',
  incoming: (author, text) => `New message. ${author}: ${text}`,
  closed: 'The consultation was cancelled, so the chat is closed. You can still read the earlier messages.',
  closedNow: 'The consultation was cancelled and the chat is closed. The message was not sent.',
};
