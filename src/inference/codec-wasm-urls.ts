import { setCodecWasmUrls } from '../../core/pipeline/decode';
import jpegWasmUrl from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url';
import jpegLsWasmUrl from '@cornerstonejs/codec-charls/decodewasm?url';
import j2kWasmUrl from '@cornerstonejs/codec-openjpeg/decodewasm?url';

// The bundler emits each codec's .wasm as an asset of the page's own origin; the codec itself
// (glue + wasm) is fetched only when a file first needs it.
setCodecWasmUrls({ 'jpeg-dct': jpegWasmUrl, 'jpeg-ls': jpegLsWasmUrl, j2k: j2kWasmUrl });
