/**
 * What a cached answer was made from, and whether a write has changed it since. A read takes a
 * stamp before it reads the store; a committed write marks its topics changed (`slots`,
 * `user:<id>`, …) with a later tick of the clock; the answer is fresh while none of its topics
 * changed after its stamp. A write marks its topics after it commits, so an answer read before
 * the commit always carries an earlier stamp than the mark, and is never taken for fresh.
 */
export class ReadVersions {
  #clock = 0;
  /** Answers stamped before this are stale whatever their topics (everything changed). */
  #floor = 0;
  /** The tick of each topic's latest change. */
  readonly #changedAt = new Map<string, number>();
  /** Changes made elsewhere may be going unheard (the link to the other instances is down). */
  #deaf = false;
  /** Who wants to hear of a change of a topic at once (see watch). */
  readonly #watchers = new Map<string, Set<() => void>>();

  /**
   * Calls `onChange` whenever one of `topics` changes here or on another instance, or everything
   * may have (the link to the others came back): for what must react at once, such as a live stream
   * whose session ended. Returns the stop.
   */
  watch(topics: readonly string[], onChange: () => void): () => void {
    for (const topic of topics) {
      let set = this.#watchers.get(topic);
      if (!set) this.#watchers.set(topic, (set = new Set()));
      set.add(onChange);
    }
    return () => {
      for (const topic of topics) {
        const set = this.#watchers.get(topic);
        set?.delete(onChange);
        if (set?.size === 0) this.#watchers.delete(topic);
      }
    };
  }

  /** Taken before a read; the answer made from it is fresh while `isFresh(stamp, topics)`. */
  stamp(): number {
    return this.#clock;
  }

  isFresh(stamp: number, topics: readonly string[]): boolean {
    if (this.#deaf || stamp < this.#floor) return false;
    for (const topic of topics) {
      const changed = this.#changedAt.get(topic);
      if (changed !== undefined && changed > stamp) return false;
    }
    return true;
  }

  /** A committed write changed what answers of these topics say. */
  changed(topics: readonly string[]): void {
    if (topics.length === 0) return;
    this.#clock += 1;
    // A bound on memory: forgetting the topics is safe once everything counts as changed.
    if (this.#changedAt.size > 100_000) this.everythingChanged();
    for (const topic of topics) this.#changedAt.set(topic, this.#clock);
    for (const topic of topics) this.#watchers.get(topic)?.forEach((onChange) => onChange());
  }

  /** Every answer made so far is stale (a change may have gone unheard). */
  everythingChanged(): void {
    this.#clock += 1;
    this.#floor = this.#clock;
    this.#changedAt.clear();
    for (const watchers of this.#watchers.values()) watchers.forEach((onChange) => onChange());
  }

  /**
   * The other instances' changes cannot be heard now: nothing is fresh until `hearingAgain`.
   * (What another instance writes meanwhile is never announced here.)
   */
  deaf(): void {
    this.#deaf = true;
    this.everythingChanged();
  }

  hearingAgain(): void {
    this.everythingChanged();
    this.#deaf = false;
  }
}
