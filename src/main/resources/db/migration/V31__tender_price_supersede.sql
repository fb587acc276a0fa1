-- A later tender supersedes an earlier one (Art. 5): the earlier list's prices for the items the
-- later one prices end the day before the later prices start. Nothing is deleted: the end as
-- awarded stays beside the end in force, with the list that cut it short.
ALTER TABLE price_list ADD COLUMN supersedes uuid REFERENCES price_list (id);

ALTER TABLE price_line ADD COLUMN superseded_by uuid REFERENCES price_list (id);
-- The end as awarded (NULL = open-ended), kept once a later list has cut the line short.
ALTER TABLE price_line ADD COLUMN awarded_to date;

CREATE INDEX price_list_supplier ON price_list (supplier_id, awarded_on DESC);
CREATE INDEX price_line_list ON price_line (price_list_id);
