// A TEI edition shown as TEI projects show theirs: CETEIcean turns it into
// custom elements in the page (tests/browser/run puts CETEI.js and the
// edition's text before this script). Reads the direction the browser
// computed for each block with letters, as check.js does for HTML.
(function () {
	const out = { rtl: 0, ltr: 0, wrong: [] };
	const arabic = /[\u0600-\u06FF]/g, latin = /[A-Za-z]/g;
	new CETEI().makeHTML5(window.warraqTEI, function (dom) {
		document.body.appendChild(dom);
		for (const el of document.querySelectorAll('tei-text tei-p, tei-text tei-head, tei-text tei-l, tei-text tei-item')) {
			const a = (el.textContent.match(arabic) || []).length;
			const l = (el.textContent.match(latin) || []).length;
			if (a + l === 0) continue;
			const dir = getComputedStyle(el).direction;
			const want = a * 5 >= (a + l) * 4 ? 'rtl' : l * 5 >= (a + l) * 4 ? 'ltr' : null;
			if (want && dir !== want) out.wrong.push(el.localName + ': ' + el.textContent.slice(0, 40));
			out[dir]++;
		}
	});
	const pre = document.createElement('pre');
	pre.id = 'warraq-result';
	pre.textContent = JSON.stringify(out);
	document.body.appendChild(pre);
})();
