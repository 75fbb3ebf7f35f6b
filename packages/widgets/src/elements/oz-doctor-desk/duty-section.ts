import type { DutySlot } from '@oz/contracts';
import { html } from 'lit';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeFieldError } from '../../internal/describe-error.ts';
import type { DeskContext } from './desk-context.ts';
import { renderLoad } from './desk-parts.ts';
import { describeDeskError } from './desk-problems.ts';
import { formatDate, formatTime } from './desk-time.ts';
import { DutyProblem, publishForm, readPublish, removeSlotForm, slotCount, type PublishInput } from './duty-forms.ts';
import { renderPublishForm, renderSlotList } from './duty-view.ts';
import { renderRemoveSlotDialog } from './remove-slot-dialog.ts';

const MINUTE = 60_000;
/** The API's limit per publish (MAX_SLOTS_PER_PUBLISH), used only if its error carries none. */
const FALLBACK_MAX_SLOTS = 48;

/** «Дежурства»: a duty doctor opens time for booking, sees it by day, and removes free slots. */
export class DutySection {
  #removing: DutySlot | null = null;
  #removeInvoker: HTMLElement | null = null;
  #removeDone = false;
  #preview: string | undefined;
  /** What was last submitted, to word an `endsAt` error (end before start, or too short). */
  #lastInput: PublishInput | undefined;

  readonly #ctx: DeskContext;
  readonly #publish;
  readonly #remove;

  constructor(ctx: DeskContext) {
    this.#ctx = ctx;
    this.#publish = publishForm(ctx, (slots) => this.#published(slots));
    this.#remove = removeSlotForm(ctx, (slot) => this.#removed(slot));
  }

  /** Forgets everything of the previous doctor. */
  reset(): void {
    this.#removing = null;
    this.#dialog()?.close();
    this.#preview = undefined;
    this.#lastInput = undefined;
    this.#publish.reset();
    this.#remove.reset();
  }

  render(now: number): unknown {
    const ctx = this.#ctx;
    const t = ctx.t();
    const locale = ctx.locale();
    const desk = t.doctorDesk;
    const removing = this.#removing;
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
      ${renderLoad(ctx.data.slots, {
        complete: () =>
          renderSlotList({
            t,
            locale,
            now,
            slots: ctx.data.slotList.items,
            more: ctx.data.slotList.hasMore,
            end: ctx.data.slotList.renderMore({ t, listName: desk.slotsTitle }),
            consultations: ctx.data.consultations.value ? ctx.data.consultationList.items : undefined,
            onRemove: (slot, trigger) => void this.#startRemove(slot, trigger),
            onOpenConsultation: (consultation) => ctx.showConsultation(consultation),
          }),
        loadingText: desk.loading,
        describe: (error) => describeDeskError(t, error),
        retryText: desk.retry,
        onRetry: () => void ctx.data.slots.run(),
      })}
      ${renderRemoveSlotDialog({
        t,
        slot: removing,
        when: removing ? this.#when(removing) : '',
        form: this.#remove,
        formText: this.#formText(t, this.#remove),
        onSubmit: (event) => {
          event.preventDefault();
          if (removing) void this.#submitRemove(removing);
        },
        onKeep: () => this.#dialog()?.close(),
        onClose: () => this.#dialogClosed(),
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
      if (error.code === 'too_long') return desk.periodTooLong(error.limit ?? FALLBACK_MAX_SLOTS);
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
    const locale = this.#ctx.locale();
    const desk = this.#ctx.t().doctorDesk;
    return desk.timeRange(formatDate(period.startsAt, locale), formatTime(period.startsAt, locale), formatTime(period.endsAt, locale));
  }

  /** Says how many consultations the period makes, before anything is sent. */
  #updatePreview(form: HTMLFormElement): void {
    const input = readPublish(form);
    const count = slotCount(input);
    const desk = this.#ctx.t().doctorDesk;
    const locale = this.#ctx.locale();
    if (count > 0) {
      const lastEnd = new Date(Date.parse(input.startsAt) + count * input.durationMinutes * MINUTE).toISOString();
      const length = desk.minutes(input.durationMinutes);
      this.#preview = desk.publishPreview(count, length, formatTime(input.startsAt, locale), formatTime(lastEnd, locale));
    } else {
      this.#preview = undefined;
    }
    this.#ctx.host.requestUpdate();
  }

  async #published(slots: DutySlot[]): Promise<void> {
    const ctx = this.#ctx;
    ctx.emit('oz-slots-published', { slots });
    const first = slots[0];
    const last = slots[slots.length - 1];
    if (first && last) ctx.announce(ctx.t().doctorDesk.published(slots.length, this.#when({ startsAt: first.startsAt, endsAt: last.endsAt })));
    ctx.host.renderRoot.querySelector<HTMLFormElement>('form[part~="publish-form"]')?.reset();
    this.#preview = undefined;
    this.#lastInput = undefined;
    await ctx.data.slots.run();
    // The new time is in the list now: take the doctor there.
    await ctx.focus('#slots-title');
  }

  async #startRemove(slot: DutySlot, trigger: HTMLElement): Promise<void> {
    // The button itself, not the focused element: some browsers do not focus a clicked button.
    this.#removeInvoker = trigger;
    this.#removeDone = false;
    this.#remove.reset();
    this.#removing = slot;
    this.#ctx.host.requestUpdate();
    await this.#ctx.host.updateComplete;
    this.#dialog()?.showModal();
  }

  async #submitRemove(slot: DutySlot): Promise<void> {
    await this.#remove.submit(slot);
    if (this.#remove.formError === undefined) return;
    // Booked or removed meanwhile: the list behind the dialog must show that too.
    if (this.#remove.formError instanceof DutyProblem) void this.#ctx.data.refresh();
    await this.#ctx.host.updateComplete;
    // The confirm button was disabled while sending, which drops focus out of the modal dialog.
    this.#dialog()?.querySelector<HTMLElement>('[part~="keep-slot-button"]')?.focus();
  }

  #removed(slot: DutySlot): void {
    this.#ctx.announce(this.#ctx.t().doctorDesk.removed(this.#when(slot)));
    this.#removeDone = true;
    this.#dialog()?.close();
    void this.#ctx.data.slots.run();
  }

  /** Escape, «Не убирать» or a done removal: focus goes back where the doctor was. */
  #dialogClosed(): void {
    this.#removing = null;
    this.#ctx.host.requestUpdate();
    const invoker = this.#removeInvoker;
    this.#removeInvoker = null;
    if (this.#removeDone || !invoker?.isConnected) void this.#ctx.focus('#slots-title', '[data-focus-target]');
    else invoker.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return this.#ctx.host.renderRoot.querySelector('dialog.remove-slot-dialog');
  }
}
