"""The certification cycle: the audits of one organisation grouped and ordered
(``lineage``), earlier audits closed by later ones (``carry``), the certificate's dates
and windows (``certificate``), what the other audits say about one audit
(``audit_cycle``), and each organisation's story (``history``)."""
