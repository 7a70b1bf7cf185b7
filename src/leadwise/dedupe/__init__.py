"""Finding duplicate leads: pure functions over plain records, usable without the database.

    records -> prepare (normalise per field type) -> blocking (candidate pairs)
            -> comparison (agreement levels per field, vectorised) -> model (Fellegi-Sunter
            weights learned by EM, without labels) -> pairs with probabilities and reasons
            -> clusters (no chaining through one weak link)

`engine.find_duplicates` runs the whole chain; `leadwise dedupe FILE.csv` is its CLI.
"""
