/** The languages the widgets speak; Russian is the default. */
export type Lang = 'ru' | 'en';

/** Reads a language tag ("en", "en-GB", "RU") as one we support, or undefined. */
export function toLang(value: string | null | undefined): Lang | undefined {
  const primary = value?.trim().toLowerCase().split('-')[0];
  return primary === 'ru' || primary === 'en' ? primary : undefined;
}
