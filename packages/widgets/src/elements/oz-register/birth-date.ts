/**
 * The birth date typed as дд.мм.гггг: a calendar picker makes 1948 a long way back, and a phone's
 * digit pad is what elderly people find easiest. The mask puts the dots in as they type.
 */

/** At most 8 digits as дд.мм.гггг, the dots added as soon as a digit follows them. */
export function maskBirthDate(typed: string): string {
  // A browser's autofill may bring an ISO date.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed.trim());
  const digits = iso ? `${iso[3]}${iso[2]}${iso[1]}` : typed.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
}

/** дд.мм.гггг → YYYY-MM-DD for the API; anything shorter goes as typed, so the check says it is incomplete. */
export function birthDateToIso(masked: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(masked.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : masked.trim();
}

/** Whether all eight digits were typed (then a `date_invalid` means no such day, not a short date). */
export function isCompleteBirthDate(masked: string): boolean {
  return /^\d{2}\.\d{2}\.\d{4}$/.test(masked.trim());
}

/**
 * Re-masks the input in place, keeping the caret after the same digit it followed, so typing or
 * deleting in the middle does not throw the caret to the end.
 */
export function onBirthDateInput(event: Event): void {
  const input = event.target as HTMLInputElement;
  const caret = input.selectionStart ?? input.value.length;
  const digitsBefore = input.value.slice(0, caret).replace(/\D/g, '').length;
  const masked = maskBirthDate(input.value);
  if (masked === input.value) return;
  input.value = masked;
  let position = 0;
  for (let seen = 0; position < masked.length && seen < digitsBefore; position += 1) {
    if (/\d/.test(masked[position]!)) seen += 1;
  }
  input.setSelectionRange(position, position);
}
