import type { ChatMessage } from '@oz/contracts';
import { expect } from '@open-wc/testing';
import { groupMessages, localDay } from './message-groups.ts';

const at = (day: number, hour: number, minute: number) => new Date(2026, 2, day, hour, minute).toISOString();
const message = (id: string, authorId: string, createdAt: string): ChatMessage => ({
  id,
  consultationId: 'c1',
  authorId,
  authorRole: authorId === 'doctor' ? 'doctor' : 'patient',
  authorName: authorId,
  text: id,
  createdAt,
});

describe('chat message groups', () => {
  it('groups one author\'s messages in a row within ten minutes on one local day', () => {
    const list = [
      message('a', 'patient', at(2, 10, 0)),
      message('b', 'patient', at(2, 10, 9)),
      message('c', 'doctor', at(2, 10, 12)),
      message('d', 'doctor', at(2, 10, 40)),
      message('e', 'doctor', at(3, 9, 0)),
    ];
    const groups = groupMessages(list, 'patient');
    expect(groups.map((g) => g.messages.map((m) => m.id))).to.deep.equal([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(groups.map((g) => g.own)).to.deep.equal([true, false, false, false]);
    expect(groups.map((g) => g.startsDay)).to.deep.equal([true, false, false, true]);
    expect(groups[3]!.day).to.equal(localDay(Date.parse(at(3, 9, 0))));
    expect(groups[3]!.day).to.equal('2026-03-03');
  });

});
