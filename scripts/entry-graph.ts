/**
 * Whether a module is part of oz.js itself: the entry, or imported statically by a module that is
 * (vite.config.ts keeps such modules out of the shared chunk, so the loader needs one file).
 */

/** What the bundler tells of a module (rolldown's ModuleInfo, the fields used here). */
export interface ModuleFacts {
  readonly isEntry: boolean;
  readonly importers: readonly string[];
}

export function inEntryGraph(id: string, factsOf: (id: string) => ModuleFacts | null, memo: Map<string, boolean>): boolean {
  const known = memo.get(id);
  if (known !== undefined) return known;
  memo.set(id, false); // an import cycle ends here
  const facts = factsOf(id);
  const answer = !!facts && (facts.isEntry || facts.importers.some((importer) => inEntryGraph(importer, factsOf, memo)));
  memo.set(id, answer);
  return answer;
}
