import type { Consultation } from '@oz/contracts';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import type { FormState } from '../../controllers/form-submit.ts';
import type { OzEventDetail, OzEventName } from '../../events/index.ts';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describeFieldError } from '../../internal/describe-error.ts';
import type { DeskChecksController } from './desk-checks-controller.ts';
import type { DeskData } from './desk-data.ts';
import { describeDeskError } from './desk-problems.ts';

/** What the desk's two sections need from the element that hosts them. */
export interface DeskContext {
  host: ReactiveElement;
  t: () => Translation;
  locale: () => Lang;
  client: () => ApiClient;
  data: DeskData;
  checks: DeskChecksController;
  emit: <K extends OzEventName>(name: K, detail: OzEventDetail<K>) => void;
  /** Says something in the desk's status region (confirmations). */
  announce: (message: string) => void;
  /** After a view swaps, focuses the first of these that exists. */
  focus: (...selectors: string[]) => Promise<void>;
  /** The overridable "join video" place (OzDoctorDesk.renderVideoAction). */
  videoAction: (consultation: Consultation) => unknown;
  /** The desk's own `api` attribute, handed to the inner <oz-chat> (undefined: the page's). */
  api: () => string | undefined;
  /** Switches to «Мои консультации» with this consultation opened (from a booked duty slot). */
  showConsultation: (consultation: Consultation) => void;
  /** A patient wrote in this consultation's chat while the doctor was not looking at it. */
  hasNewMessage: (consultationId: string) => boolean;
  /** The doctor opened the consultation: its new messages are seen. */
  messagesSeen: (consultationId: string) => void;
}

/** A field's problem in words. */
export function fieldText(t: Translation, form: FormState, field: string): string | undefined {
  const error = form.errorFor(field);
  if (!error) return undefined;
  // The date and the time are two inputs for one value: "fill in this field" would not say which.
  if (field === 'startsAt' && error.code === 'required') return t.doctorDesk.whenRequired;
  return describeFieldError(t, error);
}

/** A whole form's problem in words. */
export function formText(t: Translation, form: FormState): string | undefined {
  return form.formError === undefined ? undefined : describeDeskError(t, form.formError);
}
