import { defineStrings } from '../i18n/catalog.ts';
import { sharedRu } from '../i18n/ru/shared.ts';
import { domainRu } from '../i18n/ru/domain.ts';
import { pagingRu } from '../i18n/ru/paging.ts';

/** What every element may say: buttons, fields, API errors, the program's domain words, paging. */
export const sharedStrings = defineStrings({ ...sharedRu, domain: domainRu, paging: pagingRu }, () => import('./shared-strings-en.ts'));
