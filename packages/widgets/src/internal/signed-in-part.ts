import type { SignInGate } from '../controllers/sign-in-gate.ts';
import { ElementPart } from './element-part.ts';
import type { OzElement } from './oz-element.ts';

/**
 * What an element shows only to someone signed in (their lists, forms and dialogs), in a chunk of
 * its own: a visitor who is not signed in never downloads it, and most visitors of a municipal
 * site are not. It is fetched once the element's gate opens, or while a stored session is being
 * restored (the loader even preloads it with the element's code then), and the element's renders
 * wait for it (see ElementPart).
 */
export class SignedInPart<V> extends ElementPart<V> {
  constructor(host: OzElement, gate: SignInGate, load: () => Promise<V>) {
    super(host, () => (gate.open ? 'render' : gate.restoring ? 'soon' : undefined), load);
  }
}
