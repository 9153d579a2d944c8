"""core/motifnames.py: the old → new mapping, the names table and stable colours (expected by hand)."""
import sqlite3

import pytest

from photo_motifs.core.motifnames import (
    NOT_A_MOTIF,
    MappingRow,
    apply_mapping,
    name_rows,
    read_mapping,
    read_names_table,
    sheet_for,
    stable_colours,
    start_ids,
    styles_with_colours,
    validate_mapping,
    write_names_table,
)
from photo_motifs.core.palette import GREY_NOISE, GREY_OTHER, PALETTE, category_styles


def rows(*pairs):
    return [MappingRow(k + 2, old, new) for k, (old, new) in enumerate(pairs)]


def test_merge_exclusion_and_unchanged_motifs():
    values = ["C1", "C2", "C3", "C2", "C4", None]
    ids = start_ids(values)
    mapping = validate_mapping(rows(("C1", "forest"), ("C2", "forest"), ("C3", None)), values, ids)
    assert not mapping.problems
    assert apply_mapping(values, ids, mapping) == ["forest", "forest", None, "forest", "C4", None]


def test_mapping_is_applied_at_once_not_in_a_chain():
    values = ["C1", "C2", "C3"]
    mapping = validate_mapping(rows(("C1", "C2"), ("C2", "C3")), values, values)
    assert apply_mapping(values, values, mapping) == ["C2", "C3", "C3"]


def test_redo_from_original_ids_takes_a_motif_back_out_of_a_merge():
    # first run: C27 + C28 -> architecture; the ids stay in cluster_id
    values, ids = ["architecture"] * 3 + ["river"], ["C27", "C27", "C28", "C5"]
    mapping = validate_mapping(rows(("architecture", "buildings"), ("C28", "towers")), values, ids)
    assert mapping.by_name == {"architecture": "buildings"} and mapping.by_id == {"C28": "towers"}
    assert apply_mapping(values, ids, mapping) == ["buildings", "buildings", "towers", "river"]


def test_unknown_duplicate_and_empty_old_are_warnings():
    values = ["C1", "C2"]
    mapping = validate_mapping(rows(("C1", "a"), ("C9", "b"), ("C1", "a"), (None, "c")), values, values)
    codes = [(p.code, p.row, p.fatal) for p in mapping.problems]
    assert codes == [("unknown_old", 3, False), ("duplicate_row", 4, False), ("empty_old", 5, False)]
    assert mapping.by_name == {"C1": "a"}
    assert "Row 3: 'C9' is no motif of this layer" in mapping.problems[0].sentence


def test_conflicting_rows_and_formula_names_are_fatal_sentences():
    values = ["C1", "C2", "C3"]
    mapping = validate_mapping(rows(("C1", "a"), ("C1", "b"), ("C2", "=HYPERLINK(\"x\")"), ("C3", "-")),
                               values, values)
    fatal = [(p.code, p.row) for p in mapping.errors]
    assert fatal == [("conflicting_rows", 3), ("formula_name", 4), ("formula_name", 5)]
    assert "begins with '='" in mapping.errors[1].sentence and "'not a motif'" in mapping.errors[2].sentence


def test_a_mapping_for_another_layer_is_fatal():
    mapping = validate_mapping(rows(("X1", "a"), ("X2", "b")), ["C1", "C2"], ["C1", "C2"])
    assert [p.code for p in mapping.errors] == ["nothing_matches"]
    assert "C1, C2" in mapping.errors[0].sentence


def test_safe_cells_apostrophe_before_a_formula_like_old_is_dropped():
    values = ["-1", "C1"]
    mapping = validate_mapping(rows(("'-1", None)), values, values)
    assert not mapping.problems and mapping.by_name == {"-1": None}


def test_case_clash_warns():
    values = ["C1", "Forest"]
    mapping = validate_mapping(rows(("C1", "forest")), values, values)
    assert [p.code for p in mapping.problems] == ["case_clash"]


def test_read_mapping_csv_semicolons_notes_and_colours(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Old;New;Note;Colour\nC1;forest;trees and parks;#00aa00\nC2; ;;\nC3;forest;;nope\n",
                    encoding="utf-8")
    read = read_mapping(path)
    assert [(r.row, r.old, r.new) for r in read] == [(2, "C1", "forest"), (3, "C2", None), (4, "C3", "forest")]
    mapping = validate_mapping(read, ["C1", "C2", "C3"], ["C1", "C2", "C3"])
    assert mapping.notes == {"forest": "trees and parks"} and mapping.colours == {"forest": "#00AA00"}
    assert [p.code for p in mapping.problems] == ["bad_colour"]


def test_read_mapping_without_old_new_columns_is_a_sentence(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("cluster,name\nC1,forest\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs the columns 'old' and 'new'.*cluster, name"):
        read_mapping(path)


def test_read_mapping_xlsx_numbers_as_text(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["old", "new"])
    ws.append([3, "forest"])
    ws.append([4.0, None])
    wb.save(tmp_path / "m.xlsx")
    assert [(r.old, r.new) for r in read_mapping(tmp_path / "m.xlsx")] == [("3", "forest"), ("4", None)]


def test_name_rows_and_table_round_trip(tmp_path):
    ids = ["C1", "C1", "C2", "C3", "C1", None]
    names = ["forest", "forest", "forest", None, "bridges", None]
    table_rows = name_rows(ids, names, {"forest": "trees"}, {"forest": "#E69F00"})
    assert [(r.id, r.name, r.photos, r.note) for r in table_rows] == [
        ("C1", "forest", 2, "trees"), ("C2", "forest", 1, "trees"), ("C1", "bridges", 1, None), ("C3", None, 1, None)]
    path = tmp_path / "l.gpkg"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, "
                "description TEXT, last_change TEXT)")
    con.commit()
    con.close()
    write_names_table(path, "photos", "cluster", table_rows)
    write_names_table(path, "photos", "cluster", table_rows)  # replaces, never doubles
    write_names_table(path, "photos", "label", table_rows[:1])
    table = read_names_table(path, "photos", "cluster")
    assert len(table.rows) == 4 and table.colours == {"forest": "#E69F00"} and table.notes == {"forest": "trees"}
    assert table.ids_of("forest") == ["C1", "C2"]
    assert len(read_names_table(path, "photos", "label").rows) == 1
    con = sqlite3.connect(path)
    assert con.execute("SELECT data_type FROM gpkg_contents WHERE table_name='motif_names'").fetchone() == (
        "attributes",)
    con.close()
    assert read_names_table(tmp_path / "none.gpkg").rows == []


def test_write_names_table_to_a_missing_file_is_a_sentence(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        write_names_table(tmp_path / "no.gpkg", "l", "cluster", [])


def test_stable_colours_keep_unchanged_motifs_and_merge_takes_the_largest():
    before = {"C1": 50, "C2": 40, "C3": 30, "C4": 20, "C5": 10}
    previous = {s.value: s.color for s in category_styles(before)}
    # C2 + C4 -> "trees" (60 photos: now the largest), C3 renamed "river", C5 not a motif
    after = {"trees": 60, "C1": 50, "river": 30}
    sources = {"trees": ["C2", "C4"], "river": ["C3"]}
    colours = stable_colours(after, previous, sources, before)
    assert colours == {"trees": previous["C2"], "C1": previous["C1"], "river": previous["C3"]}
    # recomputing the palette from counts would have recoloured every motif
    fresh = {s.value: s.color for s in category_styles(after)}
    assert fresh["C1"] != previous["C1"]


def test_a_new_motif_gets_a_colour_nobody_had():
    previous = {"C1": PALETTE[0], "C2": PALETTE[1], "C3": PALETTE[2]}
    colours = stable_colours({"C1": 5, "bridges": 9, "C3": 3}, previous)
    assert colours["C1"] == PALETTE[0] and colours["C3"] == PALETTE[2]
    assert colours["bridges"] == PALETTE[3]  # not C2's freed colour


def test_styles_with_colours_other_and_greys():
    counts = {"a": 5, "b": 3, "unknown": 2, NOT_A_MOTIF: 4, "unreadable": 1, "c": 1}
    styles = styles_with_colours(counts, {"a": PALETTE[7], "b": "#123456"})
    assert [(s.value, s.color, s.shape, s.count, s.kind) for s in styles] == [
        ("a", PALETTE[7], "square", 5, "category"), ("b", "#123456", "circle", 3, "category"),
        (None, GREY_OTHER, "circle", 1, "other"), ("unknown", GREY_NOISE, "circle", 2, "noise"),
        (NOT_A_MOTIF, GREY_NOISE, "circle", 4, "noise"), ("unreadable", "#6E6E6E", "cross", 1, "unreadable")]


def test_sheet_for_names_then_original_ids(tmp_path):
    (tmp_path / "C12.png").write_bytes(b"x")
    (tmp_path / "river at night.png").write_bytes(b"x")
    assert sheet_for(tmp_path, "river at night") == str(tmp_path / "river at night.png")
    assert sheet_for(tmp_path, "nightly river", ["C12"]) == str(tmp_path / "C12.png")
    assert sheet_for(tmp_path, "../C12", []) == ""
    assert sheet_for("", "x") == ""
