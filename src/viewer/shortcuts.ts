/** The viewer's keyboard shortcuts: one table, read by the key handler and by the help panel. */
export type ShortcutAction =
  | 'invert'
  | 'reset'
  | 'toggle-overlay'
  | 'help'
  | 'next-case'
  | 'previous-case'
  | 'tool-window'
  | 'tool-pan'
  | 'tool-zoom'
  | 'zoom-in'
  | 'zoom-out'
  | 'close';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values (letters compared case-insensitively). */
  keys: string[];
  /** What the help panel shows for the keys. */
  label: string;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'tool-window', keys: ['w'], label: 'W', description: 'Left drag sets window/level' },
  { action: 'tool-pan', keys: ['p'], label: 'P', description: 'Left drag pans' },
  { action: 'tool-zoom', keys: ['z'], label: 'Z', description: 'Left drag zooms' },
  { action: 'invert', keys: ['i'], label: 'I', description: 'Invert grey levels' },
  { action: 'reset', keys: ['r'], label: 'R', description: 'Reset window, zoom, pan and invert' },
  { action: 'toggle-overlay', keys: ['o'], label: 'O', description: 'Show or hide the age map' },
  { action: 'zoom-in', keys: ['+', '='], label: '+', description: 'Zoom in' },
  { action: 'zoom-out', keys: ['-', '_'], label: '−', description: 'Zoom out' },
  { action: 'next-case', keys: ['j', 'ArrowDown', 'ArrowRight'], label: 'J, ↓, →', description: 'Next case in the worklist' },
  { action: 'previous-case', keys: ['k', 'ArrowUp', 'ArrowLeft'], label: 'K, ↑, ←', description: 'Previous case in the worklist' },
  { action: 'help', keys: ['?'], label: '?', description: 'Show or hide this help' },
  { action: 'close', keys: ['Escape'], label: 'Esc', description: 'Close this help' },
];

/** Mouse gestures, for the help panel. */
export const MOUSE_GESTURES: ReadonlyArray<{ label: string; description: string }> = [
  { label: 'Right drag', description: 'Window/level (right: wider, down: darker)' },
  { label: 'Left drag', description: 'The chosen tool (window/level unless changed)' },
  { label: 'Middle drag, Shift + left drag', description: 'Pan' },
  { label: 'Wheel, Ctrl + left drag', description: 'Zoom around the pointer' },
  { label: 'Double click', description: 'Reset the view' },
];

interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

/** True where the keys belong to what has focus: text fields, selects, editable content, sliders. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toUpperCase();
  if (el.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Checkboxes and buttons do not take letters; text-like fields and sliders (arrow keys) do.
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes((el.type ?? 'text').toLowerCase());
}

/** The action a key press asks for, or null (not ours, a modifier held, or typing into a field). */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingTarget(e.target)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null;
}
