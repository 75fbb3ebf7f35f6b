import type { Lang } from './lang.ts';
import type { Translation } from './ru.ts';

type Sections = Partial<Translation>;

/**
 * One element's strings. Russian travels in the element's own chunk: nearly every page speaks it,
 * and a rural link should not pay another round trip for words. English comes in a chunk of its
 * own, fetched the first time an element on the page speaks English.
 */
export interface ElementStrings {
  readonly ru: Sections;
  readonly en: () => Promise<Sections>;
}

/** `en` is a lazy import of a module whose default export has the same sections as `ru`. */
export function defineStrings<S extends Sections>(ru: S, en: () => Promise<{ default: S }>): ElementStrings {
  return { ru, en: () => en().then((module) => module.default) };
}

const russian: Sections = {};
const english: Sections = {};
/** Russian with English on top: a section whose English could not be fetched is still readable. */
let englishView: Sections = {};
const inUse = new Set<ElementStrings>();
const englishState = new Map<ElementStrings, Promise<void> | 'loaded'>();

/** Makes an element's strings available (idempotent; elements call it when created). */
export function useStrings(strings: ElementStrings): void {
  if (inUse.has(strings)) return;
  inUse.add(strings);
  Object.assign(russian, strings.ru);
  englishView = { ...russian, ...english };
}

/**
 * The strings in `lang` of every element in use. Typed as the whole catalogue for brevity; an
 * element reads only the sections it declared (a missing one fails its tests at once).
 */
export function stringsFor(lang: Lang): Translation {
  return (lang === 'en' ? englishView : russian) as Translation;
}

/**
 * Resolves once every element in use has its strings in `lang`; undefined when they are already
 * here (always for Russian). Never rejects: when English cannot be fetched, Russian stands in
 * and the next render tries again.
 */
export function langReady(lang: Lang): Promise<void> | undefined {
  if (lang === 'ru') return undefined;
  const missing = [...inUse].filter((strings) => englishState.get(strings) !== 'loaded');
  return missing.length === 0 ? undefined : Promise.all(missing.map(loadEnglish)).then(() => undefined);
}

function loadEnglish(strings: ElementStrings): Promise<void> {
  const state = englishState.get(strings);
  if (state === 'loaded') return Promise.resolve();
  if (state) return state;
  const loading = strings.en().then(
    (sections) => {
      Object.assign(english, sections);
      englishView = { ...russian, ...english };
      englishState.set(strings, 'loaded');
    },
    (error: unknown) => {
      englishState.delete(strings);
      console.error('Oblako Zdorovya: could not load the English strings', error);
    },
  );
  englishState.set(strings, loading);
  return loading;
}
