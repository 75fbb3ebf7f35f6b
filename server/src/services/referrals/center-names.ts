import type { CenterId } from '@oz/contracts';

/**
 * People write the center as they know it: «bakulev», «НМИЦ ССХ им. Бакулева», «Бакулева»,
 * «НМИЦ АГП им. Кулакова», «Кулакова». The surname (or the center's abbreviation) decides.
 */
const PATTERNS: [RegExp, CenterId][] = [
  [/bakulev|бакулев|ссх/, 'bakulev'],
  [/kulakov|кулаков|агп/, 'kulakov'],
];

export function centerFromText(text: string): CenterId | null {
  const normalized = text.toLowerCase().replace(/ё/g, 'е');
  if (!normalized.trim()) return null;
  const matches = PATTERNS.filter(([pattern]) => pattern.test(normalized)).map(([, id]) => id);
  return matches.length === 1 ? matches[0]! : null;
}
