import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeCustomElementsManifest, WIDGETS_DIR, type CustomElementsManifest, type ManifestDeclaration } from './custom-elements-manifest.mjs';

// The manifest against the source, read here independently of the analyzer: the tags the bundle
// registers, each element's Lit properties, the events its code dispatches, the parts its templates
// carry and the `--oz-*` properties its styles read. Something public that is missing from the
// manifest is missing from the element's JSDoc (or from its `@property` declaration).

const SRC = join(WIDGETS_DIR, 'src');

const read = (path: string): string => readFileSync(path, 'utf8');

/** The element's own code: every module of its folder but the tests. */
function elementSources(tag: string): string[] {
  const dir = join(SRC, 'elements', tag);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => read(join(dir, name)));
}

/** Tags in `'oz-…': () => import(…)` of the loaders the script tag uses, and `X.define('oz-…')` of index.ts. */
function registeredTags(): { loaders: string[]; defined: string[] } {
  const loaders = read(join(SRC, 'element-loaders.ts'));
  const block = loaders.slice(loaders.indexOf('ELEMENT_LOADERS'), loaders.indexOf('ENGLISH_LOADERS'));
  return {
    loaders: [...block.matchAll(/^\s*'(oz-[a-z-]+)':/gm)].map((m) => m[1]!),
    defined: [...read(join(SRC, 'index.ts')).matchAll(/\.define\('(oz-[a-z-]+)'\)/g)].map((m) => m[1]!),
  };
}

interface LitProperty {
  field: string;
  attribute: string | undefined;
  reflects: boolean;
}

/** `@property({...}) name` declarations: the attribute Lit gives each (lower-cased name unless named or turned off). */
function litProperties(source: string): LitProperty[] {
  return [...source.matchAll(/@property\(([^)]*)\)\s*(?:(?:override|readonly|declare|accessor)\s+)*(\w+)/g)].map((m) => {
    const options = m[1]!;
    const field = m[2]!;
    const named = /attribute:\s*'([^']+)'/.exec(options)?.[1];
    const off = /attribute:\s*false/.test(options);
    return { field, attribute: off ? undefined : (named ?? field.toLowerCase()), reflects: /reflect:\s*true/.test(options) };
  });
}

/** Events the element's code dispatches: `emit('oz-…'`, `emitFrom(host, 'oz-…'`, `new CustomEvent('oz-…'`. */
function dispatchedEvents(sources: string[]): Set<string> {
  const events = new Set<string>();
  for (const source of sources) {
    for (const m of source.matchAll(/(?:\bemit|\bemitFrom|new CustomEvent)\(\s*(?:[\w.#]+,\s*)?'(oz-[a-z-]+)'/g)) events.add(m[1]!);
  }
  return events;
}

/**
 * Part names in the templates: the words of `part="…"` and the quoted words inside a `${…}` in it
 * or in `part=${…}`. A name made at run time (`${name}-field`) cannot be read here and is skipped.
 */
function templateParts(sources: string[]): Set<string> {
  const parts = new Set<string>();
  const quoted = (expression: string) => [...expression.matchAll(/'([^'$]*)'/g)].flatMap((m) => m[1]!.split(/\s+/));
  for (const source of sources) {
    for (const m of source.matchAll(/\bpart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
      const words =
        m[1] !== undefined
          ? m[1]
              // A `${…}` standing alone gives its quoted words; one glued to text makes a name at run time.
              .replace(/\$\{([^}]*)\}/g, (whole: string, expression: string, at: number, text: string) =>
                /\S/.test(text[at - 1] ?? ' ') || /\S/.test(text[at + whole.length] ?? ' ') ? '\u0000' : ` ${quoted(expression).join(' ')} `,
              )
              .split(/\s+/)
              .filter((word) => !word.includes('\u0000'))
          : quoted(m[2]!);
      for (const word of words) if (word) parts.add(word);
    }
  }
  return parts;
}

/** Every `--oz-*` property a style reads (`var(--oz-…`). */
function cssCustomProperties(sources: string[]): Set<string> {
  return new Set(sources.flatMap((source) => [...source.matchAll(/var\((--oz-[a-z0-9-]+)/g)].map((m) => m[1]!)));
}

function names(items: readonly { name: string }[] | undefined): Set<string> {
  return new Set((items ?? []).map((item) => item.name));
}

function missing(expected: Iterable<string>, present: Set<string>): string[] {
  return [...expected].filter((name) => !present.has(name)).sort();
}

describe('custom-elements.json', () => {
  let manifest: CustomElementsManifest;
  const elements = new Map<string, ManifestDeclaration>();

  before(async () => {
    manifest = await makeCustomElementsManifest();
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) elements.set(declaration.tagName, declaration);
      }
    }
  });

  it('lists every element the bundle registers, by its tag', () => {
    const { loaders, defined } = registeredTags();
    assert.ok(loaders.length >= 12, `the loaders were read: ${loaders.join(', ')}`);
    assert.deepEqual([...new Set(defined)].sort(), [...loaders].sort(), 'index.ts defines the tags oz.js loads');
    assert.deepEqual([...elements.keys()].sort(), [...loaders].sort());
    for (const [tag, element] of elements) {
      assert.ok(element.customElement, `${tag} is marked a custom element`);
      assert.ok(element.summary, `${tag} has a @summary`);
    }
  });

  it('has each Lit property with its attribute (and whether it reflects), inherited ones included', () => {
    const inherited = litProperties(read(join(SRC, 'internal', 'oz-element.ts')));
    assert.deepEqual(inherited.map((property) => property.attribute), ['lang', 'api']);
    for (const [tag, element] of elements) {
      const declared = [...inherited, ...litProperties(read(join(SRC, 'elements', tag, `${tag}.ts`)))];
      const attributes = names(element.attributes);
      assert.deepEqual(missing(declared.flatMap((p) => p.attribute ?? []), attributes), [], `attributes of ${tag} missing from the manifest`);
      for (const property of declared) {
        const member = element.members?.find((m) => m.name === property.field);
        assert.ok(member && member.kind === 'field', `${tag}: property ${property.field} is in the manifest`);
        assert.equal(member.attribute, property.attribute, `${tag}: ${property.field}'s attribute`);
        assert.equal(Boolean(member.reflects), property.reflects, `${tag}: whether ${property.field} reflects`);
        const attribute = element.attributes?.find((a) => a.name === property.attribute);
        if (attribute) assert.ok(attribute.description, `${tag}: attribute ${attribute.name} is described (JSDoc on the property)`);
      }
    }
  });

  it('has each event the element dispatches, with its detail type from src/events/', () => {
    for (const [tag, element] of elements) {
      const events = names(element.events);
      assert.deepEqual(missing(dispatchedEvents(elementSources(tag)), events), [], `events of ${tag} missing from its JSDoc (@event)`);
      for (const event of element.events ?? []) {
        assert.match(event.name, /^oz-[a-z-]+$/, `${tag}: event names are oz-…`);
        assert.ok(event.description, `${tag}: ${event.name} is described`);
        assert.match(event.type?.text ?? '', /^CustomEvent<.+>$/, `${tag}: ${event.name} has its detail type`);
        assert.ok(read(join(SRC, 'events', `${event.name}.ts`)).includes(`'${event.name}':`), `${event.name} is declared in src/events/`);
      }
    }
  });

  it('has each part the element\'s templates carry', () => {
    const undocumented: Record<string, string[]> = {};
    for (const [tag, element] of elements) {
      const parts = names(element.cssParts);
      assert.ok(parts.has('base'), `${tag} documents part "base"`);
      const absent = missing(templateParts(elementSources(tag)), parts);
      if (absent.length > 0) undocumented[tag] = absent;
      for (const part of element.cssParts ?? []) assert.ok(part.description, `${tag}: part ${part.name} is described`);
    }
    assert.deepEqual(undocumented, {}, 'parts missing from the elements\' JSDoc (@csspart)');
  });

  it('has each --oz-* property the element reads, the shared theme properties included', () => {
    const shared = cssCustomProperties([read(join(SRC, 'styles', 'tokens.ts'))]);
    assert.ok(shared.size >= 10, 'the theme properties were read from styles/tokens.ts');
    for (const [tag, element] of elements) {
      const properties = names(element.cssProperties);
      const read = [...shared, ...cssCustomProperties(elementSources(tag))];
      assert.deepEqual(missing(read, properties), [], `--oz-* properties of ${tag} missing from its JSDoc (@cssproperty)`);
      for (const name of properties) assert.match(name, /^--oz-[a-z0-9-]+$/, `${tag}: ${name}`);
    }
  });

  it('has each slot the element renders', () => {
    for (const [tag, element] of elements) {
      const slots = new Set(elementSources(tag).flatMap((source) => [...source.matchAll(/<slot(?:\s+name="([^"]+)")?/g)].map((m) => m[1] ?? '')));
      assert.deepEqual(missing(slots, names(element.slots)), [], `slots of ${tag} missing from its JSDoc (@slot)`);
    }
  });

  it('writes out the values of an attribute that takes a few words, so tools can offer them (the configurator does)', () => {
    const type = (tag: string, name: string) => elements.get(tag)?.attributes?.find((attribute) => attribute.name === name)?.type?.text;
    assert.equal(type('oz-register', 'mode'), "'sign-in' | 'register'");
    for (const [tag, element] of elements) {
      for (const attribute of element.attributes ?? []) {
        assert.doesNotMatch(attribute.type?.text ?? '', /^[A-Z]\w*$/, `${tag}'s ${attribute.name} is typed by a name (${attribute.type?.text}) a tool cannot see into`);
      }
    }
  });
});
