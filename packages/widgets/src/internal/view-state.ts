import type { ReactiveControllerHost } from 'lit';

/**
 * State of a view that lives outside its element (see SignedInPart): setting a field renders the
 * element again, as a `@state()` property of the element would.
 */
export function viewState<T extends object>(host: ReactiveControllerHost, initial: T): T {
  return new Proxy(initial, {
    set(target, key, value) {
      const changed = !Object.is(Reflect.get(target, key), value);
      Reflect.set(target, key, value);
      if (changed) host.requestUpdate();
      return true;
    },
  });
}
