import type {
  ApplicationStatus,
  ConclusionOutcome,
  ConsultationKind,
  ConsultationStatus,
  DocumentKind,
  NotificationKind,
} from '@oz/contracts';
import { REVIEW_DAYS } from '@oz/contracts/constants';

/** The one wording of how long a review takes, for the form's confirmation and the waiting cards alike. */
export const reviewTimeRu = `обычно в течение ${REVIEW_DAYS.min}–${REVIEW_DAYS.max} дней`;

/** Words of the program's domain shared by several elements: document kinds, statuses. */
export const domainRu = {
  documentKinds: {
    discharge_summary: 'Выписка из истории болезни',
    pregnancy_card: 'Обменная карта беременной',
    ecg: 'ЭКГ',
    echocg: 'ЭХО КГ',
    pelvic_ultrasound: 'УЗИ органов малого таза',
    fetal_ultrasound: 'УЗИ плода',
    ct: 'КТ',
    mri: 'МРТ',
    conclusion: 'Заключение врача',
    other: 'Другой документ',
  } satisfies Record<DocumentKind, string>,
  applicationStatuses: {
    submitted: 'Заявка ждёт рассмотрения',
    scheduled: 'Консультация назначена',
    declined: 'Отказано',
    cancelled: 'Заявка отозвана',
  } satisfies Record<ApplicationStatus, string>,
  consultationStatuses: {
    scheduled: 'Назначена',
    in_progress: 'Идёт',
    completed: 'Завершена',
    cancelled: 'Отменена',
  } satisfies Record<ConsultationStatus, string>,
  consultationKinds: {
    application: 'По заявке в медицинский центр',
    duty: 'У дежурного врача',
    referral: 'По направлению лечащего врача',
  } satisfies Record<ConsultationKind, string>,
  outcomes: {
    conclusion: 'Заключение врача',
    in_person: 'Приглашение на очную консультацию',
  } satisfies Record<ConclusionOutcome, string>,
  /** Texts of in-cabinet notifications, built from the notification's data in the page's language. */
  notificationTexts: {
    application_submitted: () => 'Заявка отправлена. Ответ врача появится здесь.',
    application_scheduled: (when: string) => `Онлайн-консультация назначена на ${when}.`,
    application_declined: (reason: string) => `Врач отказал в консультации по заявке. Причина: ${reason}`,
    consultation_cancelled: (when: string) => `Онлайн-консультация ${when} отменена.`,
    call_ended: (when: string) => `Врач завершил онлайн-консультацию ${when} и пишет заключение.`,
    conclusion_ready: () => 'Готово заключение врача по онлайн-консультации.',
    duty_booked: (when: string) => `Пациент записался на консультацию ${when}.`,
    message_received: (when: string) => `Новое сообщение в переписке по консультации ${when}.`,
  } satisfies Record<NotificationKind, (value: string) => string>,
  /** The call is over and the conclusion is to come: a patient's card and the video room. */
  callEnded: 'Консультация завершена — врач пишет заключение',
};
