/**
 * Picks the word form for a count: Russian has three (1 минуту, 2 минуты, 5 минут),
 * English two. `forms` are [one, few, many]; English uses only one and many.
 */
export function plural(lang: 'ru' | 'en', count: number, forms: readonly [string, string, string]): string {
  const category = new Intl.PluralRules(lang).select(count);
  if (category === 'one') return forms[0];
  if (category === 'few') return forms[1];
  return forms[2];
}
