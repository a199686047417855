// tests/tools/ace-batch.js OUTDIR EPUB... - Ace by DAISY on each book, in
// one node process (ace-core with its puppeteer runner, on Debian's
// chromium: PUPPETEER_EXECUTABLE_PATH). Prints one JSON object: for each
// book, its findings as "impact rule" strings (an empty list: none).
// Reports go to OUTDIR/<book>/ for a person to read.
const ace = require('@daisy/ace-core');
const runner = require('@daisy/ace-axe-runner-puppeteer');
const path = require('path');

(async () => {
	const out = process.argv[2], found = {};
	for (const f of process.argv.slice(3)) {
		const name = path.basename(f);
		try {
			const [, json] = await ace(f, { cwd: process.cwd(), silent: true, jobId: '', outdir: path.join(out, name) }, runner);
			found[name] = [];
			for (const a of json.assertions || [])
				for (const t of a.assertions || [])
					found[name].push(t['earl:test']['earl:impact'] + ' ' + t['earl:test']['dct:title']);
		} catch (e) {
			found[name] = ['error ' + (e.message || e)];
		}
	}
	console.log(JSON.stringify(found));
})();
