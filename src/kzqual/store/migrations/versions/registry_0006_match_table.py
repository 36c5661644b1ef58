"""registry: PostgreSQL matches in a narrow table of key, act, language and the whole vector.

At 100,000 posts a word in a third of the posts cost 25-35 ms per search step on PostgreSQL
(p99 ~90 ms): ``position_rank`` rows carried the head vector in line (~550 bytes), so the bitmap
over ``tsv`` visited 5,000 of its 7,000 pages, and the language / current-act filters joined
``positions`` row by row.  Now:

* ``position_match`` (key, act, language, ``tsv`` out of line): ~50 bytes a row, 100,000 posts in
  ~700 pages; the filters are read from the same row (and the 5-row ``acts``).
* ``position_rank`` keeps only key, act, language and the head vector (title A, department B) in
  line, for ranking and the title/department tier.

Both are written in key order.  SQLite is unchanged.

Revision ID: registry_0006
Revises: registry_0005
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "registry_0006"
down_revision = "registry_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TABLE position_match ("
               " position_pk integer PRIMARY KEY REFERENCES positions(pk) ON DELETE CASCADE,"
               " act_id integer NOT NULL, language varchar(2) NOT NULL, tsv tsvector NOT NULL)")
    op.execute("ALTER TABLE position_match ALTER COLUMN tsv SET STORAGE EXTERNAL")
    op.execute("INSERT INTO position_match (position_pk, act_id, language, tsv) "
               "SELECT r.position_pk, p.act_id, p.language, r.tsv FROM position_rank r "
               "JOIN positions p ON p.pk = r.position_pk ORDER BY r.position_pk")
    op.execute("CREATE INDEX ix_position_match_tsv ON position_match USING gin (tsv)")
    op.execute("CREATE TABLE position_head ("
               " position_pk integer PRIMARY KEY REFERENCES positions(pk) ON DELETE CASCADE,"
               " act_id integer NOT NULL, language varchar(2) NOT NULL, head tsvector NOT NULL)")
    op.execute("ALTER TABLE position_head ALTER COLUMN head SET STORAGE MAIN")
    op.execute("INSERT INTO position_head (position_pk, act_id, language, head) "
               "SELECT r.position_pk, p.act_id, p.language, r.head FROM position_rank r "
               "JOIN positions p ON p.pk = r.position_pk ORDER BY r.position_pk")
    # the new narrow table takes the old name (ingest ANALYZEs position_rank by name)
    op.execute("DROP TABLE position_rank")
    op.execute("ALTER TABLE position_head RENAME TO position_rank")
    op.execute("ALTER INDEX position_head_pkey RENAME TO position_rank_pkey")
    op.execute("CREATE INDEX ix_position_rank_head ON position_rank USING gin (head)")
    op.execute("ANALYZE position_match, position_rank")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE position_rank RENAME TO position_head")
    op.execute("ALTER INDEX position_rank_pkey RENAME TO position_head_pkey")
    op.execute("DROP INDEX ix_position_rank_head")
    op.execute("CREATE TABLE position_rank ("
               " position_pk integer PRIMARY KEY REFERENCES positions(pk) ON DELETE CASCADE,"
               " tsv tsvector NOT NULL, head tsvector NOT NULL)")
    op.execute("ALTER TABLE position_rank ALTER COLUMN tsv SET STORAGE EXTERNAL")
    op.execute("ALTER TABLE position_rank ALTER COLUMN head SET STORAGE MAIN")
    op.execute("INSERT INTO position_rank (position_pk, tsv, head) SELECT m.position_pk, m.tsv, h.head "
               "FROM position_match m JOIN position_head h ON h.position_pk = m.position_pk")
    op.execute("CREATE INDEX ix_position_rank_tsv ON position_rank USING gin (tsv)")
    op.execute("CREATE INDEX ix_position_rank_head ON position_rank USING gin (head)")
    op.execute("DROP TABLE position_head")
    op.execute("DROP TABLE position_match")
