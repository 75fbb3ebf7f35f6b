export interface SmsMessage {
  /** +7XXXXXXXXXX */
  to: string;
  text: string;
}

/** Sends SMS. Adapters: an outbox file (default, DESIGN.md §6), an HTTP gateway (OZ_SMS_*). */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}
