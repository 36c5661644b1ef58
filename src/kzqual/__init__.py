"""kzqual: Kazakhstan's normative legal acts on civil-service positions as working software.

Data flows one way: raw text -> cleaned lines (with provenance) -> act -> positions -> store ->
search, eligibility, API, UI.  Each sub-package depends only on the ones before it.
"""

__version__ = "0.1.0"
