"""The rules of ``qnc check``, one module per family; every problem they find has a code
of :mod:`qnc.codes`. Pure: the file system is asked only through :class:`Context`."""
