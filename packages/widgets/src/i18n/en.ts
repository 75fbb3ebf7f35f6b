import type { Translation } from './ru.ts';
import { plural } from './plural.ts';
import { domainEn } from './en/domain.ts';
import { documentsEn } from './en/documents.ts';
import { applyEn } from './en/apply.ts';
import { consultationsEn } from './en/consultations.ts';
import { notificationsEn } from './en/notifications.ts';
import { doctorDeskEn } from './en/doctor-desk.ts';
import { dutyScheduleEn } from './en/duty-schedule.ts';
import { videoRoomEn } from './en/video-room.ts';
import { chatEn } from './en/chat.ts';
import { referralImportEn } from './en/referral-import.ts';
import { pagingEn } from './en/paging.ts';

const characters = (n: number) => `${n} ${plural('en', n, ['character', 'characters', 'characters'])}`;

/** English; typed as the Russian source so a missing or misspelt key is a compile error. */
export const en: Translation = {
  common: {
    signOut: 'Sign out',
    cancel: 'Cancel',
    loading: 'Loading…',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    optional: 'optional',
    opensInNewWindow: 'opens in a new window',
    finishPasswordChange: 'To continue, set a new password in your personal account.',
  },

  fields: {
    fullName: 'Full name',
    fullNameHint: 'As in your passport',
    birthDate: 'Date of birth',
    phone: 'Mobile phone number',
    phoneHint: 'For example: +7 921 123-45-67',
    email: 'E-mail',
    password: 'Password',
    newPasswordHint: (min) => `At least ${characters(min)}`,
    consent: 'I consent to the processing of my personal data',
    consentLink: 'Read the consent text (152-FZ)',
    oneTimePassword: 'Password from the SMS',
    currentPassword: 'Current password',
    newPassword: 'New password',
    repeatPassword: 'Repeat the new password',
  },

  fieldErrors: {
    required: 'Please fill in this field',
    too_short: (min) => `Too short: at least ${characters(min)}`,
    too_long: (max) => `Too long: at most ${characters(max)}`,
    invalid: 'Please check this field',
    phone_invalid: 'Enter a Russian phone number, e.g. +7 921 123-45-67',
    email_invalid: 'Enter an e-mail address like name@mail.ru, or leave the field empty',
    date_invalid: 'Enter the full date: day, month and year',
    birth_date_out_of_range: 'Please check the date of birth: it cannot be later than today',
    consent_required: 'You cannot register without consenting to the processing of personal data',
    password_mismatch: 'The passwords do not match. Enter the new password again',
    password_same: 'The new password must differ from the current one',
    taken: 'This value is already taken',
    date_in_past: 'Choose a time in the future',
    documents_missing: 'Upload the required medical documents',
  },

  errors: {
    malformed_request: 'The data could not be sent. Reload the page and try again.',
    validation_failed: 'Please check the fields marked below.',
    unauthenticated: 'You have been signed out. Please sign in again.',
    invalid_credentials: 'Wrong phone number or password.',
    forbidden: 'You do not have access to this section.',
    password_change_required: 'Please set a new password first.',
    not_found: 'Nothing found.',
    conflict: 'This has already been done or is no longer available.',
    phone_taken: 'This phone number is already registered. Please sign in.',
    payload_too_large: 'The file is too large.',
    unsupported_media_type: 'This file type is not accepted.',
    rate_limited: 'Too many attempts. Please try again a little later.',
    program_closed: 'Applications are closed: the program is not running on these dates.',
    slot_taken: 'Someone has just taken this time. Please choose another.',
    one_time_password_expired: 'The password from the SMS has expired. Ask the program organisers for a new one.',
    file_unreadable: 'The file could not be read. Check that it is an XLSX or CSV table with the required columns.',
    room_closed: 'The video room is closed now: it opens 15 minutes before the consultation.',
    call_ended: 'The doctor has ended the call and is writing the conclusion.',
    video_unavailable: 'The video server is not answering right now. Please try again in a few minutes.',
    sms_unavailable: 'SMS cannot be sent right now. Nothing was changed; please try again later.',
    password_already_set: 'The patient has already set their own password and signs in with it. No new SMS password is needed.',
    booking_limit: 'You already have bookings with the duty doctor. Cancel one to book again.',
    unavailable: 'The service is briefly unavailable. Please try again in a few seconds.',
    internal: 'Something went wrong on the server. Please try again later.',
    rateLimitedFor: (minutes) => `Too many attempts. Please try again in ${minutes} ${plural('en', minutes, ['minute', 'minutes', 'minutes'])}.`,
    network: 'No connection to the server. Check your internet connection and try again.',
    unknown: 'Something went wrong. Please try again later.',
    fieldSummary: (label, message) => `${label}: ${message}`,
  },

  register: {
    modeLabel: 'Personal account',
    signInTab: 'Sign in',
    registerTab: 'Register',
    signInTitle: 'Sign in to your personal account',
    signInIntro: 'Enter the phone number and password you registered with or received by SMS.',
    signInSubmit: 'Sign in',
    registerTitle: 'Create a personal account',
    registerIntro: 'You need a personal account to upload medical documents and apply for an online consultation.',
    registerSubmit: 'Register',
    sending: 'Sending…',
    noAccount: 'No personal account yet?',
    haveAccount: 'Already registered?',
    signedInTitle: 'Personal account',
    signedInAs: (fullName) => `Signed in as ${fullName}`,
    changePassword: 'Change password',
    changePasswordTitle: 'Change password',
    changePasswordSubmit: 'Save the new password',
    passwordChanged: 'Your new password has been saved.',
    wrongCurrentPassword: 'The current password is wrong.',
    forcedTitle: 'Set a new password',
    forcedIntro: 'You signed in with a one-time password from an SMS. To continue, choose your own password and remember it.',
    restoring: 'Checking your sign-in…',
  },

  domain: domainEn,
  paging: pagingEn,
  documents: documentsEn,
  apply: applyEn,
  consultations: consultationsEn,
  notifications: notificationsEn,
  doctorDesk: doctorDeskEn,
  dutySchedule: dutyScheduleEn,
  videoRoom: videoRoomEn,
  chat: chatEn,
  referralImport: referralImportEn,
};
