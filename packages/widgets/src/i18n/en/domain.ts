import { REVIEW_DAYS } from '@oz/contracts/constants';
import type { domainRu } from '../ru/domain.ts';

export const reviewTimeEn = `usually within ${REVIEW_DAYS.min}–${REVIEW_DAYS.max} days`;

export const domainEn: typeof domainRu = {
  documentKinds: {
    discharge_summary: 'Hospital discharge summary',
    pregnancy_card: 'Pregnancy exchange card',
    ecg: 'ECG',
    echocg: 'Echocardiogram',
    pelvic_ultrasound: 'Pelvic ultrasound',
    fetal_ultrasound: 'Fetal ultrasound',
    ct: 'CT',
    mri: 'MRI',
    conclusion: 'Doctor\'s conclusion',
    other: 'Other document',
  },
  applicationStatuses: {
    submitted: 'Waiting for review',
    scheduled: 'Consultation scheduled',
    declined: 'Declined',
    cancelled: 'Withdrawn',
  },
  consultationStatuses: {
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },
  consultationKinds: {
    application: 'Application to a medical center',
    duty: 'With the duty doctor',
    referral: 'Referral by the treating doctor',
  },
  outcomes: {
    conclusion: 'Doctor\'s conclusion',
    in_person: 'Invitation to an in-person visit',
  },
  notificationTexts: {
    application_submitted: () => 'Application sent. The doctor\'s answer will appear here.',
    application_scheduled: (when) => `Your online consultation is scheduled for ${when}.`,
    application_declined: (reason) => `The doctor declined your application. Reason: ${reason}`,
    consultation_cancelled: (when) => `The online consultation on ${when} has been cancelled.`,
    call_ended: (when) => `The doctor has ended the online consultation on ${when} and is writing the conclusion.`,
    conclusion_ready: () => 'The doctor\'s conclusion on your online consultation is ready.',
    duty_booked: (when) => `A patient booked a consultation for ${when}.`,
    message_received: (when) => `A new message in the chat about the consultation on ${when}.`,
  },
  /** The call is over and the conclusion is to come: a patient's card and the video room. */
  callEnded: 'The consultation has ended — the doctor is writing the conclusion',
};
