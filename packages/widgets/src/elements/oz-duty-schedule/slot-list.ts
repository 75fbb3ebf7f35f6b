import type { DutySlot } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { slotKeyTarget } from './slot-grid-keys.ts';
import { clockTime, dayLabel, type SlotDay } from './slot-days.ts';

export interface SlotListView {
  t: Translation;
  lang: Lang;
  days: readonly SlotDay[];
  selectedId: string | undefined;
  /** The one time of a day that Tab reaches (roving tabindex); see `dayTabStop`. */
  tabStopOf: (day: SlotDay) => string | undefined;
  now: Date;
  onPick: (slot: DutySlot) => void;
  /** A time got the focus (a click, an arrow key, «Показать ещё»): it becomes its day's tab stop. */
  onFocusSlot: (day: SlotDay, slotId: string) => void;
  /** The booking panel, placed right under the chosen slot's day so nobody scrolls or tabs past every other day. */
  panel: TemplateResult | typeof nothing;
}

export const slotButtonId = (slot: DutySlot) => `slot-${slot.id}`;

const slotsOf = (day: SlotDay) => day.doctors.flatMap((doctor) => doctor.slots);

/**
 * The time of a day that Tab reaches: the one last focused there (`remembered`), else the chosen
 * one, else the first. Every other time of the day is reached with the arrow keys.
 */
export function dayTabStop(day: SlotDay, remembered: string | undefined, selectedId: string | undefined): string | undefined {
  const ids = slotsOf(day).map((slot) => slot.id);
  if (remembered && ids.includes(remembered)) return remembered;
  if (selectedId && ids.includes(selectedId)) return selectedId;
  return ids[0];
}

/**
 * Days as headings (a screen reader user jumps between them), and each day's times as a compact
 * grid of real toggle buttons that wraps into rows: aria-pressed says which one is chosen. A day
 * is one tab stop (45 times are not 45 presses of Tab); the arrow keys, Home and End move within it.
 */
export function slotList(view: SlotListView): TemplateResult {
  return html`
    <p id="slot-keys-hint" class="visually-hidden">${view.t.dutySchedule.keysHint}</p>
    <div class="days" part="days">
      ${repeat(
        view.days,
        (day) => day.key,
        (day) => {
          const dayId = `day-${day.key}`;
          const chosenHere = slotsOf(day).some((slot) => slot.id === view.selectedId);
          const tabStop = view.tabStopOf(day);
          return html`
            <section class="day" part="day" aria-labelledby=${dayId} data-day=${day.key}>
              <h3 id=${dayId} part="day-heading">${dayLabel(view.t, view.lang, day.date, view.now)}</h3>
              <div class="day-times" @keydown=${(event: KeyboardEvent) => onDayKey(event)}>
                ${day.doctors.map((doctor) => {
                  const doctorId = `${dayId}-doctor-${doctor.doctorId}`;
                  return html`
                    <p class="doctor" part="doctor" id=${doctorId}>${view.t.dutySchedule.dutyDoctor(doctor.doctorName)}</p>
                    <div class="times" part="times" role="group" aria-labelledby="${dayId} ${doctorId}" aria-describedby="slot-keys-hint">
                      ${repeat(doctor.slots, (slot) => slot.id, (slot) => slotButton(view, day, slot, slot.id === tabStop))}
                    </div>
                  `;
                })}
              </div>
              ${chosenHere ? view.panel : nothing}
            </section>
          `;
        },
      )}
    </div>
  `;
}

/** Arrow keys, Home and End within the day's times; everything else (Tab, Enter, Space) as usual. */
function onDayKey(event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const current = event.target as HTMLElement;
  if (!current.matches('button[part~="slot"]')) return;
  const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('button[part~="slot"]')];
  const target = slotKeyTarget(buttons, current, event.key);
  if (target === null) return; // Not one of our keys: leave it to the browser.
  // Ours even at the edge of the day: the page must not scroll under the person's finger.
  event.preventDefault();
  target?.focus();
}

function slotButton(view: SlotListView, day: SlotDay, slot: DutySlot, tabStop: boolean): TemplateResult {
  const chosen = slot.id === view.selectedId;
  return html`
    <button
      type="button"
      id=${slotButtonId(slot)}
      part=${chosen ? 'button slot slot-selected' : 'button slot'}
      class="slot"
      data-slot-id=${slot.id}
      tabindex=${tabStop ? '0' : '-1'}
      aria-pressed=${chosen ? 'true' : 'false'}
      @focus=${() => view.onFocusSlot(day, slot.id)}
      @click=${() => view.onPick(slot)}
    >
      ${clockTime(view.lang, slot.startsAt)}
    </button>
  `;
}
