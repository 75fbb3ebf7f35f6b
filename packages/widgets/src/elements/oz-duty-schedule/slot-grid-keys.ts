/**
 * Where an arrow key goes in a day's grid of times. The grid wraps to the width it is given, so
 * rows are read from the layout, not counted: Up and Down go to the time above or below (the
 * nearest by its middle), Left and Right to the previous and next time, Home and End to the ends.
 *
 * Returns the button to focus; undefined at an edge (the key is still ours: nothing moves);
 * null for a key the grid does not use.
 */
export function slotKeyTarget(buttons: readonly HTMLElement[], current: HTMLElement, key: string): HTMLElement | undefined | null {
  const index = buttons.indexOf(current);
  if (index < 0) return null;
  switch (key) {
    case 'ArrowRight':
      return buttons[index + 1];
    case 'ArrowLeft':
      return buttons[index - 1];
    case 'Home':
      return buttons[0];
    case 'End':
      return buttons[buttons.length - 1];
    case 'ArrowDown':
      return nextRow(buttons, current, 1);
    case 'ArrowUp':
      return nextRow(buttons, current, -1);
    default:
      return null;
  }
}

/** Half a pixel either way: rows of buttons of one height line up exactly, zoom only rounds. */
const SAME_ROW = 1;

function nextRow(buttons: readonly HTMLElement[], current: HTMLElement, direction: 1 | -1): HTMLElement | undefined {
  const here = current.getBoundingClientRect();
  const middle = here.left + here.width / 2;
  const boxes = buttons.map((button) => ({ button, box: button.getBoundingClientRect() }));
  const beyond = boxes.filter(({ box }) => (direction > 0 ? box.top > here.top + SAME_ROW : box.top < here.top - SAME_ROW));
  if (beyond.length === 0) return undefined;
  const rowTop = direction > 0 ? Math.min(...beyond.map(({ box }) => box.top)) : Math.max(...beyond.map(({ box }) => box.top));
  const row = beyond.filter(({ box }) => Math.abs(box.top - rowTop) <= SAME_ROW);
  const distance = (box: DOMRect) => Math.abs(box.left + box.width / 2 - middle);
  return row.reduce((best, candidate) => (distance(candidate.box) < distance(best.box) ? candidate : best)).button;
}
