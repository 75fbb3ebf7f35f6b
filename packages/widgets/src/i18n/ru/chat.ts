import { plural } from '../plural.ts';

const signs = (n: number) => `${n} ${plural('ru', n, ['знак', 'знака', 'знаков'])}`;

/** Strings of <oz-chat>: the correspondence of a patient and a doctor about one consultation. */
export const chatRu = {
  title: 'Переписка',
  titleWithDoctor: 'Переписка с врачом',
  titleWithPatient: 'Переписка с пациентом',
  intro: 'Здесь можно задать вопрос до консультации. Переписку видите только вы и врач.',
  introDoctor: 'Переписку видите только вы и пациент.',
  signInPrompt: 'Чтобы увидеть переписку, войдите в личный кабинет.',
  noConsultation: 'Консультация не выбрана.',
  loading: 'Загружаем переписку…',
  retry: 'Попробовать ещё раз',
  notFound: 'Переписка недоступна: такой консультации нет, или она не ваша. Переписку видят только пациент и врач этой консультации.',

  messagesLabel: 'Сообщения',
  showEarlier: 'Показать более ранние сообщения',
  empty: 'Сообщений пока нет.',
  you: 'Вы',
  author: (name: string, role: string) => (name ? `${name}, ${role}` : role),
  roles: { patient: 'пациент', doctor: 'врач', manager: 'сотрудник программы' },
  today: 'Сегодня',
  yesterday: 'Вчера',
  sentAt: (time: string) => `в ${time}`,

  messageLabel: 'Ваше сообщение',
  messageHint: 'Клавиша Enter начинает новую строку. Чтобы отправить, нажмите «Отправить» (или Ctrl+Enter).',
  counter: (used: number, max: number) => `Написано ${used} из ${signs(max)}`,
  overLimit: (used: number, max: number) =>
    `Слишком длинно: ${signs(used)}, а можно не больше ${max}. Сократите сообщение на ${signs(used - max)}.`,
  tooLong: 'Сообщение слишком длинное.',
  send: 'Отправить',
  sending: 'Отправляем…',
  sent: 'Сообщение отправлено.',
  emptyMessage: 'Напишите сообщение',
  incoming: (author: string, text: string) => `Новое сообщение. ${author}: ${text}`,
  closed: 'Консультация отменена, поэтому переписка закрыта. Прежние сообщения можно прочитать.',
  closedNow: 'Консультацию отменили, переписка закрыта. Сообщение не отправлено.',
};
