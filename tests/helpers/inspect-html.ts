import { Parser } from "htmlparser2";

const ACTIVE_ELEMENTS = new Set(["script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "svg", "math", "form", "details"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data"]);

/**
 * Parses HTML as a browser would and lists anything that could run or navigate: script-capable
 * elements, on* handlers, javascript:/vbscript:/data: URLs, meta refreshes; and the visible text,
 * with entities decoded, so a test can also prove the hostile text is there, as text.
 */
export function inspectHtml(html: string, options: { allowElements?: string[] } = {}): { active: string[]; text: string } {
  const allowed = new Set(options.allowElements ?? []);
  const active: string[] = [];
  const skip: string[] = [];
  let text = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (ACTIVE_ELEMENTS.has(name) && !allowed.has(name)) active.push(`<${name}>`);
        if (name === "style" || name === "script" || name === "title") skip.push(name);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) active.push(`<${name} ${attribute}>`);
          if (URL_ATTRIBUTES.has(attribute) && /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ""))) active.push(`<${name} ${attribute}="${value}">`);
          if (name === "meta" && attribute === "http-equiv" && /refresh/i.test(value)) active.push("<meta http-equiv=refresh>");
        }
      },
      ontext(data) {
        if (skip.length === 0) text += data;
      },
      onclosetag(name) {
        if (skip.at(-1) === name) skip.pop();
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { active, text };
}

/** Text as a reader sees it: runs of whitespace (html-to-text counts a zero-width space as one) collapse to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200B]+/g, " ");
}
