import { plural } from '../plural.ts';

/** Strings of <oz-notifications>. */
export const notificationsRu = {
  /** The bell's visible word; its accessible name adds the count (bellLabel). */
  bell: 'Уведомления',
  bellLabel: (unread: number) =>
    unread === 0 ? 'Уведомления: новых нет' : `Уведомления: ${unread} ${plural('ru', unread, ['новое', 'новых', 'новых'])}`,
  panelTitle: 'Уведомления',
  empty: 'Уведомлений пока нет. Когда врач назначит консультацию или подготовит заключение, вы увидите это здесь.',
  loading: 'Загружаем уведомления…',
  retry: 'Попробовать ещё раз',
  unreadMark: 'Новое',
  markRead: 'Прочитано',
  markAllRead: 'Отметить все как прочитанные',
  close: 'Закрыть',
  /** Spoken when a notification arrives while the page is open. */
  arrived: (text: string) => `Новое уведомление: ${text}`,
  signInPrompt: 'Уведомления появятся здесь после входа в личный кабинет.',
  reason: (reason: string) => `Причина: ${reason}`,
  /** A `message_received` entry telling of several messages. */
  messagesReceived: (count: number, when: string) =>
    `${count} ${plural('ru', count, ['новое сообщение', 'новых сообщения', 'новых сообщений'])} в переписке по консультации ${when}.`,
  /** The button of a `message_received` entry: to the consultation's chat. */
  openChat: 'Открыть переписку',
};
