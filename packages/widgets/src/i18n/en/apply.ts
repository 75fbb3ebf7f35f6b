import { plural } from '../plural.ts';
import type { applyRu } from '../ru/apply.ts';
import { reviewTimeEn } from './domain.ts';

export const applyEn: typeof applyRu = {
  title: 'Application for an online consultation',
  intro:
    'A doctor of the medical center will study your application and medical documents and set the date and time of an online consultation.',
  signInPrompt: 'Sign in to your personal account to apply for an online consultation.',
  patientsOnly: 'Applications for an online consultation are filed by patients in their personal account.',
  restoring: 'Checking your sign-in…',
  loading: 'Loading…',
  loadFailed: 'The list of medical centers could not be loaded.',
  retry: 'Try again',

  centerLabel: 'Medical center',
  centerRequired: 'Choose a medical center',
  diseaseLabel: 'Group of diseases',
  diseaseHint: 'What condition you are applying with',
  diseasePlaceholder: 'Choose',
  diseaseRequired: 'Choose a group of diseases from the list',
  chooseCenterFirst: 'Choose a medical center first',

  aboutYou: 'About you',
  aboutYouHint: 'Taken from your personal account.',
  fullName: 'Full name',
  age: 'Age',
  ageValue: (years) => `${years} ${plural('en', years, ['year', 'years', 'years'])}`,
  ageUnknown: 'not given',

  diagnosisLabel: 'Diagnosis',
  diagnosisHint: 'As written in the discharge summary or in your treating doctor’s referral',
  complaintsLabel: 'Complaints',
  complaintsHint: 'In short: what troubles you and since when',

  documentsTitle: 'Medical documents',
  documentsIntro: 'The doctor will see the ticked documents with your application. Required documents must be uploaded before you send it.',
  required: 'required',
  ifAvailable: 'if available',
  notUploaded: 'Not uploaded yet.',
  uploadFile: 'Upload a file',
  uploadMore: 'Add another file',
  uploadFor: (kind) => `Upload a file: ${kind}`,
  uploadMoreFor: (kind) => `Add another file: ${kind}`,
  photoFor: (kind) => `Take a photo: ${kind}`,
  attachFile: (name, date) => `${name}, uploaded ${date}`,
  otherDocuments: 'Your other documents',
  missing: (kinds) => `Required documents are missing: ${kinds}. Upload them or tick the ones already uploaded.`,

  waiting: (date) =>
    `Your application of ${date} to this medical center is still waiting for review. You can apply to the same center again once the doctor has answered.`,
  conflict:
    'You already have an application to this medical center waiting for review. You can apply to the same center again once the doctor has answered.',
  programClosed: 'Applications for online consultations are not accepted now: the Health Cloud program is not running on these dates.',
  submit: 'Send the application',
  sending: 'Sending…',

  doneTitle: 'Application sent',
  doneReview: (center) =>
    `A doctor of the ${center} will review your application and medical documents and set the date and time of an online consultation, ${reviewTimeEn}.`,
  doneNotify: 'When the consultation is scheduled, you will get a notification in your personal account and an SMS.',
  doneWhere: 'You can view or cancel the consultation in the Consultations section.',
  newApplication: 'File another application',
};
