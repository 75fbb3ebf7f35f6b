import { sharedEn } from '../i18n/en/shared.ts';
import { domainEn } from '../i18n/en/domain.ts';
import { pagingEn } from '../i18n/en/paging.ts';

export default { ...sharedEn, domain: domainEn, paging: pagingEn };
