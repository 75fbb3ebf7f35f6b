import { defineStrings } from '../../i18n/catalog.ts';
import { accountErasureRu } from '../../i18n/ru/account-erasure.ts';

/** The words of «Удалить аккаунт», in its own chunk: only a patient who presses the button downloads them. */
export const erasureStrings = defineStrings({ accountErasure: accountErasureRu }, () => import('./erasure-strings-en.ts'));
