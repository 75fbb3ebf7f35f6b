import type { Application, Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import { callEndedMark, unreadOf } from './desk-call.ts';

/** The parts of one consultation; on a narrow desk each is a tab, on a wide one all are side by side. */
export const SCREEN_TABS = ['call', 'documents', 'chat', 'conclusion'] as const;
export type ScreenTab = (typeof SCREEN_TABS)[number];

export interface ConsultationScreenProps {
  t: Translation;
  consultation: Consultation;
  /** "Сегодня, 10:30–11:00" etc. */
  when: string;
  /** The tab shown on a narrow desk. */
  tab: ScreenTab;
  call: unknown;
  /**
   * The room is on: on a wide desk the call spans both columns, so it stays in the page (a room
   * narrower than 600 px goes full screen, and would hide the chat and the conclusion).
   */
  callLive: boolean;
  /** The application's facts (or the loading line), above the documents. */
  facts: unknown;
  documents: unknown;
  /** The consultation's <oz-chat>. */
  chat: unknown;
  conclusion: unknown;
  onBack: () => void;
  onTab: (tab: ScreenTab, focus: boolean) => void;
}

/**
 * One consultation on one screen: the call (or the button that starts it), the application with the
 * patient's documents, the chat and the conclusion. Side by side when the desk is wide (a container
 * query on the desk's own width, see the styles), tabs when it is narrow: the tabs are there in
 * both, only hidden on a wide desk where every part is on screen at once.
 */
export function renderConsultationScreen(props: ConsultationScreenProps): TemplateResult {
  const { t, consultation } = props;
  const desk = t.doctorDesk;
  const labels: Record<ScreenTab, string> = {
    call: desk.callTab,
    documents: desk.documentsTab,
    chat: desk.chatTab,
    conclusion: desk.conclusionTab,
  };
  const unread = unreadOf(consultation);
  const pane = (tab: ScreenTab, content: unknown, wide = false) => html`
    <div
      class="pane pane-${tab} ${props.tab === tab ? 'selected' : ''} ${wide ? 'pane-wide' : ''}"
      part="pane ${tab}-pane"
      id="pane-${tab}"
      role="tabpanel"
      aria-labelledby="tab-${tab}"
    >
      ${content}
    </div>
  `;
  return html`
    <button type="button" class="back" part="button back-button" @click=${props.onBack}>
      <span aria-hidden="true">← </span>${desk.backToConsultations}
    </button>
    <article class="screen" part="consultation-details" aria-labelledby="consultation-title">
      <h3 id="consultation-title" tabindex="-1" data-focus-target>${desk.consultationTitle(consultation.patientName)}</h3>
      <p class="meta">
        ${props.when} · ${t.domain.consultationKinds[consultation.kind]} · ${t.domain.consultationStatuses[consultation.status]}
      </p>
      ${consultation.topic
        ? html`<p class="topic" part="topic"><strong>${desk.topic}:</strong> <span class="pre">${consultation.topic}</span></p>`
        : nothing}
      ${callEndedMark(t, consultation)}
      <div class="screen-tabs" part="screen-tabs" role="tablist" aria-label=${desk.screenPartsLabel} @keydown=${(event: KeyboardEvent) => onTabKey(event, props)}>
        ${SCREEN_TABS.map(
          (tab) => html`
            <button
              type="button"
              role="tab"
              class="screen-tab"
              part="button screen-tab"
              id="tab-${tab}"
              aria-controls="pane-${tab}"
              aria-selected=${props.tab === tab ? 'true' : 'false'}
              tabindex=${props.tab === tab ? '0' : '-1'}
              aria-label=${tab === 'chat' && unread > 0 ? `${labels[tab]}, ${desk.unreadShort(unread)}` : nothing}
              @click=${() => props.onTab(tab, false)}
            >
              ${labels[tab]}${tab === 'chat' && unread > 0
                ? html` <span class="count" part="count" aria-hidden="true">${desk.unreadShort(unread)}</span>`
                : nothing}
            </button>
          `,
        )}
      </div>
      <div class="screen-grid">
        ${props.callLive ? pane('call', props.call, true) : nothing}
        <div class="screen-column">
          ${props.callLive ? nothing : pane('call', props.call)} ${pane('documents', html`${props.facts}${props.documents}`)}
        </div>
        <div class="screen-column">
          ${pane('conclusion', props.conclusion)}
          ${pane('chat', html`<div class="chat" part="chat">${props.chat}</div>`)}
        </div>
      </div>
    </article>
  `;
}

/** Arrow keys, Home and End move between the tabs and show the one reached (WAI-ARIA tabs). */
function onTabKey(event: KeyboardEvent, props: ConsultationScreenProps): void {
  const index = SCREEN_TABS.indexOf(props.tab);
  const last = SCREEN_TABS.length - 1;
  const next =
    event.key === 'ArrowRight' ? (index + 1) % SCREEN_TABS.length
    : event.key === 'ArrowLeft' ? (index + last) % SCREEN_TABS.length
    : event.key === 'Home' ? 0
    : event.key === 'End' ? last
    : -1;
  if (next < 0) return;
  event.preventDefault();
  props.onTab(SCREEN_TABS[next]!, true);
}

export interface FactsProps {
  t: Translation;
  consultation: Consultation;
  application: Application | null;
  diseaseName: (id: string) => string;
}

/**
 * What the patient wrote in the application: its disease, diagnosis and complaints. A duty booking
 * has none (its question is under the screen's title).
 */
export function renderFacts({ t, consultation, application, diseaseName }: FactsProps): TemplateResult | typeof nothing {
  const desk = t.doctorDesk;
  if (!application) return consultation.kind === 'duty' ? html`<p class="note">${desk.noApplication}</p>` : nothing;
  const fact = (term: string, value: unknown, part: string) =>
    html`<div class="fact" part="fact ${part}"><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`
    <section class="facts-section" aria-labelledby="facts-title">
      <h4 id="facts-title">${desk.applicationTitle(application.patient.fullName)}</h4>
      <dl class="facts" part="facts">
        ${application.disease ? fact(desk.disease, diseaseName(application.disease), 'disease') : nothing}
        ${fact(desk.diagnosis, application.diagnosis, 'diagnosis')}
        ${fact(desk.complaints, html`<span class="pre">${application.complaints}</span>`, 'complaints')}
      </dl>
    </section>
  `;
}
