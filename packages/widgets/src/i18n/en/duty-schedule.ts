import { plural } from '../plural.ts';
import type { dutyScheduleRu } from '../ru/duty-schedule.ts';

export const dutyScheduleEn: typeof dutyScheduleRu = {
  title: 'Book a duty doctor',
  intro:
    'A duty doctor answers general questions: prevention, treatment and rehabilitation of cardiovascular and gynecological diseases, and a healthy lifestyle. No medical documents are needed.',
  signedOutNote: 'Anyone can see the free times. To book one, sign in to your personal account.',
  restoring: 'Checking your sign-in…',

  centerLabel: 'Medical center',
  centerAreas: {
    bakulev: 'heart and blood vessel diseases',
    kulakov: 'obstetrics, gynecology, women’s health',
  },
  chooseCenter: 'Choose a medical center to see the free times of its duty doctors.',
  centersFailed: 'The list of medical centers could not be loaded.',

  loading: 'Loading the free times…',
  loadFailed: 'The free times could not be loaded.',
  retry: 'Try again',
  refresh: 'Refresh the list',
  refreshing: 'Refreshing…',
  refreshed: 'The list of free times has been refreshed.',
  pickHint: 'Tap a time that suits you.',
  keysHint: 'Use the arrow keys to move between the times of a day, and Tab to go to the next day.',
  freeTimes: 'free times',
  today: (date) => `Today, ${date}`,
  tomorrow: (date) => `Tomorrow, ${date}`,
  dutyDoctor: (name) => `Duty doctor: ${name}`,
  moscowTime: 'Times are Moscow time.',
  localTime: (moscow, local) => `Times are your local time, as on your phone or computer. When it is ${moscow} in Moscow, it is ${local} for you.`,
  empty: 'The duty doctors of this center have no free time in the next two weeks. Please look again later: doctors add new times.',
  emptyOtherCenter: 'You can also choose another medical center.',
  selected: (when, doctor) => `Selected: ${when}, duty doctor ${doctor}.`,

  bookingTitle: 'Booking the selected time',
  when: 'Date and time',
  doctor: 'Duty doctor',
  center: 'Medical center',
  dayAndTime: (day, time) => `${day}, ${time}`,
  moscowAlso: (moscow) => `${moscow} Moscow time`,
  channelLabel: 'How you will talk',
  channelVideo: 'Video call',
  channelHint:
    'A consultation with a duty doctor is a video call in the browser; the program offers no other way. Nothing needs to be installed.',
  requirementsTitle: 'What you need for a video consultation',
  requirements: [
    'Allow the browser to use your camera and microphone when it asks.',
    'An internet speed of at least 2 Mbit/s for video (at least 512 kbit/s for sound only).',
    'On a phone, open the consultation in the Chrome browser.',
  ],
  topicLabel: 'What would you like to ask the doctor',
  topicHint: 'In short, in your own words: it helps the doctor prepare.',
  topicCounter: (used, max) => `${used} of ${max} ${plural('en', max, ['character', 'characters', 'characters'])} used`,
  submit: 'Book',
  sending: 'Booking…',
  signInToBook:
    'To book this time, sign in to your personal account or register; the sign-in form is on this page. The selected time will be kept.',
  goToSignIn: 'Go to the sign-in form',
  signedInGoOn: 'You are signed in. You can now book the selected time.',
  signedInAnnouncement: (when) => `You are signed in. Selected time: ${when}. You can now book it.`,
  patientsOnly: 'Only patients can book a duty doctor, in their personal account.',

  slotTakenTitle: 'This time has just been taken',
  slotTaken: 'While you were booking, another patient took this time. Please choose another one.',
  slotGone: 'The selected time is no longer available: another patient took it or the doctor removed it. Please choose another one.',
  nearestTitle: 'The nearest free times:',
  noneNear: 'This center has no free time now. Please look again later.',
  bookingLimit:
    'You already have bookings with a duty doctor and cannot book more now. You can see them or cancel one in the Consultations section, then book again.',
  programClosed: 'Bookings with duty doctors are not taken now: the Health Cloud program is not running on these dates.',

  doneTitle: 'You are booked for an online consultation',
  doneDate: 'Date',
  doneTime: 'Time',
  doneTopic: 'Your question',
  doneWhere:
    'The booking is in the Consultations section of your personal account. There you can write to the duty doctor before the consultation, see the booking or cancel it.',
  doneJoin: 'At the set time open the Consultations section: the button to join the video consultation appears there 15 minutes before the start.',
  bookAnother: 'Book another time',
};
