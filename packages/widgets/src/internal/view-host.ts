import type { User } from '@oz/contracts';
import type { ApiClient } from '../api/client.ts';
import type { OzEventDetail, OzEventName } from '../events/index.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Translation } from '../i18n/ru.ts';
import type { OzElement } from './oz-element.ts';

/**
 * What a view that lives outside its element (a SignedInPart's) may use of it; the element's own
 * members stay protected. Each element adds what its view needs besides (OzElement.viewHost).
 */
export interface ViewHost {
  /** For the view's controllers: they attach to the element and render it again. */
  readonly element: OzElement;
  readonly t: Translation;
  readonly locale: Lang;
  readonly client: ApiClient;
  readonly user: User | null;
  emit<K extends OzEventName>(name: K, detail: OzEventDetail<K>): void;
  focusFirst(...selectors: string[]): void;
  focusAfterUpdate(...selectors: string[]): Promise<void>;
}
