import { marked } from 'marked'
import DOMPurify from 'dompurify'

/** Images a report may show: embedded raster data only. Anything else would be fetched from elsewhere. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/i

// A report comes from a node: it may not restyle the console nor make the browser fetch anything
// (an external image tells its server who read the report, and when).
DOMPurify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'img' && !EMBEDDED_IMAGE.test((node as Element).getAttribute('src') ?? '')) {
    node.parentNode?.removeChild(node)
  }
})

/** Markdown collected from nodes, as HTML that cannot run scripts, restyle the page or load anything. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true })
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'link', 'meta', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'picture'],
    FORBID_ATTR: ['style', 'srcset', 'background', 'poster'],
  })
}
