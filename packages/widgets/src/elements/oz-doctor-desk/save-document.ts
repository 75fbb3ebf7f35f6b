import type { MedicalDocument } from '@oz/contracts';
import type { ApiClient } from '../../api/client.ts';

/** How long the file's object URL lives: the download starts asynchronously after the click. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a patient's document to the doctor's device. The content route needs the bearer token
 * in a header, so the file comes as a blob and leaves through an object URL: the token never
 * goes into an address where logs, history or the Referer could keep it.
 */
export async function saveDocument(client: ApiClient, document: MedicalDocument, signal?: AbortSignal): Promise<void> {
  const blob = await client.documentContent(document.id, signal);
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** "340 КБ", "2,4 МБ": sizes the way people read them. */
export function formatSize(
  bytes: number,
  locale: string,
  words: { kilobytes: (n: number) => string; megabytes: (n: string) => string },
): string {
  if (bytes < 1024 * 1024) return words.kilobytes(Math.max(1, Math.round(bytes / 1024)));
  const megabytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  return words.megabytes(megabytes);
}
