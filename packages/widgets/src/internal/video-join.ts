import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Consultation } from '@oz/contracts';
import { ROOM_CLOSES_MINUTES_AFTER, ROOM_OPENS_MINUTES_BEFORE } from '@oz/contracts/constants';
import type { Translation } from '../i18n/index.ts';
import { defineVideoRoom } from '../elements/oz-video-room/video-room-loader.ts';

const MINUTE = 60_000;
/** Often enough that the button appears within a minute of the room opening, rare enough to cost nothing. */
const TICK_MS = 30_000;

export type RoomState = 'not-yet' | 'open' | 'closed';

/** The server's rule (DESIGN.md §6): open from 15 minutes before the start to 60 after the planned end. */
export function roomState(consultation: Pick<Consultation, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()): RoomState {
  if (consultation.status !== 'scheduled' && consultation.status !== 'in_progress') return 'closed';
  if (now < Date.parse(consultation.startsAt) - ROOM_OPENS_MINUTES_BEFORE * MINUTE) return 'not-yet';
  if (now > Date.parse(consultation.endsAt) + ROOM_CLOSES_MINUTES_AFTER * MINUTE) return 'closed';
  return 'open';
}

interface JoinHost extends ReactiveControllerHost {
  readonly locale: string;
}

/**
 * "Join video" on a consultation card: a note until the room opens, then a button that opens
 * <oz-video-room> in place. Re-renders its host on a clock so the button appears by itself.
 */
export class VideoJoinController implements ReactiveController {
  #openId: string | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: JoinHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.host.requestUpdate(), TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }

  render(t: Translation, consultation: Consultation, api: string | undefined): TemplateResult | typeof nothing {
    const v = t.videoJoin;
    const state = roomState(consultation);
    if (state === 'closed') return nothing;
    if (state === 'not-yet') {
      const opensAt = new Date(Date.parse(consultation.startsAt) - ROOM_OPENS_MINUTES_BEFORE * MINUTE);
      const time = new Intl.DateTimeFormat(this.host.locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(opensAt);
      return html`<p part="join-note" class="join-note">${v.joinOpensAt(time)}</p>`;
    }
    const open = this.#openId === consultation.id;
    return html`
      <p part="join-note" class="join-note">${v.roomOpenNote}</p>
      <button
        type="button"
        part="button join-button ${open ? '' : 'primary'}"
        class=${open ? '' : 'primary'}
        aria-expanded=${open ? 'true' : 'false'}
        @click=${() => this.#toggle(consultation.id)}
      >
        ${open ? v.closeRoom : v.openRoom}
      </button>
      ${open ? html`<oz-video-room part="video-room" consultation=${consultation.id} api=${api ?? nothing} lang=${this.host.locale}></oz-video-room>` : nothing}
    `;
  }

  /** Whether this consultation's <oz-video-room> is open on its card. */
  isOpen(id: string): boolean {
    return this.#openId === id;
  }

  #toggle(id: string): void {
    this.#openId = this.#openId === id ? null : id;
    // The room's code comes only when a room is first opened; the tag upgrades when it arrives.
    if (this.#openId) {
      defineVideoRoom().catch((error: unknown) => console.error('Oblako Zdorovya: could not load <oz-video-room>', error));
    }
    this.host.requestUpdate();
  }
}
