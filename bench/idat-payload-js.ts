/** Page code (a string, for page.evaluate and worker sources in the decode studies): a TransformStream
 *  factory `idatPayload()` that takes a PNG's bytes in any pieces and passes on only its IDAT data
 *  (skipping the signature, chunk headers, other chunks and CRCs); it needs `u32` in scope. */
export const IDAT_PAYLOAD_JS = `
const idatPayload = () => {
  let sig = 8, head = new Uint8Array(0), chunk = null;
  return new TransformStream({ transform(data, ctl) {
    let c = data;
    while (c.length) {
      if (sig) { const k = Math.min(sig, c.length); sig -= k; c = c.subarray(k); continue; }
      if (chunk) {
        if (chunk.left) { const k = Math.min(chunk.left, c.length); if (chunk.idat) ctl.enqueue(c.slice(0, k)); chunk.left -= k; c = c.subarray(k); continue; }
        const k = Math.min(chunk.crc, c.length); chunk.crc -= k; c = c.subarray(k); if (!chunk.crc) chunk = null; continue;
      }
      const h = new Uint8Array(head.length + c.length); h.set(head); h.set(c, head.length);
      if (h.length < 8) { head = h; c = c.subarray(c.length); continue; }
      chunk = { idat: String.fromCharCode(...h.subarray(4, 8)) === 'IDAT', left: u32(h, 0), crc: 4 }; head = new Uint8Array(0); c = h.subarray(8);
    }
  } });
};`;
