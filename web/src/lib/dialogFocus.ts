// Element Plus's dialogs trap focus on their container when they open, so a keyboard user lands on nothing
// and has to Tab into the form. This moves the first focus to the dialog's first field instead, for every
// el-dialog and el-drawer at once (no dialog needs to know). Escape still closes them: the focus trap asks
// the dialog to close whatever element inside it has focus.

/** The event Element Plus's focus trap sends its container, cancelable, before it focuses the container. */
export const FOCUS_AFTER_TRAPPED = 'focus-trap.focus-after-trapped'

const FIELDS = 'input:not([type=hidden]), textarea, select, [contenteditable="true"]'
const FOCUSABLE = `${FIELDS}, button, a[href], [tabindex]`

function shown(element: Element, within: Element): boolean {
  for (let e: Element | null = element; e && e !== within.parentElement; e = e.parentElement) {
    const style = getComputedStyle(e)
    if (style.display === 'none' || style.visibility === 'hidden') return false
  }
  return true
}

function usable(element: Element, within: Element): element is HTMLElement {
  const e = element as HTMLElement
  return !(e as HTMLInputElement).disabled && e.tabIndex >= 0 && shown(e, within)
}

/** The element a dialog should focus first: its first field, else its first control in the body, else none. */
export function firstField(dialog: Element): HTMLElement | null {
  const body = dialog.querySelector('.el-dialog__body, .el-drawer__body') ?? dialog
  const pick = (selector: string) => Array.from(body.querySelectorAll(selector)).find((e) => usable(e, dialog)) ?? null
  return (pick(FIELDS) ?? pick(FOCUSABLE)) as HTMLElement | null
}

/** Installs the document-wide rule; returns what removes it. */
export function focusFirstFieldOfDialogs(doc: Document = document): () => void {
  const onTrapped = (event: Event) => {
    const container = event.target
    if (!(container instanceof Element) || !container.matches('.el-dialog, .el-drawer')) return
    const field = firstField(container)
    if (!field) return // the trap focuses the container, as before: Escape and Tab still work from there
    event.preventDefault()
    field.focus()
  }
  // Capture: the focus trap's event does not bubble.
  doc.addEventListener(FOCUS_AFTER_TRAPPED, onTrapped, true)
  return () => doc.removeEventListener(FOCUS_AFTER_TRAPPED, onTrapped, true)
}
