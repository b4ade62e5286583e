/** The alliance the memory bench imports, and the Teams id of the head who speaks every turn. */
export const BENCH_ALLIANCE = 'bench-10k';
export const BENCH_HEAD_AAD = 'bench-head-aad';
