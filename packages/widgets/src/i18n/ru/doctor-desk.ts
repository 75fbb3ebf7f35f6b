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
  /** While later pages of the queue are still to load: the count is of the shown ones only. */
  queueSummaryPartial: (count: number) =>
    `Показаны самые давние заявки: ${count}. Остальные появятся, когда вы пролистаете список до конца.`,
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
  busyOnDuty: 'На это время у вас открыто дежурство: пациент может записаться в любой момент. Выберите другое время или уберите это время из дежурства.',
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
  earlierConsultations: 'Показать более ранние консультации',
  pastNone: 'За последнюю неделю прошедших консультаций нет.',
  pastNoneAtAll: 'Прошедших консультаций нет.',
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

  // Duty consultations and the chat
  topic: 'Вопрос пациента',
  openChat: 'Переписка',
  newMessage: 'Новое сообщение',
  newMessageFrom: (name: string) => `Новое сообщение от пациента: ${name}.`,

  // Duty slots («Дежурства»), for duty doctors only
  dutyTab: 'Дежурства',
  dutyTitle: 'Дежурства',
  dutyIntro:
    'Здесь вы открываете время, на которое пациенты записываются к дежурному врачу. Когда пациент запишется, консультация появится в разделе «Мои консультации», а вы получите уведомление.',
  publishTitle: 'Открыть запись',
  dutyPeriod: 'Дата и время дежурства',
  dutyDate: 'Дата',
  dutyStart: 'Начало',
  dutyEnd: 'Окончание',
  slotLength: 'Длительность одной консультации',
  publishPreview: (count: number, length: string, from: string, to: string) =>
    `Получится ${count} ${plural('ru', count, ['консультация', 'консультации', 'консультаций'])} по ${length}: с ${from} до ${to}.`,
  publishSubmit: 'Открыть запись на это время',
  published: (count: number, when: string) =>
    `Запись открыта: ${count} ${plural('ru', count, ['консультация', 'консультации', 'консультаций'])}, ${when}. Пациенты уже могут записаться.`,
  startRequired: 'Укажите дату и время начала',
  endRequired: 'Укажите время окончания',
  endBeforeStart: 'Окончание должно быть позже начала (в тот же день)',
  periodTooShort: (length: string) =>
    `В этот промежуток не помещается ни одна консультация по ${length}. Увеличьте промежуток или выберите консультации короче.`,
  periodTooLong: (limit: number) =>
    `Слишком длинный промежуток: за один раз можно открыть не больше ${limit} консультаций. Разделите его на части.`,
  overlapSlot: (when: string) => `На это время запись у вас уже открыта (${when}). Выберите другое время.`,
  overlapConsultation: (when: string) => `В это время у вас уже есть консультация (${when}). Выберите другое время.`,
  overlap: 'Это время пересекается с вашим расписанием. Выберите другое.',
  notDutyDoctor: 'Открывать запись могут только дежурные врачи.',

  slotsTitle: 'Моё расписание дежурств',
  slotsSummary: (free: number, booked: number) => `Свободно: ${free}. Занято: ${booked}.`,
  /** After the summary while later slots are still to load. */
  slotsSummaryPartial: 'Это ещё не всё расписание: остальное — по кнопке «Показать ещё» ниже.',
  slotsNone: 'Открытой записи пока нет.',
  slotFree: 'Свободно',
  slotBooked: 'Занято',
  bookedBy: (name: string) => `Записан пациент: ${name}`,
  openBookedConsultation: 'Открыть консультацию',
  removeSlot: 'Убрать',
  slotAt: (time: string) => `время ${time}`,
  removeTitle: 'Убрать это время из расписания?',
  removeText: (when: string) => `${when}. Пациенты больше не смогут записаться на это время.`,
  removeConfirm: 'Да, убрать',
  removeKeep: 'Не убирать',
  removed: (when: string) => `Время ${when} убрано из расписания.`,
  slotTakenMeanwhile:
    'На это время только что записался пациент. Чтобы освободить его, отмените консультацию в разделе «Мои консультации».',
  slotGone: 'Этого времени уже нет в расписании.',
  // The consultation screen: the call, the application and documents, the chat, the conclusion
  screenPartsLabel: 'Части консультации',
  callTab: 'Видеосвязь',
  documentsTab: 'Заявка и документы',
  chatTab: 'Переписка',
  conclusionTab: 'Заключение',
  callTitle: 'Видеосвязь',
  startCall: 'Начать видеосвязь',
  startCallHint: 'Камера и микрофон включатся только после нажатия на кнопку.',
  returnToCall: 'Вернуться в видеосвязь',
  callEndedMark: 'Видеосвязь завершена — напишите заключение',
  callClosed: 'Видеосвязь по этой консультации закрыта.',
  noApplication: 'Пациент записался к дежурному врачу без заявки.',
  unread: (n: number) => `Новых сообщений: ${n}`,
  unreadShort: (n: number) => `${n} ${plural('ru', n, ['новое', 'новых', 'новых'])}`,

  // Documents in the page
  viewDocument: 'Посмотреть',
  closeDocument: 'Закрыть',
  documentOpening: 'Открываем документ…',
  documentOpenFailed: (why: string) => `Не удалось открыть документ. ${why}`,
  pdfFallback: 'Если документ не показан, скачайте его кнопкой «Скачать».',
  imageAlt: (kind: string, name: string) => `${kind}: ${name}`,
  dicomNote: 'Снимки КТ и МРТ (DICOM) открываются в программе для просмотра снимков: скачайте файл.',
  viewerLabel: (name: string) => `Документ: ${name}`,

  // Declining an application
  declineOpen: 'Отказать в консультации',
  declineKeep: 'Не отказывать',
};
