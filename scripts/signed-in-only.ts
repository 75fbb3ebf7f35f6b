/**
 * Whether a module serves only what a signed-in person sees: a signed-in part of an element
 * (`*-signed-in.ts`, loaded when someone is signed in), or imported only by such modules. The build
 * (vite.config.ts) keeps these in a shared chunk of their own, so a visitor who is not signed in,
 * most visitors of a municipal site, never downloads them.
 */

/** What the bundler tells of a module (rolldown's ModuleInfo, the fields used here). */
export interface ImportFacts {
  readonly importers: readonly string[];
  readonly dynamicImporters: readonly string[];
}

const SIGNED_IN_PART = /-signed-in\.ts$/;

export function onlySignedIn(id: string, factsOf: (id: string) => ImportFacts | null, memo: Map<string, boolean>): boolean {
  const known = memo.get(id);
  if (known !== undefined) return known;
  memo.set(id, false); // an import cycle counts as public: a few bytes too many, never a module missing
  const facts = factsOf(id);
  const answer =
    SIGNED_IN_PART.test(id) ||
    (!!facts && facts.dynamicImporters.length === 0 && facts.importers.length > 0 && facts.importers.every((importer) => onlySignedIn(importer, factsOf, memo)));
  memo.set(id, answer);
  return answer;
}
