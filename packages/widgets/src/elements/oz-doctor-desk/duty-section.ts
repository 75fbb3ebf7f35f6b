import { ForgetOnChange } from '../../controllers/forget-on-change.ts';
import type { Consultation, DutySlot } from '@oz/contracts';
import { MAX_SLOTS_PER_PUBLISH } from '@oz/contracts/constants';
import { html } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { FormState } from '../../controllers/form-submit.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeFieldError } from '../../internal/describe-error.ts';
import type { DeskData } from './desk-data.ts';
import { deskChecks, submitOrStay } from './desk-forms.ts';
import { emitFrom, focusAfterUpdate, wordsOf, type DeskHost } from './desk-host.ts';
import { describeDeskError, loadWords } from './desk-problems.ts';
import type { DeskStatus } from './desk-status.ts';
import { formatDate, formatTime } from './desk-time.ts';
import { DutyProblem, publishForm, readPublish, removeSlotForm, slotCount, type PublishInput } from './duty-forms.ts';
import { renderPublishForm, renderSlotList } from './duty-view.ts';
import { renderRemoveSlotDialog } from './remove-slot-dialog.ts';

const MINUTE = 60_000;

export interface DutySectionDeps {
  data: DeskData;
  status: DeskStatus;
  /** Switches to «Мои консультации» with this consultation opened (from a booked slot). */
  showConsultation: (consultation: Consultation) => void;
}

/**
 * «Дежурства» of the desk, made of controllers of the desk (its forms, its dialog, forgetting on a change of doctor): a duty doctor opens time for booking, sees it by
 * day (free and booked), and removes free time after a confirmation.
 */
export class DutySection {
  #preview: string | undefined;
  /** What was last submitted, to word an `endsAt` error (end before start, or too short). */
  #lastInput: PublishInput | undefined;

  readonly #host: DeskHost;
  readonly #data: DeskData;
  readonly #status: DeskStatus;
  readonly #showConsultation: (consultation: Consultation) => void;
  readonly #publish;
  readonly #remove;
  readonly #removeDialog: ConfirmDialogController<DutySlot>;
  readonly #keepButton = createRef<HTMLButtonElement>();

  constructor(host: DeskHost, deps: DutySectionDeps) {
    this.#host = host;
    this.#data = deps.data;
    this.#status = deps.status;
    this.#showConsultation = deps.showConsultation;
    // Another doctor signed in, or nobody is: nothing of the previous one's may stay.
    new ForgetOnChange(host, () => this.#data.doctorKey(), () => this.#reset(), null);
    const forms = { host, client: deps.data.client, checks: new LazyChecksController(host, deskChecks) };
    this.#publish = publishForm(forms, (slots) => this.#published(slots));
    this.#remove = removeSlotForm(forms, (slot) => this.#removed(slot));
    // After a removal the slot's button is gone: focus goes to the schedule's title.
    const toSchedule = () => void focusAfterUpdate(host, '#slots-title', '[data-focus-target]');
    this.#removeDialog = new ConfirmDialogController(host, {
      selector: 'dialog[part~="remove-slot-dialog"]',
      confirm: (slot) => this.#submitRemove(slot),
      fallbackFocus: toSchedule,
      focusAfterConfirm: toSchedule,
    });
  }

  /** Forgets everything of the previous doctor. */
  #reset(): void {
    this.#removeDialog.close();
    this.#preview = undefined;
    this.#lastInput = undefined;
    this.#publish.reset();
    this.#remove.reset();
  }

  render(now: number): unknown {
    const t = wordsOf(this.#host);
    const locale = this.#host.locale;
    const desk = t.doctorDesk;
    const data = this.#data;
    const removing = this.#removeDialog.subject;
    return html`
      <h3 id="duty-title" tabindex="-1" data-focus-target>${desk.dutyTitle}</h3>
      <p class="note">${desk.dutyIntro}</p>
      ${renderPublishForm({
        t,
        locale,
        now,
        form: this.#publish,
        preview: this.#preview,
        fieldText: (field) => this.#fieldText(t, this.#publish, field),
        formText: this.#formText(t, this.#publish),
        onChange: (event) => this.#updatePreview(event.currentTarget as HTMLFormElement),
        onSubmit: (event) => {
          event.preventDefault();
          const input = readPublish(event.target as HTMLFormElement);
          this.#lastInput = input;
          void this.#publish.submit(input);
        },
      })}
      ${data.slots.render(loadWords(t), () =>
        renderSlotList({
          t,
          locale,
          now,
          slots: data.slotList.items,
          more: data.slotList.hasMore,
          end: data.slotList.renderMore({ t, listName: desk.slotsTitle }),
          consultations: data.consultations.value ? data.consultationList.items : undefined,
          onRemove: (slot, trigger) => this.#startRemove(slot, trigger),
          onOpenConsultation: (consultation) => this.#showConsultation(consultation),
        }),
      )}
      ${renderRemoveSlotDialog({
        t,
        dialog: this.#removeDialog,
        when: removing ? this.#when(removing) : '',
        form: this.#remove,
        formText: this.#formText(t, this.#remove),
        keepButton: this.#keepButton,
      })}
    `;
  }

  #fieldText(t: Translation, form: FormState, field: string): string | undefined {
    const error = form.errorFor(field);
    if (!error) return undefined;
    const desk = t.doctorDesk;
    if (field === 'startsAt' && error.code === 'required') return desk.startRequired;
    if (field === 'endsAt') {
      if (error.code === 'required') return desk.endRequired;
      if (error.code === 'too_long') return desk.periodTooLong(error.limit ?? MAX_SLOTS_PER_PUBLISH);
      if (error.code === 'invalid') {
        const input = this.#lastInput;
        const backwards = input && input.startsAt && input.endsAt && Date.parse(input.endsAt) <= Date.parse(input.startsAt);
        return backwards || !input ? desk.endBeforeStart : desk.periodTooShort(desk.minutes(input.durationMinutes));
      }
    }
    return describeFieldError(t, error);
  }

  #formText(t: Translation, form: FormState): string | undefined {
    const error = form.formError;
    if (error === undefined) return undefined;
    if (!(error instanceof DutyProblem)) return describeDeskError(t, error);
    const desk = t.doctorDesk;
    const when = error.period ? this.#when(error.period) : '';
    switch (error.kind) {
      case 'overlapSlot':
        return desk.overlapSlot(when);
      case 'overlapConsultation':
        return desk.overlapConsultation(when);
      case 'overlap':
        return desk.overlap;
      case 'notDutyDoctor':
        return desk.notDutyDoctor;
      case 'slotTakenMeanwhile':
        return desk.slotTakenMeanwhile;
      case 'slotGone':
        return desk.slotGone;
    }
  }

  /** "вторник, 3 марта 2026 г., 10:00–10:20" in the doctor's time zone. */
  #when(period: { startsAt: string; endsAt: string }): string {
    const locale = this.#host.locale;
    const desk = wordsOf(this.#host).doctorDesk;
    return desk.timeRange(formatDate(period.startsAt, locale), formatTime(period.startsAt, locale), formatTime(period.endsAt, locale));
  }

  /** Says how many consultations the period makes, before anything is sent. */
  #updatePreview(form: HTMLFormElement): void {
    const input = readPublish(form);
    const count = slotCount(input);
    const desk = wordsOf(this.#host).doctorDesk;
    const locale = this.#host.locale;
    if (count > 0) {
      const lastEnd = new Date(Date.parse(input.startsAt) + count * input.durationMinutes * MINUTE).toISOString();
      const length = desk.minutes(input.durationMinutes);
      this.#preview = desk.publishPreview(count, length, formatTime(input.startsAt, locale), formatTime(lastEnd, locale));
    } else {
      this.#preview = undefined;
    }
    this.#host.requestUpdate();
  }

  async #published(slots: DutySlot[]): Promise<void> {
    emitFrom(this.#host, 'oz-slots-published', { slots });
    const first = slots[0];
    const last = slots[slots.length - 1];
    if (first && last) {
      this.#status.say(wordsOf(this.#host).doctorDesk.published(slots.length, this.#when({ startsAt: first.startsAt, endsAt: last.endsAt })));
    }
    this.#host.renderRoot.querySelector<HTMLFormElement>('form[part~="publish-form"]')?.reset();
    this.#preview = undefined;
    this.#lastInput = undefined;
    await this.#data.slots.run();
    // The new time is in the list now: take the doctor there.
    await focusAfterUpdate(this.#host, '#slots-title');
  }

  #startRemove(slot: DutySlot, trigger: HTMLElement): void {
    this.#remove.reset();
    // The button itself, not the focused element: some browsers do not focus a clicked button.
    void this.#removeDialog.show(slot, trigger);
  }

  /** The dialog's «Убрать»: a refusal keeps it open with the reason. */
  async #submitRemove(slot: DutySlot): Promise<void> {
    try {
      await submitOrStay(this.#remove, slot);
    } catch (error) {
      // Booked or removed meanwhile: the list behind the dialog must show that too.
      if (this.#remove.formError instanceof DutyProblem) void this.#data.refresh();
      // The confirm button was disabled while sending, which drops focus out of the modal dialog.
      void this.#host.updateComplete.then(() => this.#keepButton.value?.focus());
      throw error;
    }
  }

  #removed(slot: DutySlot): void {
    this.#status.say(wordsOf(this.#host).doctorDesk.removed(this.#when(slot)));
    void this.#data.slots.run();
  }
}
