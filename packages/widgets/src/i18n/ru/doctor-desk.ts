import { plural } from '../plural.ts';

const days = (n: number) => `${n} ${plural('ru', n, ['день', 'дня', 'дней'])}`;
const minutes = (n: number) => `${n} ${plural('ru', n, ['минута', 'минуты', 'минут'])}`;

/** Strings of <oz-doctor-desk>. */
export const doctorDeskRu = {
  title: 'Рабочее место врача',
  restoring: 'Проверяем вход…',
  signInPrompt: 'Войдите в личный кабинет врача, чтобы увидеть заявки пациентов и свои онлайн-консультации.',
  doctorsOnly:
    'Этот раздел — для врачей медицинских центров программы «Облако здоровья»: здесь они рассматривают заявки и проводят онлайн-консультации.',
  patientHint: 'Свои заявки и консультации вы найдёте в личном кабинете, в разделе «Консультации».',
  doctorLine: (name: string, center: string) => (center ? `${name} · ${center}` : name),

  sectionsLabel: 'Разделы рабочего места',
  applicationsTab: 'Заявки',
  consultationsTab: 'Мои консультации',
  refresh: 'Обновить',
  refreshing: 'Обновляем…',
  refreshed: 'Списки обновлены.',
  loading: 'Загружаем…',
  retry: 'Попробовать ещё раз',

  // The queue
  queueTitle: 'Заявки на онлайн-консультацию',
  queueSummary: (count: number) =>
    count === 0 ? 'Новых заявок нет.' : `Ждут рассмотрения: ${count}. Сначала самые давние.`,
  age: (years: number | null) =>
    years === null ? 'возраст не указан' : `${years} ${plural('ru', years, ['год', 'года', 'лет'])}`,
  waiting: (fullDays: number) => (fullDays < 1 ? 'ждёт меньше суток' : `ждёт ${days(fullDays)}`),
  overdue: (targetDays: number) => `Срок ответа (${days(targetDays)}) прошёл`,
  referral: 'По направлению лечащего врача',
  openApplication: 'Открыть заявку',

  // One application
  backToQueue: 'К списку заявок',
  applicationTitle: (name: string) => `Заявка: ${name}`,
  patientAge: 'Возраст',
  patientPhone: 'Телефон',
  disease: 'Заболевание',
  diagnosis: 'Диагноз',
  complaints: 'Жалобы',
  submittedAt: 'Заявка подана',
  referredBy: 'Направил',
  documentsTitle: 'Медицинские документы пациента',
  documentsNone: 'К заявке не приложены медицинские документы.',
  referralDocumentsNote:
    'Пациент по направлению загружает документы после входа в личный кабинет, поэтому здесь все его медицинские документы.',
  documentDetails: (uploaded: string, size: string) => `загружен ${uploaded}, ${size}`,
  kilobytes: (n: number) => `${n} КБ`,
  megabytes: (n: string) => `${n} МБ`,
  saveDocument: 'Скачать',
  saving: 'Скачиваем…',
  saveFailed: (name: string, why: string) => `Не удалось скачать «${name}». ${why}`,

  scheduleTitle: 'Назначить онлайн-консультацию',
  when: 'Дата и время консультации',
  date: 'Дата',
  time: 'Время',
  timeZoneHint: (zone: string) => `По времени вашего компьютера (${zone}). Пациент увидит время своего часового пояса.`,
  duration: 'Длительность',
  minutes,
  scheduleSubmit: 'Назначить консультацию',
  whenRequired: 'Укажите дату и время консультации',
  scheduled: (name: string, when: string) =>
    `Онлайн-консультация назначена на ${when} (пациент: ${name}). Пациент получит уведомление.`,
  busy: 'В это время у вас уже есть консультация. Выберите другое время.',
  alreadyReviewed: 'Эту заявку уже рассмотрели: консультация назначена или в ней отказано. Обновите список заявок.',

  declineTitle: 'Отказать в консультации',
  declineReason: 'Причина отказа',
  declineReasonHint: 'Пациент прочитает её в уведомлении и в SMS. Напишите понятно, что ему делать дальше.',
  declineSubmit: 'Отказать в консультации',
  declined: (name: string) => `Отказ отправлен (пациент: ${name}). Пациент получит уведомление.`,
  sending: 'Отправляем…',

  // Consultations
  consultationsTitle: 'Мои консультации',
  upcomingTitle: 'Предстоящие',
  upcomingNone: 'Предстоящих консультаций нет.',
  pastTitle: 'Прошедшие, завершённые и отменённые',
  today: 'Сегодня',
  timeRange: (date: string, from: string, to: string) => `${date}, ${from}–${to}`,
  hours: (from: string, to: string) => `${from}–${to}`,
  cancelledByPatient: 'Отменил пациент.',
  cancelledByDoctor: 'Отменили вы.',
  reason: (text: string) => `Причина: ${text}`,
  conclusionWrittenMark: 'Заключение написано',
  writeConclusion: 'Написать заключение',
  openConclusion: 'Посмотреть заключение',
  cancelConsultation: 'Отменить консультацию',
  forPatient: (name: string) => `пациент: ${name}`,

  cancelTitle: 'Отменить онлайн-консультацию?',
  cancelText: (name: string, when: string) =>
    `Пациент: ${name}, ${when}. Пациент получит уведомление. Если консультация была по заявке, заявка вернётся в список заявок.`,
  cancelReason: 'Причина отмены',
  cancelReasonHint: 'Пациент увидит её в уведомлении.',
  cancelConfirm: 'Да, отменить',
  cancelKeep: 'Не отменять',
  cancelled: (when: string) => `Консультация ${when} отменена. Пациент получит уведомление.`,
  notCancellable: 'Эту консультацию уже нельзя отменить: она завершена или отменена. Обновите список.',

  backToConsultations: 'К моим консультациям',
  consultationTitle: (name: string) => `Консультация: ${name}`,
  conclusionTitle: 'Заключение врача',
  conclusionIntro:
    'Заключение можно написать и по документам, без видеосвязи. После отправки консультация завершится, а пациент получит уведомление.',
  conclusionText: 'Текст заключения',
  recommendations: 'Рекомендации',
  outcome: 'Итог консультации',
  conclusionSubmit: 'Отправить заключение',
  conclusionWritten: 'Заключение отправлено. Пациент получит уведомление.',
  conclusionExists: 'Заключение по этой консультации уже написано.',
  consultationCancelled: 'Консультация отменена: написать по ней заключение нельзя.',
  conclusionBy: (doctor: string, when: string) => `${doctor}, ${when}`,
  noRecommendations: 'Рекомендаций нет.',
};
