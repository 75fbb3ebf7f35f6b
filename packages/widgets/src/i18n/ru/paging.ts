/** Strings of the «Показать ещё» button every paged list shares (controllers/paged-list.ts). */
export const pagingRu = {
  showMore: 'Показать ещё',
  loadingMore: 'Загружаем…',
  /** Said before the reason (the API error in words) when the next page did not come. */
  moreFailed: 'Не удалось показать продолжение списка.',
  retry: 'Попробовать ещё раз',
  /** Announced to screen readers when a page came; `last`: nothing more to show. */
  shownMore: (count: number, last: boolean) => `Добавлено в список: ${count}.${last ? ' Больше в списке ничего нет.' : ''}`,
};
