import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestServer } from './helpers.ts';

/** The SMS the outbox adapter wrote (no gateway configured), oldest first. */
export async function outbox(server: TestServer) {
  const text = await readFile(join(server.dataDir, 'sms-outbox.jsonl'), 'utf8').catch(() => '');
  return text.trim() ? text.trim().split('\n').map((line) => JSON.parse(line) as { to: string; text: string; at: string }) : [];
}

/** The one-time password of the newest credentials SMS to `phone`. */
export async function smsPassword(server: TestServer, phone: string): Promise<string> {
  const messages = (await outbox(server)).filter((message) => message.to === phone);
  const text = messages.at(-1)?.text ?? '';
  const password = /пароль (\S+)$/.exec(text)?.[1];
  if (!password) throw new Error(`no credentials SMS to ${phone}`);
  return password;
}

/** An SMS code (registration, reset): not one of the notifications a test waits for. */
const isCodeSms = (text: string) => /^Облако здоровья: код \d{6} /.test(text);

/** The SMS to `phone` other than codes, waiting a little: notifications send theirs in the background. */
export async function waitForSms(server: TestServer, phone: string, count = 1): Promise<string[]> {
  for (let waited = 0; ; waited += 20) {
    const texts = (await outbox(server)).filter((message) => message.to === phone && !isCodeSms(message.text)).map((message) => message.text);
    if (texts.length >= count || waited >= 3000) return texts;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
