/** The parts of the browser copying needs, so tests can stand in for them. */
export interface CopyEnv {
  clipboard?: { writeText(text: string): Promise<void> } | undefined;
  document: Pick<Document, 'createElement' | 'execCommand'> & { body: Pick<HTMLElement, 'appendChild'> };
}

export type CopyOutcome = 'clipboard' | 'fallback';

/**
 * Puts `text` on the clipboard: the async Clipboard API where the page may use it, else the old
 * select-and-execCommand('copy') way (plain http, older browsers, denied permission).
 * Throws with a message for the reader when neither works.
 */
export async function copyText(text: string, env: CopyEnv = { clipboard: navigator.clipboard, document }): Promise<CopyOutcome> {
  if (env.clipboard?.writeText) {
    try {
      await env.clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // fall through to the fallback
    }
  }
  const area = env.document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  env.document.body.appendChild(area);
  let copied = false;
  try {
    area.select();
    copied = env.document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
  }
  if (!copied) throw new Error('The browser did not allow copying: select the report text and press Ctrl+C (⌘C).');
  return 'fallback';
}
