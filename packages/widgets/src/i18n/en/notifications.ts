import type { notificationsRu } from '../ru/notifications.ts';

export const notificationsEn: typeof notificationsRu = {
  bell: 'Notifications',
  bellLabel: (unread) => (unread === 0 ? 'Notifications: none new' : `Notifications: ${unread} new`),
  panelTitle: 'Notifications',
  empty: 'No notifications yet. When a doctor schedules your consultation or writes a conclusion, you will see it here.',
  loading: 'Loading notifications…',
  retry: 'Try again',
  unreadMark: 'New',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  close: 'Close',
  arrived: (text) => `New notification: ${text}`,
  signInPrompt: 'Your notifications will appear here once you sign in to your personal account.',
  reason: (reason) => `Reason: ${reason}`,
  messagesReceived: (count, when) => `${count} new messages in the chat about the consultation on ${when}.`,
  openChat: 'Open the chat',
};
