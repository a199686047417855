# tests/parts/30-corpora.sh - sourced by tests/run; see its helpers.
# ---- the corpora nobody here wrote -------------------------------------------
corpora_html
