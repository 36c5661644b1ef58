"""The positions layer's warnings: one stable code per kind of doubt, and its English sentence.

A warning is data (``ParseWarning``): the code is the machine key, ``params`` the values filled
into the sentence.  ``message`` stays the English sentence readers and logs always saw; people
read the catalogue's ``positions.warning.<code>`` in their language (``localize``).  The English
templates here are the catalogue's ``en`` text too (a test keeps them equal), so the two never
drift apart.
"""

from __future__ import annotations

from typing import Any

from kzqual.acts.model import Span
from kzqual.positions.model import ParseWarning

TEMPLATES: dict[str, str] = {
    # layout and segmentation (extract.py, paragraph.py, table.py, characteristics.py, headings.py)
    "no_layout": "no post layout recognised: the act lists no posts",
    "extraction_failed": "{layout} layout: extraction failed: {error}",
    "no_post_found": "{layout} layout recognised but no post found",
    "post_not_built": "post on lines {start}-{end} could not be built: {error}",
    "duplicate_id_key": "id key {key} already used by an earlier post; suffixed",
    "duplicate_position_number": "position number {number} is also used by {others}",
    "category_conflict": "title '{title}' has category {category} here but {usual} in {count} of "
    "{total} posts named alike in this act",
    "criteria_header_without_heading": "criteria header on line {line} without a post heading above it",
    "heading_not_separated": "heading above line {line} not separated from the text before it; "
    "taken to start on line {start}",
    "heading_without_category": "heading without a category",
    "heading_number_without_department": "numbered heading {number} without a department name; "
    "number dropped from the title",
    "unit_header_without_criteria": "unit header on line {line} without a criteria header",
    "table_without_header_cell": "table on line {line} without its left header cell",
    "unit_row_not_understood": "unit row not understood: {text}",
    "post_without_title": "post without a title",
    "units_numbers_mismatch": "{units} staff units but {count} position numbers ({numbers})",
    "units_without_number": "{units} staff units but no position number",
    "missing_point": "no '{criterion}' point",
    "one_of_several_posts": "one of {count} posts named in the requirements of paragraph {paragraph}",
    "several_block_codes": "several block codes ({codes}) by qualification level; no single category",
    # criteria rows (rows.py, build.py)
    "no_criteria_labels": "no criteria labels found in lines {start}-{end}",
    "row_text_before_label": "text of '{criterion}' printed before its label (lines {start}-{end}, "
    "label on line {label_line}); moved to '{criterion}'",
    "row_without_label": "'{criterion}' printed without its label (lines {start}-{end}, after the "
    "'{previous}' row); taken as '{criterion}'",
    "empty_criterion": "criterion '{criterion}' (label on line {label_line}) has no text",
    "duplicate_criterion": "criterion '{criterion}' printed twice with the same text (line {label_line}); "
    "the repeat is ignored",
    "criterion_labelled_twice": "criterion '{criterion}' labelled twice (line {label_line}); texts joined",
    "missing_row": "no '{criterion}' row",
    "parser_failed": "requirements.{function} failed: {error}",
    "category_not_recognised": "category {category} not recognised",
    "alternative_span_not_found": "experience alternative {label} not found in lines {start}-{end}; "
    "it keeps their span",
    "rung_span_not_found": "grade rung {label} not found in lines {start}-{end}; it keeps their span",
    "condition_span_not_found": "education condition {label} not found in lines {start}-{end}; it keeps "
    "their span",
    # position numbers (requirements/codes.py)
    "number_range_not_understood": "position number range {range} not understood",
    "number_spaces_read": "position number {printed} read as {number}",
    "numbers_unreadable_text": "unreadable text among position numbers: {text}",
    # education, experience, grades, competence (requirements/*.py)
    "education_empty": "education text is empty",
    "no_education_level": "no education level recognised",
    "education_text_not_read": "text after the first sentence not read as fields: {text}",
    "education_condition_not_read": "a lower education accepted on a condition, but the condition "
    "could not be read: {text}",
    "years_beside_reference": "years stated beside a reference to the typical requirements; not read",
    "experience_by_grade": "experience depends on the grade; see grades",
    "list_starts_late": "the list starts at item {item}: earlier items are not in this text",
    "list_gap": "the list goes from item {before} to item {after}: the items between are not in this text",
    "text_after_list": "text after the list not read: {text}",
    "no_years": "experience is mentioned but no years could be read",
    "condition_not_read": "condition not understood: {text}; the alternative stays undetermined",
    "several_years_in_rung": "more than one years figure in one rung; the first is used",
    "rung_without_years": "no years and no 'no experience required' phrase",
    # coverage (coverage.py): what no post took
    "criteria_without_post": "criteria table on lines {start}-{end} belongs to no post",
    "heading_not_taken": "heading-like line(s) {start}-{end} not taken as a post: {text}",
    "titles_restored": "displaced hyperlink words: {count} title(s) restored by word order from intact blocks",
    "titles_as_printed": "displaced hyperlink words: titles kept as printed and may be garbled",
}

# Params some codes carry beyond their English sentence, for the kk/ru text: the categories as the
# act prints them (Cyrillic С), where the English sentence keeps the canonical ASCII code.
EXTRA_PARAMS: dict[str, frozenset[str]] = {
    "category_conflict": frozenset({"category_printed", "usual_printed"}),
}

# Params that name a criterion by its ASCII key: shown by the catalogue's name for it.
_CRITERION_PARAMS = ("criterion", "previous", "part")


def warn(code: str, /, *, lines: Span | None = None, **params: str | int) -> ParseWarning:
    """The warning ``code`` with its English sentence filled from ``params`` (and the raw lines it
    is about, where one place is meant).  ``params`` may hold more than the sentence uses
    (``EXTRA_PARAMS``)."""
    return ParseWarning(code=code, message=TEMPLATES[code].format(**params), params=params, lines=lines)


def in_part(w: ParseWarning, part: str, prefix: str, **params: str | int) -> ParseWarning:
    """A criterion parser's warning as the post lists it: ``"<prefix>: <message>"``, and ``part``
    (with e.g. the grade rung) in its params so a translation can name the criterion too."""
    return w.model_copy(update={"message": f"{prefix}: {w.message}", "params": {**w.params, "part": part, **params}})


def localize(w: Any, lang: str) -> str:
    """A warning (positions ``ParseWarning``, an act's/text's dict, or an old plain string) as a
    sentence in ``lang``; its English ``message`` where the catalogue has no entry for its code or
    its params do not fill the entry."""
    from kzqual.i18n import catalogue

    if isinstance(w, str):
        return w
    get = w.get if isinstance(w, dict) else lambda k, d=None: getattr(w, k, d)
    code = str(get("code") or "")
    message = str(get("message") or "")
    params = dict(get("params") or {})
    if lang == "en" and message:
        return message  # the English sentence as built, with every detail (the catalogue's en entry may be more general)
    # act-layer codes are bare ("no_signature") or carry their area ("text.mixed_script")
    area, _, bare = code.rpartition(".")
    keys = [f"{area}.warning.{bare}"] if area else [f"positions.warning.{code}", f"acts.warning.{code}",
                                                      f"text.warning.{code}"]
    cat = catalogue()
    shown = {k: _criterion(v, lang) if k in _CRITERION_PARAMS else v for k, v in params.items()}
    for key in keys:
        if key not in cat:
            continue
        template = cat[key].get(lang) or cat[key].get("en") or message
        try:
            text = template.format(**shown)
        except (KeyError, IndexError, ValueError):
            return message
        part = params.get("part")
        if part:
            return f"{_part_label(str(part), params, lang)}: {_lower_first(text)}"
        return _upper_first(text)
    return message


def _upper_first(text: str) -> str:
    # a sentence may open with a quoted criterion name («білімі» ...): its first letter goes up
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _lower_first(text: str) -> str:
    # after "Білімі: " the sentence goes on in lower case; an acronym ("ID", "C-5") is left alone
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _criterion(name: Any, lang: str) -> Any:
    from kzqual.i18n import t

    key = f"positions.criterion.{name}"
    text = t(key, lang)
    return name if text == key else text


def _part_label(part: str, params: dict, lang: str) -> str:
    label = str(_criterion(part, lang))
    label = label[:1].upper() + label[1:]  # it opens the sentence
    if part != "grades":
        return label
    bits = [_known(f"positions.rung.{params.get('rung_level')}", lang, params.get("rung_level")),
            _known(f"positions.grade.{params.get('rung_grade')}", lang, params.get("rung_grade"))]
    if params.get("rung_post"):
        bits.append(str(params["rung_post"]))
    return f"{label} ({', '.join(str(b) for b in bits)})"


def _known(key: str, lang: str, fallback: Any) -> Any:
    from kzqual.i18n import t

    text = t(key, lang)
    return fallback if text == key else text
