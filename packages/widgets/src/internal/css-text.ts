/**
 * A style sheet's text for code that runs before Lit has arrived (the loader's placeholders), as a
 * tagged template so that the build minifies it as it does Lit's `css` (scripts/vite-minify-css.ts).
 */
export function cssText(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((text, part, index) => text + part + (index < values.length ? String(values[index]) : ''), '');
}
