import type { DutySlot } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { clockTime, dayLabel, type SlotDay } from './slot-days.ts';

export interface SlotListView {
  t: Translation;
  lang: Lang;
  days: readonly SlotDay[];
  selectedId: string | undefined;
  now: Date;
  onPick: (slot: DutySlot) => void;
  /** The booking panel, placed right under the chosen slot's day so nobody scrolls or tabs past every other day. */
  panel: TemplateResult | typeof nothing;
}

export const slotButtonId = (slot: DutySlot) => `slot-${slot.id}`;

/**
 * Days as headings (a screen reader user jumps between them), and each doctor's times as a group
 * of real toggle buttons: Tab and Enter work, and aria-pressed says which one is chosen.
 */
export function slotList(view: SlotListView): TemplateResult {
  return html`
    <div class="days" part="days">
      ${repeat(
        view.days,
        (day) => day.key,
        (day) => {
          const dayId = `day-${day.key}`;
          const chosenHere = day.doctors.some((doctor) => doctor.slots.some((slot) => slot.id === view.selectedId));
          return html`
            <section class="day" part="day" aria-labelledby=${dayId} data-day=${day.key}>
              <h3 id=${dayId} part="day-heading">${dayLabel(view.t, view.lang, day.date, view.now)}</h3>
              ${day.doctors.map((doctor) => {
                const doctorId = `${dayId}-doctor-${doctor.doctorId}`;
                return html`
                  <p class="doctor" part="doctor" id=${doctorId}>${view.t.dutySchedule.dutyDoctor(doctor.doctorName)}</p>
                  <div class="times" part="times" role="group" aria-labelledby="${dayId} ${doctorId}">
                    ${repeat(doctor.slots, (slot) => slot.id, (slot) => slotButton(view, slot))}
                  </div>
                `;
              })}
              ${chosenHere ? view.panel : nothing}
            </section>
          `;
        },
      )}
    </div>
  `;
}

function slotButton(view: SlotListView, slot: DutySlot): TemplateResult {
  const chosen = slot.id === view.selectedId;
  return html`
    <button
      type="button"
      id=${slotButtonId(slot)}
      part=${chosen ? 'button slot slot-selected' : 'button slot'}
      class="slot"
      data-slot-id=${slot.id}
      aria-pressed=${chosen ? 'true' : 'false'}
      @click=${() => view.onPick(slot)}
    >
      ${clockTime(view.lang, slot.startsAt)}
    </button>
  `;
}
