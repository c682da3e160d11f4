"""The rules of the certification: clocks of each NC, the verdict, the priority order,
NCs carried over to a later audit, and the report that gathers them. Pure."""
