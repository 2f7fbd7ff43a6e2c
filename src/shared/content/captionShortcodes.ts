/**
 * Classic WordPress stores captioned photos as a shortcode, not HTML:
 * `[caption id="attachment_12" align="alignnone" width="300"]<a href=…><img …/></a> Text[/caption]`.
 * Rewritten into the <figure> the block importer already reads; the attachment id is kept.
 */
const SHORTCODE = /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi;
const IMAGE_PART = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i;

export function expandCaptionShortcodes(html: string): string {
  return html.replace(SHORTCODE, (whole, rawAttrs: string, inner: string) => {
    const image = IMAGE_PART.exec(inner);
    if (!image) return whole;
    const id = /\bid\s*=\s*["']?attachment_(\d+)/i.exec(rawAttrs)?.[1];
    // Very old posts carry the caption in a caption="…" attribute instead of after the image.
    const attrCaption = /\bcaption\s*=\s*"([^"]*)"/i.exec(rawAttrs)?.[1];
    const caption = image[2]!.trim() || attrCaption || '';
    const idAttr = id ? ` data-wp-attachment="${id}"` : '';
    return `<figure${idAttr}>${image[1]!}<figcaption>${caption}</figcaption></figure>`;
  });
}
