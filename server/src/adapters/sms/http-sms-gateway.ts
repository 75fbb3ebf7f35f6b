import type { SmsSender } from '../../ports/sms-sender.ts';

export interface HttpSmsGatewayOptions {
  url: string;
  token?: string | undefined;
  sender?: string | undefined;
  timeoutMs?: number;
}

/**
 * A plain HTTP SMS gateway: POST JSON `{to, text, sender?}` with a bearer token; any 2xx is sent.
 * Most Russian SMS aggregators offer such an endpoint (or a thin proxy in front of theirs).
 */
export function httpSmsGateway({ url, token, sender, timeoutMs = 10_000 }: HttpSmsGatewayOptions): SmsSender {
  return {
    async send({ to, text }) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to, text, ...(sender ? { sender } : {}) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The message text holds a password: never put it, or the response body, into an error.
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}
