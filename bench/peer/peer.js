// The peer pipeline, bundled for the browser: Readability extracts the article, DOMPurify
// sanitizes it, compromise finds people, places and organisations, and a regular expression finds
// quotes with the nearest name before "said". Benchmark baseline only.
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import nlp from 'compromise';

const quoteRE = /[“"]([^”"]{3,})[”"]/g;

window.peerAnnotate = function (input, url) {
  const doc = new DOMParser().parseFromString(input, 'text/html');
  if (url) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.append(base);
  }
  const article = new Readability(doc).parse();
  const html = DOMPurify.sanitize(article ? article.content : input);
  const text = article ? article.textContent : doc.body.textContent;
  const d = nlp(text);
  const people = d.people().out('array');
  const places = d.places().out('array');
  const orgs = d.organizations().out('array');
  const quotes = [];
  for (const m of text.matchAll(quoteRE)) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const name = (before.match(/([A-Z][a-z]+(?: [A-Z][a-z]+)*) (?:said|told|wrote|added)[^.]*$/) || [])[1] || null;
    quotes.push({ text: m[1], speaker: name });
  }
  return { title: article && article.title, text, html, people, places, orgs, quotes };
};
performance.mark('peer-ready');
window.peerReady = Promise.resolve();
