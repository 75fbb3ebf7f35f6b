/** What this project reads of a Custom Elements Manifest (schema 1.0, https://github.com/webcomponents/custom-elements-manifest). */
export interface ManifestItem {
  name: string;
  summary?: string;
  description?: string;
  type?: { text: string; references?: { name: string; module?: string; package?: string }[] };
  inheritedFrom?: { name: string; module?: string };
}

export interface ManifestMember extends ManifestItem {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  attribute?: string;
  reflects?: boolean;
}

export interface ManifestDeclaration {
  kind: 'class' | 'function' | 'mixin' | 'variable';
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: (ManifestItem & { fieldName?: string })[];
  members?: ManifestMember[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

export interface CustomElementsManifest {
  schemaVersion: string;
  modules: {
    kind: 'javascript-module';
    path: string;
    declarations?: ManifestDeclaration[];
    exports?: { kind: 'js' | 'custom-element-definition'; name: string; declaration: { name: string; module?: string; package?: string } }[];
  }[];
}

/** The widgets package folder: the manifest's paths are relative to it. */
export const WIDGETS_DIR: string;
export function makeCustomElementsManifest(): Promise<CustomElementsManifest>;
/** The npm package's copy: paths of the package's built files instead of the sources. */
export function forPackage(manifest: CustomElementsManifest): CustomElementsManifest;
