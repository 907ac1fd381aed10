/**
 * Held-out thumbnails (the age model's validation split of bonet-rsna100) that are RIGHT hands or mirrored
 * films, judged by eye on the 100 px thumbnails (one reader, 2026-11-30, no labels): the thumb on the image's
 * left and, on several, an "R" or a reversed "L" marker. Flagging them "mirrored" is correct, so bench:qc also
 * reports acceptance without them; the raw figure (with them) stays the headline.
 * Looked at: every held-out thumbnail the QC classifier flags "mirrored" (32) or whose side evidence leans
 * right (training/qc/bench-side.ts). Not listed but unclear by eye: 3303, 1738, 5149, 1473, 3163, 1545.
 * About 9 of the 32 flagged look like left hands (false flags): 3434, 6234, 11917, 3616, 6784, 2115, 12037, 3898, 3943.
 */
export const HELD_OUT_RIGHT_HANDS: readonly string[] = [
  '2736', '10456', '6172', '6053', '11369', '3828', '1519', '7542', '14950',
  '1891', '1415', '3135', '12797', '2689', '4213', '3928', '2682',
];
