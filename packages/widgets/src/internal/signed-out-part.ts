import type { User } from '@oz/contracts';
import type { SignInGate } from '../controllers/sign-in-gate.ts';
import { ElementPart } from './element-part.ts';
import type { OzElement } from './oz-element.ts';

/**
 * What an element shows only to someone not signed in (the sign-in and registration forms), in a
 * chunk of its own: a signed-in resident never downloads it. It is fetched once nobody is signed
 * in: no stored session (the loader then preloads it with the element's code), a stored one that
 * turned out invalid or expired, or after signing out. Never while a stored session is checked:
 * most often it is valid. The element's renders wait for it (see ElementPart).
 */
export class SignedOutPart<V> extends ElementPart<V> {
  /** `unfinished`: a signed-in user who still needs the part, e.g. to confirm the phone of an old account. */
  constructor(host: OzElement, gate: SignInGate, load: () => Promise<V>, unfinished: (user: User) => boolean = () => false) {
    super(host, () => (gate.restoring ? undefined : !gate.user || unfinished(gate.user) ? 'render' : undefined), load);
  }
}
