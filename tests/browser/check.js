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
	// A table in a right-to-left text: its first column on the right.
	out.tables = [];
	for (const t of document.querySelectorAll('table')) {
		const cells = t.querySelectorAll('tr:first-child > *');
		if (cells.length < 2) continue;
		const first = cells[0].getBoundingClientRect(), last = cells[cells.length - 1].getBoundingClientRect();
		out.tables.push({ dir: getComputedStyle(t).direction, firstOnRight: first.left > last.left });
	}
	// A footnote mark after a number or a Latin word in right-to-left text
	// sits on the text's side: left of the character it follows.
	out.marks = [];
	for (const a of document.querySelectorAll('[role="doc-noteref"]')) {
		const sup = a.closest('sup') || a;
		let prev = sup.previousSibling;
		while (prev && prev.nodeType === 1 && !prev.textContent) prev = prev.previousSibling;
		if (!prev) continue;
		let node = prev;
		while (node.nodeType === 1) node = node.lastChild;
		if (!node || node.nodeType !== 3 || !node.data.length) continue;
		const ch = node.data[node.data.length - 1];
		if (!/[0-9A-Za-z]/.test(ch)) continue;
		const r = document.createRange();
		r.setStart(node, node.data.length - 1);
		r.setEnd(node, node.data.length);
		const c = r.getBoundingClientRect(), m = sup.getBoundingClientRect();
		out.marks.push({ after: ch, dir: getComputedStyle(sup.parentElement).direction, onTextSide: getComputedStyle(sup.parentElement).direction === 'rtl' ? m.right <= c.left + 1 : m.left >= c.right - 1 });
	}
	// Verse: a line's hemistichs side by side, the first at the line's
	// start (on the right in right-to-left text).
	out.verses = [];
	for (const l of document.querySelectorAll('p.l')) {
		const h = l.querySelectorAll('.hemistich');
		if (h.length !== 2) continue;
		const a = h[0].getBoundingClientRect(), b = h[1].getBoundingClientRect();
		const rtl = getComputedStyle(l).direction === 'rtl';
		out.verses.push({ sideBySide: Math.abs(a.top - b.top) < 2, firstAtStart: rtl ? a.left > b.left : a.left < b.left });
	}
	const pre = document.createElement('pre');
	pre.id = 'warraq-result';
	pre.textContent = JSON.stringify(out);
	document.body.appendChild(pre);
})();
