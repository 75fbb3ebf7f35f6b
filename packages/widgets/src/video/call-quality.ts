/** The connection's quality in words a person understands. */
export type CallQuality = 'good' | 'fair' | 'poor';

/** Counters read from one getStats() report. */
export interface StatsSnapshot {
  at: number;
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  /** Seconds, from the active ICE candidate pair; undefined until measured. */
  roundTripTime: number | undefined;
}

/** What changed between two snapshots. */
export interface QualitySample {
  /** Share of packets lost, 0…1. */
  loss: number;
  /** Seconds. */
  roundTripTime: number | undefined;
  /** Incoming kilobits per second, audio and video together. */
  kbps: number;
  /** Packets that arrived in the interval. */
  packets: number;
}

/** Reads the counters of everything arriving from the other participant. */
export function snapshot(report: RTCStatsReport, at: number = performance.now()): StatsSnapshot {
  let packetsReceived = 0;
  let packetsLost = 0;
  let bytesReceived = 0;
  let roundTripTime: number | undefined;
  let selectedPair: string | undefined;
  report.forEach((stat: { type: string } & Record<string, unknown>) => {
    if (stat.type === 'inbound-rtp') {
      packetsReceived += Number(stat.packetsReceived ?? 0);
      packetsLost += Math.max(0, Number(stat.packetsLost ?? 0));
      bytesReceived += Number(stat.bytesReceived ?? 0);
    } else if (stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string') {
      selectedPair = stat.selectedCandidatePairId;
    }
  });
  report.forEach((stat: { type: string; id: string } & Record<string, unknown>) => {
    const active = selectedPair ? stat.id === selectedPair : stat.nominated === true && stat.state === 'succeeded';
    if (stat.type === 'candidate-pair' && active && typeof stat.currentRoundTripTime === 'number') {
      roundTripTime = stat.currentRoundTripTime;
    }
  });
  return { at, packetsReceived, packetsLost, bytesReceived, roundTripTime };
}

export function sampleBetween(before: StatsSnapshot, after: StatsSnapshot): QualitySample {
  const received = Math.max(0, after.packetsReceived - before.packetsReceived);
  const lost = Math.max(0, after.packetsLost - before.packetsLost);
  const seconds = Math.max(0.001, (after.at - before.at) / 1000);
  return {
    loss: received + lost === 0 ? 0 : lost / (received + lost),
    roundTripTime: after.roundTripTime,
    kbps: (Math.max(0, after.bytesReceived - before.bytesReceived) * 8) / 1000 / seconds,
    packets: received,
  };
}

/**
 * Thresholds where calls start to suffer: a few per cent of lost packets makes video stutter,
 * ten makes speech break up; a quarter-second round trip makes people talk over each other.
 * Nothing arriving at all is poor whatever the other numbers say. The bitrate is not judged:
 * a muted microphone and a switched-off camera send almost nothing, and that is not a fault.
 */
export function classifyQuality(sample: QualitySample): CallQuality {
  const rtt = sample.roundTripTime ?? 0;
  if (sample.packets === 0 || sample.loss >= 0.1 || rtt >= 0.5) return 'poor';
  if (sample.loss >= 0.03 || rtt >= 0.25) return 'fair';
  return 'good';
}
