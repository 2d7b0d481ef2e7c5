# What the agent says about an imported file, in English: the problems of a refused file (the
# report printed by `import`, the `.errors.txt` of `run`, the notes of an annotated copy) and the
# summary of a stored one. Ids and arguments are those of ar/import.ftl.

import-nothing-stored = Nothing from this file was stored. Correct the file and import it again.
