import type { Center } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';

/** The short name reads better than the official one with its «…» and ministry; English has its own. */
export const centerTitle = (center: Center, lang: Lang) => (lang === 'en' ? center.nameEn : center.shortName);

export interface CenterChoiceView {
  t: Translation;
  lang: Lang;
  centers: readonly Center[];
  /** Fixed by the page (`center` attribute): shown, not changeable. */
  preset: Center | undefined;
  selectedId: string | undefined;
  onChange: (centerId: Center['id']) => void;
}

/** The center whose duty doctors to show: fixed by the page, or native radios with what each center covers. */
export function centerChoice(view: CenterChoiceView): TemplateResult {
  const d = view.t.dutySchedule;
  if (view.preset) {
    return html`
      <p class="fixed-center" part="center-name">
        <span class="label">${d.centerLabel}:</span> ${centerTitle(view.preset, view.lang)}
      </p>
    `;
  }
  return html`
    <fieldset class="centers" part="field center-field">
      <legend part="label">${d.centerLabel}</legend>
      ${view.centers.map((center) => {
        const area = d.centerAreas[center.id];
        return html`
          <div class="radio-row">
            <input
              type="radio"
              part="radio"
              id=${`center-${center.id}`}
              name="centerId"
              value=${center.id}
              .checked=${view.selectedId === center.id}
              aria-describedby=${area ? `center-${center.id}-area` : nothing}
              @change=${() => view.onChange(center.id)}
            />
            <label for=${`center-${center.id}`}>
              <span class="center-title">${centerTitle(center, view.lang)}</span>
              ${area ? html`<span class="hint" id=${`center-${center.id}-area`}>${area}</span>` : nothing}
            </label>
          </div>
        `;
      })}
    </fieldset>
  `;
}
