import { expect } from '@open-wc/testing';
import { PAGE_LIMITS } from '@oz/contracts/constants';
import { pageLimit, searchOf } from './page-query.ts';

describe('page queries', () => {
  it('keeps a page size within what the list allows, and leaves an absent one to the API', () => {
    expect(pageLimit('notifications', 1000)).to.equal(PAGE_LIMITS.notifications.max);
    expect(pageLimit('dutySlots', 1000)).to.equal(PAGE_LIMITS.dutySlots.max);
    expect(pageLimit('messages', 0)).to.equal(1);
    expect(pageLimit('messages', 7.6)).to.equal(7);
    expect(pageLimit('consultations', undefined)).to.equal(undefined);
    expect(pageLimit('consultations', Number.NaN)).to.equal(undefined);
  });

  it('writes only the values that are set', () => {
    expect(searchOf({ limit: 5, cursor: undefined, status: '' })).to.equal('?limit=5');
    expect(searchOf({})).to.equal('');
  });
});
