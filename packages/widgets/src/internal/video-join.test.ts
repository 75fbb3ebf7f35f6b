import { expect } from '@open-wc/testing';
import { defineVideoRoom } from '../elements/oz-video-room/video-room-loader.ts';
import { roomState } from './video-join.ts';

describe('roomState', () => {
  const start = Date.parse('2026-12-01T10:00:00Z');
  const consultation = { status: 'scheduled' as const, startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T10:30:00.000Z' };
  const minute = 60_000;

  it('opens 15 minutes before the start and closes 60 minutes after the planned end, as the server does', () => {
    expect(roomState(consultation, start - 15 * minute - 1)).to.equal('not-yet');
    expect(roomState(consultation, start - 15 * minute)).to.equal('open');
    expect(roomState(consultation, start + 90 * minute)).to.equal('open');
    expect(roomState(consultation, start + 90 * minute + 1)).to.equal('closed');
  });

  it('is closed for a cancelled or completed consultation, open while in progress', () => {
    expect(roomState({ ...consultation, status: 'cancelled' }, start)).to.equal('closed');
    expect(roomState({ ...consultation, status: 'completed' }, start)).to.equal('closed');
    expect(roomState({ ...consultation, status: 'in_progress' }, start)).to.equal('open');
  });
});

describe('video-join', () => {
  it('leaves the room out of the module: <oz-video-room> comes in its own chunk when first needed', async () => {
    expect(customElements.get('oz-video-room'), 'importing video-join registered the room').to.equal(undefined);
    await defineVideoRoom();
    expect(customElements.get('oz-video-room')).to.not.equal(undefined);
  });
});
