// The Custom Elements Manifest (custom-elements.json) of the widgets, made from the elements' JSDoc
// and their Lit `@property` declarations by @custom-elements-manifest/analyzer. Editors and docs
// read it; `vite build` writes it (scripts/vite-custom-elements-manifest.ts), and so does
// `npx cem analyze` run in this folder. Paths below are relative to this folder.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export default {
  // Each element's public class, its base (inherited `lang` and `api`) and the module that
  // registers the tags (`OzStaff.define('oz-staff')`: see ozDefineCalls).
  globs: ['src/elements/*/oz-*.ts', 'src/internal/oz-element.ts', 'src/index.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // The package's "customElements" field is written by hand: the analyzer would rewrite package.json.
  packagejson: false,
  plugins: [ozDefineCalls(), ozEventTypes(), ozLiteralAliases(), ozPublicApiOnly()],
};

/**
 * Our elements register through the base class's guarded `define()` (`OzStaff.define('oz-staff')`
 * in index.ts), which the analyzer does not know as it knows `customElements.define()`: each such
 * call becomes the element's custom-element-definition, and so its `tagName`.
 */
function ozDefineCalls() {
  return {
    name: 'oz-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const { expression: target, name } = node.expression;
      const [tag] = node.arguments;
      if (name.text !== 'define' || !ts.isIdentifier(target) || !tag || !ts.isStringLiteral(tag) || !tag.text.startsWith('oz-')) return;
      const module = importedFrom(ts, node.getSourceFile(), target.text, moduleDoc.path);
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: target.text, module } });
    },
  };
}

/** The module path (as the manifest writes paths) that `name` is imported from in `source`. */
function importedFrom(ts, source, name, modulePath) {
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const named = statement.importClause?.namedBindings;
    if (named && ts.isNamedImports(named) && named.elements.some((element) => element.name.text === name)) {
      return posix.join(posix.dirname(modulePath), statement.moduleSpecifier.text);
    }
  }
  return modulePath;
}

/**
 * Each `oz-…` event's type, with its `detail`, from src/events/: the same declarations in
 * GlobalEventHandlersEventMap that type the elements' `emit()`, so the manifest cannot drift from
 * them. The JSDoc `@event` line gives the name and the description.
 */
function ozEventTypes() {
  /** Event name → its type (`CustomEvent<{…}>`) and the named types its text refers to. */
  const types = new Map();
  return {
    name: 'oz-event-types',
    initialize({ ts }) {
      const dir = join(here, 'src/events');
      for (const file of readdirSync(dir).filter((name) => name.startsWith('oz-') && name.endsWith('.ts'))) {
        const modulePath = `src/events/${file}`;
        const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
        const aliases = new Map();
        const imports = new Map();
        const mapped = [];
        const visit = (node) => {
          if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
          if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
            const named = node.importClause?.namedBindings;
            if (named && ts.isNamedImports(named)) for (const element of named.elements) imports.set(element.name.text, node.moduleSpecifier.text);
          }
          if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
            for (const member of node.members) {
              if (ts.isPropertySignature(member) && member.type && ts.isTypeReferenceNode(member.type) && ts.isStringLiteral(member.name)) {
                mapped.push([member.name.text, member.type.typeName.getText(source)]);
              }
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
        for (const [eventName, aliasName] of mapped) {
          const typeNode = aliases.get(aliasName);
          if (!typeNode) continue;
          const text = typeNode.getText(source).replace(/\s+/g, ' ');
          const references = [];
          const seen = new Set();
          const collect = (node) => {
            if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
              const referenced = node.typeName.text;
              const specifier = imports.get(referenced);
              const where = specifier
                ? specifier.startsWith('.')
                  ? { module: posix.join('src/events', specifier) }
                  : { package: specifier }
                : aliases.has(referenced)
                  ? { module: modulePath }
                  : undefined;
              if (where && !seen.has(referenced)) {
                seen.add(referenced);
                references.push({ name: referenced, ...where });
              }
            }
            ts.forEachChild(node, collect);
          };
          collect(typeNode);
          types.set(eventName, { text, references });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        // `emit(name, …)` of the base class reads as an event called "name": only `oz-…` events are ours.
        declaration.events = (declaration.events ?? []).filter((event) => event.name?.startsWith('oz-'));
        for (const event of declaration.events) {
          const type = types.get(event.name);
          if (!type) continue;
          event.type = { text: type.text, ...(type.references.length > 0 ? { references: type.references } : {}) };
        }
      }
    },
  };
}

/**
 * A property typed by a local alias of string literals (`type Mode = 'sign-in' | 'register'`) gets
 * the literals themselves in the manifest (`'sign-in' | 'register'`), so tools such as the embed
 * configurator (examples/configurator.html) can offer the values without reading the source.
 */
function ozLiteralAliases() {
  /** Module path → alias name → its literals as TypeScript writes them. */
  const aliases = new Map();
  return {
    name: 'oz-literal-aliases',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const literals = node.type.types.every((type) => ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal));
      if (!literals) return;
      const text = node.type.types.map((type) => `'${type.literal.text}'`).join(' | ');
      if (!aliases.has(moduleDoc.path)) aliases.set(moduleDoc.path, new Map());
      aliases.get(moduleDoc.path).set(node.name.text, text);
    },
    moduleLinkPhase({ moduleDoc }) {
      const known = aliases.get(moduleDoc.path);
      if (!known) return;
      const spelled = (type) => {
        const parts = type?.text?.split('|').map((part) => part.trim());
        if (!parts?.some((part) => known.has(part))) return;
        type.text = parts.map((part) => known.get(part) ?? part).join(' | ');
      };
      for (const declaration of moduleDoc.declarations ?? []) {
        for (const member of declaration.members ?? []) spelled(member.type);
        for (const attribute of declaration.attributes ?? []) spelled(attribute.type);
      }
    },
  };
}

/** Static members every element has for the base class's own use (its strings, the password gate). */
const BASE_PLUMBING = new Set(['strings', 'usableBeforePasswordChange']);

/**
 * What a page or a subclass outside the package may use, and nothing else: private and protected
 * members are implementation. The base class is no element of its own (it has no tag), and the
 * `customElements.define(tag, this)` inside its `define()` defines no tag of its own either.
 */
function ozPublicApiOnly() {
  return {
    name: 'oz-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      // The files are found in no fixed order: sorted, every build writes the same manifest.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const module of customElementsManifest.modules) {
        module.exports = (module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || e.name.startsWith('oz-'));
        const exported = new Set(module.exports.map((e) => e.declaration?.name));
        module.declarations = (module.declarations ?? []).filter((declaration) => exported.has(declaration.name));
      }
      for (const declaration of classes(customElementsManifest)) {
        if (declaration.members) {
          declaration.members = declaration.members.filter(
            (member) =>
              !member.name.startsWith('#') &&
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !(member.static && BASE_PLUMBING.has(member.name)),
          );
        }
        if (!declaration.tagName) delete declaration.customElement;
      }
    },
  };
}

function classes(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.kind === 'class');
}
