import type { pagingRu } from '../ru/paging.ts';

export const pagingEn: typeof pagingRu = {
  showMore: 'Show more',
  loadingMore: 'Loading…',
  moreFailed: 'The rest of the list could not be shown.',
  retry: 'Try again',
  shownMore: (count, last) => `Added to the list: ${count}.${last ? ' That is the whole list.' : ''}`,
};
