/*
 * twinspan: Material's search worker with Arabic normalisation on both sides.
 *
 * The page loads this worker instead of Material's (main.html rewrites the worker URL and
 * passes Material's file name as ?material=…). It then
 *  - normalises every query before Material's handler sees it (the listener below is added
 *    before Material's worker is imported, so it runs first and rewrites the message);
 *  - normalises every token Lunr indexes (as it leaves Material's tokenizer). Material
 *    highlights by position in the original text, so results still show the text as written;
 *  - lets "550-5.1.1" reach Material as one term (Lunr's query lexer otherwise splits on "-");
 *    the site's search.separator keeps ".", "-" between digits inside a token.
 *
 * Normalisation, both sides: diacritics (tashkeel), tatweel, superscript alef removed;
 * أ إ آ ٱ → ا; ى and ی → ي; ة → ه; Arabic-Indic digits → 0-9. The query also loses the article
 * ال (with و ب ك ف before it, or لل) when two letters (three after a proclitic) remain; the index
 * keeps each word as written and adds it without the conjunction و and without the article, so
 * "اداره" finds "وإدارة", "المستخدمين" finds "بالمستخدمين", and a word typed halfway still
 * finds the words it begins.
 */
"use strict";

var TWINSPAN_QUERY = 2; /* Material's SearchMessageType.QUERY */

function twinspanStripArticle(word) {
  var proclitics = ["وال", "بال", "كال", "فال"];
  for (var i = 0; i < proclitics.length; i++)
    if (word.indexOf(proclitics[i]) === 0 && word.length - 3 >= 3) return word.slice(3);
  if (word.indexOf("لل") === 0 && word.length - 2 >= 3) return word.slice(2);
  if (word.indexOf("ال") === 0 && word.length - 2 >= 2) return word.slice(2);
  return word;
}

/* Letters only: no article taken off. */
function twinspanLetters(text) {
  return String(text)
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/[\u0649\u06CC]/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
    .replace(/[\u06F0-\u06F9]/g, function (d) { return String(d.charCodeAt(0) - 0x06F0); });
}

/* A query: letters normalised and the article taken off each word. */
function twinspanNormalize(text) {
  return twinspanLetters(text).replace(/[\u0621-\u064A]+/g, twinspanStripArticle);
}

/* An indexed word (normalised letters): itself, without the conjunction و, without the article. */
function twinspanVariants(word) {
  var out = [word];
  if (!/^[\u0621-\u064A]+$/.test(word)) return out;
  var w = word;
  if (w.length > 3 && w.charAt(0) === "\u0648") {
    w = w.slice(1);
    out.push(w);
  }
  var bare = twinspanStripArticle(w);
  if (bare !== w) out.push(bare);
  return out;
}

/* Queries: rewritten in place before Material's own listener runs. */
self.addEventListener("message", function (ev) {
  if (ev.data && ev.data.type === TWINSPAN_QUERY && typeof ev.data.data === "string")
    ev.data.data = twinspanNormalize(ev.data.data);
});

(function () {
  var name = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name))
    throw new Error("twinspan-search: unexpected Material worker name " + JSON.stringify(name));
  importScripts(name);

  var lunr = self.lunr;
  /* Index: every token normalised as it leaves Material's tokenizer, with its variants at the
     same position (so Material still highlights the word as written). */
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.twinspanNormalizing) {
      var tokenizer = this.tokenizer;
      this.tokenizer = function (value, metadata) {
        var tokens = tokenizer(value, metadata);
        var out = [];
        for (var i = 0; i < tokens.length; i++) {
          var variants = twinspanVariants(twinspanLetters(tokens[i].toString()));
          tokens[i].update(function () { return variants[0]; });
          out.push(tokens[i]);
          for (var k = 1; k < variants.length; k++)
            out.push(new lunr.Token(variants[k], tokens[i].metadata));
        }
        return out;
      };
      this.twinspanNormalizing = true;
    }
    return add.call(this, doc, attributes);
  };
  /* Query lexing: terms end at white space only; the configured separator splits them later. */
  lunr.QueryLexer.termSeparator = /\s/;
})();
