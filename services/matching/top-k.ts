/**
 * The best `k` of `count` items (best first) without sorting them all: a heap of the k best so far
 * keeps the worst of them at the root, so each further item costs one comparison unless it gets in.
 * `before(a, b)` must be a strict total order: true when a ranks above b.
 */
export function selectTop(items: ArrayLike<number>, count: number, k: number, before: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  if (k <= 0) return heap;
  for (let n = 0; n < count; n++) {
    const item = items[n];
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, before);
    } else if (before(item, heap[0])) {
      heap[0] = item;
      siftDown(heap, 0, before);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}

function siftUp(heap: number[], at: number, before: (a: number, b: number) => boolean): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!before(heap[parent], heap[at])) return;
    swap(heap, parent, at);
    at = parent;
  }
}

function siftDown(heap: number[], at: number, before: (a: number, b: number) => boolean): void {
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && before(heap[worst], heap[left])) worst = left;
    if (right < heap.length && before(heap[worst], heap[right])) worst = right;
    if (worst === at) return;
    swap(heap, worst, at);
    at = worst;
  }
}

function swap(heap: number[], a: number, b: number): void {
  const held = heap[a];
  heap[a] = heap[b];
  heap[b] = held;
}
