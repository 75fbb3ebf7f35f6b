import { expect } from '@open-wc/testing';
import { ApiError, NetworkError } from '../../api/errors.ts';
import { ru } from '../../i18n/ru.ts';
import { classifyQuality, sampleBetween, snapshot } from '../../video/call-quality.ts';
import { assessConnection } from '../../video/connection-test.ts';
import { RoomClosedError } from '../../video/join-request.ts';
import { RoomFullError, TransportConnectError } from '../../video/transport.ts';
import { describeJoinError, formatSpeed } from './room-messages.ts';

const t = ru.videoRoom;

describe('video room rules', () => {
  it('judges the connection by the slower direction against 2 Mbit/s and 512 kbit/s', () => {
    expect(assessConnection(2000, 2000)).to.equal('video');
    expect(assessConnection(50_000, 1999)).to.equal('audio');
    expect(assessConnection(1999, 50_000)).to.equal('audio');
    expect(assessConnection(512, 10_000)).to.equal('audio');
    expect(assessConnection(10_000, 511)).to.equal('poor');
  });

  it('turns getStats counters into good / fair / poor', () => {
    const report = (lost: number, received: number, bytes: number, rtt: number) =>
      new Map<string, Record<string, unknown>>([
        ['in-audio', { id: 'in-audio', type: 'inbound-rtp', kind: 'audio', packetsLost: lost, packetsReceived: received, bytesReceived: bytes }],
        ['t', { id: 't', type: 'transport', selectedCandidatePairId: 'pair' }],
        ['pair', { id: 'pair', type: 'candidate-pair', currentRoundTripTime: rtt }],
        ['other-pair', { id: 'other-pair', type: 'candidate-pair', currentRoundTripTime: 9 }],
      ]) as unknown as RTCStatsReport;
    const start = snapshot(report(0, 0, 0, 0.02), 0);
    expect(start.roundTripTime, 'the selected pair, not another').to.equal(0.02);

    const good = sampleBetween(start, snapshot(report(1, 1000, 250_000, 0.02), 2000));
    expect(good.kbps).to.equal(1000);
    expect(classifyQuality(good)).to.equal('good');
    expect(classifyQuality(sampleBetween(start, snapshot(report(50, 950, 250_000, 0.02), 2000)))).to.equal('fair');
    expect(classifyQuality(sampleBetween(start, snapshot(report(0, 1000, 250_000, 0.3), 2000)))).to.equal('fair');
    expect(classifyQuality(sampleBetween(start, snapshot(report(150, 850, 250_000, 0.02), 2000)))).to.equal('poor');
    expect(classifyQuality(sampleBetween(start, snapshot(report(0, 1000, 250_000, 0.6), 2000)))).to.equal('poor');
    expect(classifyQuality(sampleBetween(start, snapshot(report(0, 0, 0, 0.02), 2000))), 'nothing arrives').to.equal('poor');
  });

  it('says when the room opens or closed, in local time', () => {
    const now = new Date(2021, 2, 24, 13, 0).getTime();
    const at = (hours: number, minutes: number, day = 24) => new Date(2021, 2, day, hours, minutes).toISOString();
    const closed = (opensAt: string, closesAt: string) =>
      new RoomClosedError(409, { code: 'room_closed', message: 'closed' }, opensAt, closesAt);
    expect(describeJoinError(ru, 'ru', closed(at(13, 45), at(15, 30)), now)).to.equal(t.roomOpensAt('в 13:45'));
    expect(describeJoinError(ru, 'ru', closed(at(9, 45, 26), at(11, 30, 26)), now)).to.equal(t.roomOpensAt('26 марта в 09:45'));
    expect(describeJoinError(ru, 'ru', closed(at(10, 45), at(12, 30)), now)).to.equal(t.roomClosedAt('в 12:30'));
    // Inside the window but refused: the consultation was cancelled or completed.
    expect(describeJoinError(ru, 'ru', closed(at(12, 45), at(14, 30)), now)).to.equal(t.roomNotAvailable);
  });

  it('has words for every other way a join fails', () => {
    expect(describeJoinError(ru, 'ru', new RoomFullError())).to.equal(t.roomFull);
    expect(describeJoinError(ru, 'ru', new TransportConnectError('x'))).to.equal(ru.errors.video_unavailable);
    expect(describeJoinError(ru, 'ru', new NetworkError())).to.equal(ru.errors.network);
    expect(describeJoinError(ru, 'ru', new Error('?'))).to.equal(t.joinFailed);
    // The doctor ended the call: the words of the card and the room, not a generic conflict.
    const ended = new ApiError(409, { code: 'call_ended', message: 'The doctor has ended the call' });
    expect(describeJoinError(ru, 'ru', ended)).to.equal(ru.domain.callEnded);
  });

  it('shows speeds in Mbit/s or kbit/s', () => {
    expect(formatSpeed(ru, 'ru', 3456)).to.equal('3,5 Мбит/с');
    expect(formatSpeed(ru, 'ru', 480)).to.equal('480 кбит/с');
    // Past 100 Mbit/s the exact figure means nothing to anyone (and "2 771,1" confuses).
    expect(formatSpeed(ru, 'ru', 2_771_100)).to.equal('больше 100 Мбит/с');
  });
});
