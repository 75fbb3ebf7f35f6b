import { ReactiveElement } from 'lit';
import { expect, fixture, html } from '../../test/testing.ts';
import { PagedList, type Page, type PageReader } from './paged-list.ts';

// The controller's own rules, with pages the test hands out by hand: the element tests drive it
// through the real API.

interface Item {
  id: string;
  at: number;
}

class PagedListHost extends ReactiveElement {}
if (!customElements.get('paged-list-host')) customElements.define('paged-list-host', PagedListHost);

const item = (id: string, at = 0): Item => ({ id, at });
const ids = (list: PagedList<Item>) => list.items.map((entry) => entry.id);

/** A page reader whose answers the test gives, one request at a time. */
function handReader() {
  const requests: { cursor: string; signal: AbortSignal; answer: (page: Page<Item>) => void; fail: (error: unknown) => void }[] = [];
  const read: PageReader<Item> = (cursor, signal) =>
    new Promise((resolve, reject) => {
      requests.push({ cursor, signal, answer: resolve, fail: reject });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { requests, read };
}

async function newList(options: Partial<ConstructorParameters<typeof PagedList<Item>>[1]> = {}) {
  const host = await fixture<PagedListHost>(html`<paged-list-host></paged-list-host>`);
  const list = new PagedList<Item>(host, { name: 'test', keyOf: (entry) => entry.id, itemSelector: (entry) => `#${entry.id}`, ...options });
  return { host, list };
}

describe('PagedList', () => {
  it('adds the next page after the loaded items and knows when the list is whole', async () => {
    const { list } = await newList();
    const reader = handReader();
    list.reset({ items: [item('a'), item('b')], nextCursor: 'c1' }, reader.read);
    expect(list.hasMore).to.equal(true);
    const loading = list.loadMore();
    expect(list.loadingMore).to.equal(true);
    expect(reader.requests[0]!.cursor).to.equal('c1');
    // A page that repeats an item (the list moved meanwhile) adds only the new ones.
    reader.requests[0]!.answer({ items: [item('b'), item('c')], nextCursor: null });
    expect((await loading).map((entry) => entry.id)).to.deep.equal(['c']);
    expect(ids(list)).to.deep.equal(['a', 'b', 'c']);
    expect(list.hasMore).to.equal(false);
    expect(list.loadingMore).to.equal(false);
    expect(await list.loadMore(), 'nothing to read after the last page').to.deep.equal([]);
  });

  it('drops the answer of a page asked for before a reset, and aborts its request', async () => {
    const { list } = await newList();
    const reader = handReader();
    list.reset({ items: [item('a')], nextCursor: 'old' }, reader.read);
    const stale = list.loadMore();
    list.reset({ items: [item('x')], nextCursor: 'new' }, reader.read);
    expect(reader.requests[0]!.signal.aborted).to.equal(true);
    reader.requests[0]!.answer({ items: [item('b')], nextCursor: null });
    expect(await stale).to.deep.equal([]);
    expect(ids(list)).to.deep.equal(['x']);
    expect(list.nextCursor).to.equal('new');
    expect(list.loadingMore).to.equal(false);
    expect(list.moreError).to.equal(undefined);
  });

  it('keeps the error of a failed page until the next try, and aborts when the host leaves the page', async () => {
    const { host, list } = await newList();
    const reader = handReader();
    list.reset({ items: [item('a')], nextCursor: 'c1' }, reader.read);
    const failing = list.loadMore();
    reader.requests[0]!.fail(new Error('offline'));
    await failing;
    expect((list.moreError as Error).message).to.equal('offline');
    expect(list.hasMore, 'the same page can be asked for again').to.equal(true);

    const leaving = list.loadMore();
    expect(list.moreError).to.equal(undefined);
    host.remove();
    expect(reader.requests[1]!.signal.aborted).to.equal(true);
    await leaving;
    expect(list.loadingMore).to.equal(false);
    expect(list.moreError, 'leaving the page is no failure').to.equal(undefined);
  });

  it('merges live items by key: a known one is replaced in place, a new one goes where asked', async () => {
    const { list } = await newList();
    list.reset({ items: [item('b'), item('a')], nextCursor: null });
    list.upsert([item('c')], 'start');
    list.upsert([{ id: 'a', at: 9 }]);
    list.upsert([item('c')], 'start');
    expect(ids(list)).to.deep.equal(['c', 'b', 'a']);
    expect(list.items[2]!.at).to.equal(9);
  });

  it('puts earlier pages before the loaded ones and keeps its order (a chat)', async () => {
    const { list } = await newList({ pagesGo: 'before', compare: (a, b) => a.at - b.at });
    const reader = handReader();
    list.reset({ items: [item('m3', 3), item('m4', 4)], nextCursor: 'earlier' }, reader.read);
    list.upsert([item('m5', 5)], 'end');
    const loading = list.loadMore();
    reader.requests[0]!.answer({ items: [item('m1', 1), item('m2', 2)], nextCursor: null });
    await loading;
    expect(ids(list)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('merges a first page read again when it meets the loaded items, and starts over after a gap', async () => {
    const { list } = await newList();
    const reader = handReader();
    list.reset({ items: [item('n4'), item('n3')], nextCursor: 'c1' }, reader.read);
    const loading = list.loadMore();
    reader.requests[0]!.answer({ items: [item('n2'), item('n1')], nextCursor: 'c2' });
    await loading;

    // Newest first: one new notification came while the stream was down.
    list.mergeFirstPage({ items: [item('n5'), item('n4')], nextCursor: 'c3' }, reader.read);
    expect(ids(list), 'the older pages stay').to.deep.equal(['n5', 'n4', 'n3', 'n2', 'n1']);
    expect(list.nextCursor, 'and so does the way on from them').to.equal('c2');

    // More came than one page holds: what is loaded no longer joins up, so start over.
    list.mergeFirstPage({ items: [item('n9'), item('n8')], nextCursor: 'c4' }, reader.read);
    expect(ids(list)).to.deep.equal(['n9', 'n8']);
    expect(list.nextCursor).to.equal('c4');
  });
});
