// Reads a PDF with pdf.js, the viewer Firefox uses to expose PDFs to
// screen readers, and prints as JSON each page's structure tree from
// getStructTree(): for each page, the roles of its elements in reading
// order, and whether the document says it is marked.
// Usage: node structtree.mjs PDFJS_MODULE FILE.pdf
import { readFileSync } from "node:fs";

const [pdfjsPath, file] = process.argv.slice(2);
const { getDocument } = await import(pdfjsPath);
const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
const markInfo = await doc.getMarkInfo();
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const roles = [];
  const walk = (node) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    for (const c of node.children || []) walk(c);
  };
  walk(await page.getStructTree());
  pages.push(roles);
}
console.log(JSON.stringify({ marked: !!(markInfo && markInfo.Marked), pages }));
