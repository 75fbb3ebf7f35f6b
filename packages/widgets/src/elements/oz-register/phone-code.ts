import type { PhoneCodeResponse } from '@oz/contracts';
import type { ReactiveController, ReactiveElement } from 'lit';
import { ApiError } from '../../api/errors.ts';

/** Where a code stands: the phone it went to, and when another may be asked for. */
export interface SentCode {
  phone: string;
  resendAfter: number;
  /** True when the API said a code went less than a minute ago (this page did not see it go). */
  alreadySent: boolean;
}

/**
 * One SMS-code step of <oz-register> (registration, forgotten password, confirming the phone):
 * what was sent, the resend countdown ticking once a second, and the resend itself.
 */
export class PhoneCodeController implements ReactiveController {
  sent: SentCode | undefined;
  resendPending = false;
  /** A failed resend, said under its button. */
  resendError: unknown = undefined;
  /** Set after a resend went, so the page says the old code is gone. */
  resent = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly request: (phone: string) => Promise<PhoneCodeResponse>,
    private readonly now: () => number = Date.now,
  ) {
    host.addController(this);
  }

  /** Whole seconds until a new code may be asked for; 0 when it may. */
  get secondsToResend(): number {
    return this.sent ? Math.max(0, Math.ceil((this.sent.resendAfter - this.now()) / 1000)) : 0;
  }

  /**
   * Asks for a code. A 429 for this phone means one went under a minute ago: the step goes on to
   * the code, with the wait as the countdown, rather than stopping a person who has the SMS.
   */
  async send(phone: string): Promise<void> {
    try {
      this.#accept(phone, Date.parse((await this.request(phone)).resendAfter), false);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rate_limited' && error.retryAfterSeconds) {
        this.#accept(phone, this.now() + error.retryAfterSeconds * 1000, true);
        return;
      }
      throw error;
    }
  }

  async resend(): Promise<void> {
    if (!this.sent || this.resendPending || this.secondsToResend > 0) return;
    this.resendPending = true;
    this.resendError = undefined;
    this.resent = false;
    this.host.requestUpdate();
    try {
      await this.send(this.sent.phone);
      this.resent = true;
    } catch (error) {
      this.resendError = error;
    } finally {
      this.resendPending = false;
      this.host.requestUpdate();
    }
  }

  clear(): void {
    this.sent = undefined;
    this.resendError = undefined;
    this.resent = false;
    this.#stop();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.sent) this.#tick();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #accept(phone: string, resendAfter: number, alreadySent: boolean): void {
    this.sent = { phone, resendAfter, alreadySent };
    this.#tick();
    this.host.requestUpdate();
  }

  /** Re-renders once a second while the countdown runs, then stops. */
  #tick(): void {
    this.#stop();
    this.#timer = setInterval(() => {
      this.host.requestUpdate();
      if (this.secondsToResend === 0) this.#stop();
    }, 1000);
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** 45 → «0:45», 75 → «1:15». */
export function countdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
