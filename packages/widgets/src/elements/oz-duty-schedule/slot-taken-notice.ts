import type { DutySlot } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';
import { clockTime, dayLabel } from './slot-days.ts';

/** Why the chosen time went away: the API refused the booking, or a refresh no longer lists it. */
export type LostReason = 'taken' | 'gone';

export interface SlotTakenView {
  t: Translation;
  lang: Lang;
  reason: LostReason;
  /** The closest free times, or undefined while the list reloads. */
  nearest: readonly DutySlot[] | undefined;
  now: Date;
  onPick: (slot: DutySlot) => void;
}

/** Said plainly, with the nearest free times as one-tap choices so nobody starts over. */
export function slotTakenNotice(view: SlotTakenView): TemplateResult {
  const d = view.t.dutySchedule;
  return html`
    <section class="taken" part="slot-taken" aria-labelledby="taken-title">
      <div role="alert">
        <h3 id="taken-title" tabindex="-1">${d.slotTakenTitle}</h3>
        <p>${view.reason === 'taken' ? d.slotTaken : d.slotGone}</p>
      </div>
      ${view.nearest === undefined ? html`<p class="muted" role="status">${d.loading}</p>` : nearestChoices(view, view.nearest)}
    </section>
  `;
}

function nearestChoices(view: SlotTakenView, nearest: readonly DutySlot[]): TemplateResult {
  const d = view.t.dutySchedule;
  if (nearest.length === 0) return html`<p>${d.noneNear}</p>`;
  return html`
    <p id="nearest-title">${d.nearestTitle}</p>
    <ul class="nearest" part="nearest" aria-labelledby="nearest-title">
      ${nearest.map(
        (slot) => html`
          <li>
            <button type="button" part="button nearest-slot" data-slot-id=${slot.id} @click=${() => view.onPick(slot)}>
              <span class="when">${d.dayAndTime(dayLabel(view.t, view.lang, new Date(slot.startsAt), view.now), clockTime(view.lang, slot.startsAt))}</span>
              <span class="who">${d.dutyDoctor(slot.doctorName)}</span>
            </button>
          </li>
        `,
      )}
    </ul>
  `;
}
