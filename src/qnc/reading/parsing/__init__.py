"""YAML text to a node tree with the position of every key and value: ruamel's parser
behind bounds on nesting and aliases, qnc's own scalar resolver, and plain words for
every syntax error. :mod:`qnc.reading.document` is its one door."""
