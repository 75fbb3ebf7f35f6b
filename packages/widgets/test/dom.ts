/** Small readers and writers for an element's shadow DOM, so tests act as a person would. */

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no open shadow root`);
  return el.shadowRoot;
}

export function query<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`${el.localName}: nothing matches ${selector}`);
  return found;
}

export function field(el: Element, name: string): HTMLInputElement {
  return query<HTMLInputElement>(el, `[name="${name}"]`);
}

/** Types into fields by name (checkboxes take booleans), firing input and change like a user. */
export function fill(el: Element, values: Record<string, string | boolean>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = field(el, name);
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

export function submitButton(el: Element): HTMLButtonElement {
  return query<HTMLButtonElement>(el, 'button[type="submit"]');
}

export function buttonPart(el: Element, part: string): HTMLButtonElement {
  return query<HTMLButtonElement>(el, `button[part~="${part}"]`);
}

/** The error text a screen reader hears for a field: the error element its aria-describedby names. */
export function fieldErrorText(el: Element, name: string): string | undefined {
  const input = field(el, name);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const errors = ids
    .map((id) => shadow(el).getElementById(id))
    .filter((node): node is HTMLElement => node?.getAttribute('part')?.includes('field-error') ?? false);
  return errors[0]?.textContent?.trim();
}

export function alertText(el: Element): string {
  return query(el, '[role="alert"]').textContent?.trim() ?? '';
}

export function text(el: Element): string {
  return (shadow(el).textContent ?? '').replace(/\s+/g, ' ').trim();
}
