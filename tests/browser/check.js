// Appended to a copy of warraq's HTML by tests/browser/run: reads what the
// browser computed, not what the markup says, and writes it into the page
// for --dump-dom to show.
(function () {
	const out = { rtl: 0, ltr: 0, wrong: [], isolated: 0, latinLeaks: [] };
	const arabic = /[\u0600-\u06FF]/g, latin = /[A-Za-z]/g;
	for (const el of document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6')) {
		let own = '';
		for (const n of el.childNodes) if (n.nodeType === 3) own += n.textContent;
		const a = (el.textContent.match(arabic) || []).length;
		const l = (el.textContent.match(latin) || []).length;
		const dir = getComputedStyle(el).direction;
		if (a + l === 0) continue;
		const want = a * 5 >= (a + l) * 4 ? 'rtl' : l * 5 >= (a + l) * 4 ? 'ltr' : null;
		if (want && dir !== want) out.wrong.push(el.tagName + ': ' + el.textContent.slice(0, 40));
		out[dir]++;
		// In a right-to-left block, Latin letters never stand bare: each
		// run is an element that carries dir="ltr".
		if (dir === 'rtl' && /[A-Za-z]/.test(own)) out.latinLeaks.push(own.match(/[A-Za-z][\w.-]*/)[0]);
	}
	for (const s of document.querySelectorAll('span[dir="ltr"]'))
		if (getComputedStyle(s).unicodeBidi === 'isolate') out.isolated++;
	const pre = document.createElement('pre');
	pre.id = 'warraq-result';
	pre.textContent = JSON.stringify(out);
	document.body.appendChild(pre);
})();
