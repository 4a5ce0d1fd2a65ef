import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown'

describe('renderMarkdown', () => {
  it('renders tables and headings', () => {
    const html = renderMarkdown('# GPU\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    expect(html).toContain('<h1>GPU</h1>')
    expect(html).toContain('<td>1</td>')
  })

  it('removes scripts and event handlers', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[x](javascript:alert(3))')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('onerror')
    expect(html).not.toContain('href="javascript:')
  })

  it('drops style attributes and style elements, so a report cannot restyle the console', () => {
    const html = renderMarkdown('<p style="position:fixed;top:0">over the page</p>\n\n<style>body{display:none}</style>')
    expect(html).toContain('over the page')
    expect(html).not.toContain('style')
  })

  it('drops images that would be fetched from elsewhere and keeps embedded ones', () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgo='
    const html = renderMarkdown(`![beacon](https://tracker.example/p.png) <img src="//cdn.example/x.gif"> <img src="/api/v1/x">\n\n![chart](${pixel})`)
    expect(html).not.toContain('tracker.example')
    expect(html).not.toContain('cdn.example')
    expect(html).not.toContain('/api/v1/x')
    expect(html).toContain(`src="${pixel}"`)
  })
})

