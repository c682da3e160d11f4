"""Recording facts in the audit files: what each edit command writes, checked by the
rules of ``qnc check`` before anything is written (:mod:`qnc.writing` does the writing)."""
