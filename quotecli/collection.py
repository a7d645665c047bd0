"""A quote collection: documents and their records in SQLite, indexed for `who` and `search`.

Records are stored as the exact JSON `quotecli list` prints (keys in schema
order), so reading them back gives byte-identical output (`export.JsonRow`
writes the stored text as it is). Two FTS5 tables index them:
`speaker_index` (the words of the speaker and of the mention) and
`quote_index` (the words of the quote, for `search`). Both hold words as
`match.words()` folds them (case, accents, œ → oe); the tokenizer folds
diacritics too, for anyone querying the database directly.

`who` finds what `canon.matching_rows` finds among all the records (a name
stands for its whole cluster: `Macron` for `Emmanuel Macron`, aliases), but
through indexes: `speaker_counts` keeps what `canon` needs to know of each
speaker name (`Collection.seen()`, without reading the records), `canon`
keeps the clusters computed at the end of each add, and the records of the
matching names are fetched by `speaker_key`, those of matching mentions
through `speaker_index`.

A document is identified by its `doc_id` and the SHA-256 of its text (as
UTF-8). Adding a document already stored with the same text and engine
version changes nothing. A document whose `doc_id` was stored by an earlier
`add` with another text (or by another version of quotecli) is replaced in
place. Two documents with the same `doc_id` in one `add` (a scraper's
duplicate URL) are both kept, as `quotecli list` would show both. Metadata
kept with `--keep` is merged into what earlier adds kept, so adding again
without `--keep` loses nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Self, TypeVar

from quotecli import __version__, canon, match, userdirs
from quotecli.export import JsonRow
from quotecli.inputs import Document
from quotecli.model import FIELDS, Record

ENV = "QUOTECLI_DB"  #: the environment variable naming the collection
APPLICATION_ID = 0x51434C49  #: "QCLI": marks an SQLite file as a quotecli collection
SCHEMA_VERSION = 2
#: The version of quotecli and of the schema's keys that made the records: another is re-extracted by add.
ENGINE = f"{__version__}+{hashlib.sha256(' '.join(FIELDS).encode()).hexdigest()[:8]}"
BATCH_DOCUMENTS = 500  #: documents per transaction, at most ...
BATCH_SECONDS = 2.0  #: ... and seconds of work: Ctrl-C loses no more than this

_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
SCHEMA = f"""
CREATE TABLE adds (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    engine TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,          -- the order documents were added in: the order of `list`
    doc_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,            -- of the text as UTF-8
    chars INTEGER NOT NULL,          -- length of the text in characters
    records INTEGER NOT NULL,
    meta TEXT NOT NULL,              -- JSON object: the fields kept with --keep
    engine TEXT NOT NULL,            -- the quotecli version that extracted the records
    added INTEGER NOT NULL REFERENCES adds(id),
    UNIQUE (doc_id, sha256)
);
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,            -- the record's rank in its document
    speaker_key TEXT,                -- the folded words of `speaker`: "bachar al assad"
    json TEXT NOT NULL               -- the record exactly as `quotecli list` prints it
);
CREATE UNIQUE INDEX records_in_order ON records (doc, seq);
CREATE INDEX records_by_speaker ON records (speaker_key);
CREATE VIRTUAL TABLE speaker_index USING fts5 (speaker, mention, {_TOKENIZE});
CREATE VIRTUAL TABLE quote_index USING fts5 (quote, {_TOKENIZE});
PRAGMA application_id = {APPLICATION_ID};
"""
#: Schema 2: what `canon` needs to join speaker names across the collection, without reading every record.
SPEAKERS = """
CREATE TABLE speaker_counts (        -- canon.Seen of every speaker name, kept up to date by add
    speaker TEXT NOT NULL,
    kind TEXT NOT NULL,              -- '' for null, as gender and mention
    gender TEXT NOT NULL,
    mention TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (speaker, kind, gender, mention)
) WITHOUT ROWID;
CREATE TABLE canon (                 -- the canonical name of every speaker name, for the aliases of state.canon
    speaker TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    speaker_key TEXT NOT NULL        -- as records.speaker_key
) WITHOUT ROWID;
CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO speaker_counts
    SELECT json_extract(json, '$.speaker'), coalesce(json_extract(json, '$.speaker_kind'), ''),
           coalesce(json_extract(json, '$.speaker_gender'), ''), coalesce(json_extract(json, '$.speaker_mention'), ''), count(*)
    FROM records WHERE json_extract(json, '$.speaker') IS NOT NULL GROUP BY 1, 2, 3, 4;
"""

T = TypeVar("T")


class CollectionError(Exception):
    """The collection cannot be used: not a collection this version knows (another SQLite database, a newer
    schema, not SQLite), or SQLite could not read or write it (a full disk, a read-only file); one line."""


class Change(str, Enum):
    """What adding one document did."""

    ADDED = "added"
    REPLACED = "replaced"  # an earlier version of the document (same doc_id) was replaced
    UNCHANGED = "unchanged"  # the same text was stored already: nothing was extracted


@dataclass(frozen=True, slots=True)
class Stored:
    """One document handled by `add`: what changed and how many records it has."""

    doc: Document
    change: Change
    records: int


def default_path(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """`$QUOTECLI_DB`, else quotes.db in the user's data folder (XDG_DATA_HOME or ~/.local/share on Linux)."""
    if env.get(ENV):
        return Path(env[ENV]).expanduser()
    return userdirs.data_home(env, platform) / "quotes.db"


def sha256(text: str) -> str:
    """The identity of a text: SHA-256 of its UTF-8 bytes, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Collection:
    """An open collection; use as a context manager, or `close()` it."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    # -- opening ---------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path) -> Collection:
        """Open the collection at `path` for adding, creating it (and its folder) if needed."""
        path = str(path)
        if path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise CollectionError(f"{path}: cannot create its folder ({e.strerror or e}); choose another with --db") from None
        db = _connect(path)
        try:
            if _version(db, path) == 0 and not db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                db.executescript(SCHEMA)
                if path != ":memory:":
                    db.execute("PRAGMA journal_mode = WAL")  # readers (who, search) while an add runs
            _check(db, path)
            upgraded = _upgrade(db)
            db.execute("PRAGMA synchronous = NORMAL")  # with WAL: consistent after a crash, fast commits
        except sqlite3.Error as e:
            _rollback(db)
            db.close()
            raise _failure(path, e, "nothing was changed") from None
        except BaseException:
            db.close()
            raise
        coll = cls(db, path)
        if upgraded:
            coll._store_canon(canon.bundled_aliases())
        return coll

    @classmethod
    def existing(cls, path: str | Path) -> Collection | None:
        """Open the collection at `path` read-only; None when there is no file or no document in it."""
        path = Path(path)
        if not path.is_file():
            return None
        db = _connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            if _version(db, str(path)) == 0 and not db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                db.close()
                return None  # an empty file: nothing was ever added
            _check(db, str(path))
            if _version(db, str(path)) < SCHEMA_VERSION:  # made by an earlier version: upgrade it once
                db.close()
                cls.create(path).close()
                db = _connect(path.resolve().as_uri() + "?mode=ro", uri=True)
            if not db.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
                db.close()
                return None
        except BaseException:
            db.close()
            raise
        return cls(db, str(path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- adding ----------------------------------------------------------------

    def add(
        self,
        docs: Iterable[Document | T],
        extract_all: Callable[[Iterable[Document | Stored | T]], Iterable[tuple[Document, Sequence[Record]] | Stored | T]],
        batch: int | None = None,
        seconds: float | None = None,
    ) -> Iterator[Stored | T]:
        """Store `docs` and yield what each one changed; other items (input errors) are passed through.

        `extract_all` turns the documents still to extract into `(document,
        records)` pairs, in order, passing other items through (as
        `parallel.extract_all` does); documents stored already never reach it.
        Commits every `batch` documents or `seconds` (default: BATCH_DOCUMENTS,
        BATCH_SECONDS); an exception (Ctrl-C) rolls back the open batch only,
        so the collection stays consistent. An SQLite failure (a full disk, a
        read-only file) is a `CollectionError` saying what was kept.
        """
        batch = batch or BATCH_DOCUMENTS
        seconds = seconds if seconds is not None else BATCH_SECONDS
        committed = pending = 0
        try:
            started = datetime.now(UTC).isoformat(timespec="seconds")
            run = int(self.db.execute("INSERT INTO adds (started, engine) VALUES (?, ?)", (started, ENGINE)).lastrowid or 0)
            self.db.execute("DELETE FROM state WHERE name = 'canon'")  # stale until refreshed at the end
            self.db.execute("BEGIN IMMEDIATE")
            since = time.monotonic()
            for item in extract_all(self._unchanged(docs, run)):
                if isinstance(item, tuple):
                    doc, records = item
                    item = Stored(doc, self._put(doc, records, run), len(records))
                if isinstance(item, Stored):
                    pending += 1
                yield item
                if pending >= batch or (pending and time.monotonic() - since >= seconds):
                    self.db.execute("COMMIT")
                    committed, pending = committed + pending, 0
                    self.db.execute("BEGIN IMMEDIATE")
                    since = time.monotonic()
            self.db.execute("COMMIT")
            committed, pending = committed + pending, 0
            self._store_canon(canon.bundled_aliases())
        except sqlite3.Error as e:
            _rollback(self.db)
            kept = f"the first {committed:,} documents of this add were stored and are kept" if committed else "nothing of this add was stored"
            raise _failure(self.path, e, f"{kept}, as is everything stored before", "add again to go on") from None
        except BaseException:
            _rollback(self.db)
            raise

    def _unchanged(self, docs: Iterable[Document | T], run: int) -> Iterator[Document | Stored | T]:
        """`docs`, each one stored already (same doc_id, text and engine) marked as seen and made a `Stored`."""
        for doc in docs:
            if isinstance(doc, Document) and (count := self._touch(doc, run)) is not None:
                yield Stored(doc, Change.UNCHANGED, count)
            else:
                yield doc

    def _touch(self, doc: Document, run: int) -> int | None:
        """Mark `doc` as seen in this add when it is stored already: its number of records, else None."""
        row = self.db.execute(
            "SELECT id, records FROM documents WHERE doc_id = ? AND sha256 = ? AND engine = ?",
            (doc.doc_id, sha256(doc.text), ENGINE),
        ).fetchone()
        if row is None:
            return None
        self.db.execute("UPDATE documents SET added = ?, meta = json_patch(meta, ?) WHERE id = ?", (run, _meta(doc), row[0]))
        return int(row[1])

    def _put(self, doc: Document, records: Sequence[Record], run: int) -> Change:
        """Store one document and its records, replacing an earlier version; what changed."""
        digest = sha256(doc.text)
        versions = self.db.execute(
            "SELECT id, sha256, engine, added FROM documents WHERE doc_id = ?", (doc.doc_id,)
        ).fetchall()
        same = [v for v in versions if v[1] == digest]
        if same and same[0][2] == ENGINE:  # stored in this add already, or since `unchanged()` looked
            self.db.execute("UPDATE documents SET added = ?, meta = json_patch(meta, ?) WHERE id = ?", (run, _meta(doc), same[0][0]))
            return Change.UNCHANGED
        older = same or [v for v in versions if v[3] < run]  # a sibling stored in this same add stays
        for version in older[1:]:
            self._drop(version[0], records_only=False)
        values = (digest, len(doc.text), len(records), _meta(doc), ENGINE, run)
        if older:
            target = older[0][0]
            self._drop(target, records_only=True)
            self.db.execute(
                "UPDATE documents SET sha256 = ?, chars = ?, records = ?, meta = json_patch(meta, ?), engine = ?, added = ? WHERE id = ?",
                (*values, target),
            )
        else:
            cur = self.db.execute(
                "INSERT INTO documents (doc_id, sha256, chars, records, meta, engine, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc.doc_id, *values),
            )
            target = int(cur.lastrowid or 0)
        self._insert_records(target, records)
        return Change.REPLACED if older else Change.ADDED

    def _insert_records(self, doc: int, records: Sequence[Record]) -> None:
        first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM records").fetchone()[0]
        rows, speakers, quotes = [], [], []
        for seq, record in enumerate(records):
            row = record.to_dict()
            rid = first + seq
            speaker, mention = row["speaker"], row["speaker_mention"]
            key = " ".join(match.words(speaker)) if speaker is not None else None
            rows.append((rid, doc, seq, key, json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False)))
            if speaker is not None or mention is not None:
                speakers.append((rid, key or "", " ".join(match.words(mention or ""))))
            quotes.append((rid, " ".join(match.words(row["quote"]))))
        self.db.executemany("INSERT INTO records (id, doc, seq, speaker_key, json) VALUES (?, ?, ?, ?, ?)", rows)
        self._count(Counter(_seen_key(r.to_dict()) for r in records if r.speaker is not None and r.speaker.name is not None), +1)
        self.db.executemany("INSERT INTO speaker_index (rowid, speaker, mention) VALUES (?, ?, ?)", speakers)
        self.db.executemany("INSERT INTO quote_index (rowid, quote) VALUES (?, ?)", quotes)

    def _drop(self, doc: int, records_only: bool) -> None:
        """Delete a document's records and their index entries (and the document unless `records_only`)."""
        counts = Counter(_seen_key(json.loads(j)) for (j,) in self.db.execute("SELECT json FROM records WHERE doc = ?", (doc,)))
        self._count(Counter({k: n for k, n in counts.items() if k[0] is not None}), -1)
        for index in ("speaker_index", "quote_index"):
            self.db.execute(f"DELETE FROM {index} WHERE rowid IN (SELECT id FROM records WHERE doc = ?)", (doc,))
        self.db.execute("DELETE FROM records WHERE doc = ?", (doc,))
        if not records_only:
            self.db.execute("DELETE FROM documents WHERE id = ?", (doc,))

    def _count(self, counts: Counter[tuple[str, str, str, str]], sign: int) -> None:
        """Add (or take away) quotations to the speaker counts."""
        self.db.executemany(
            "INSERT INTO speaker_counts VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
            [(*k, sign * n) for k, n in counts.items()],
        )
        if sign < 0:
            self.db.execute("DELETE FROM speaker_counts WHERE n <= 0")

    def _store_canon(self, aliases: canon.Aliases) -> None:
        """Compute the canonical names of the collection for `aliases` and store them, in one transaction."""
        names = canon.build(self.seen(), aliases)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("DELETE FROM canon")
            self.db.executemany(
                "INSERT INTO canon VALUES (?, ?, ?)",
                ((n, c, " ".join(match.words(n))) for n, c in names.canonical.items()),
            )
            self.db.execute("INSERT OR REPLACE INTO state VALUES ('canon', ?)", (_fingerprint(aliases),))
            self.db.execute("COMMIT")
        except BaseException:
            _rollback(self.db)
            raise

    # -- reading ---------------------------------------------------------------

    def seen(self) -> dict[str, canon.Seen]:
        """What the records say about each speaker name (as `canon.seen_in` of every row), from the counts."""
        seen: dict[str, canon.Seen] = defaultdict(canon.Seen)
        for speaker, kind, gender, mention, n in self.db.execute("SELECT * FROM speaker_counts"):
            seen[speaker].add(kind or None, gender or None, mention or None, n)
        return dict(seen)

    def canon(self, aliases: canon.Aliases) -> canon.Canon:
        """The canonical names of the collection's speakers for `aliases`: stored by add, else computed."""
        state = self.db.execute("SELECT value FROM state WHERE name = 'canon'").fetchone()
        if state is None or state[0] != _fingerprint(aliases):
            return canon.build(self.seen(), aliases)
        counts = dict(self.db.execute("SELECT speaker, sum(n) FROM speaker_counts GROUP BY speaker"))
        members: defaultdict[str, list[str]] = defaultdict(list)
        names = dict(self.db.execute("SELECT speaker, canonical FROM canon"))
        for name in sorted(names, key=lambda n: (-counts.get(n, 0), n)):
            members[names[name]].append(name)
        return canon.Canon(names, {c: tuple(m) for c, m in members.items()}, aliases)


    def documents(self) -> int:
        """How many documents are stored."""
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def records(self) -> int:
        """How many records are stored."""
        return int(self.db.execute("SELECT count(*) FROM records").fetchone()[0])

    def rows(self, keep: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
        """Every record, in the order its documents were added and in document order."""
        return self._rows("", (), keep)

    def who(self, needle: Sequence[str], keep: Sequence[str] = (), aliases: canon.Aliases | None = None) -> Iterator[dict[str, Any]]:
        """The records whose speaker `needle` names, as `canon.matching_rows` finds them among all records, in order.

        Through the indexes, not a scan: the speaker names `canon.names_matching`
        gives (from the canonical names stored by add) are looked up by key,
        and mentions through the speaker index; each candidate is then checked.
        """
        if not needle:
            return
        names = self.canon(aliases if aliases is not None else canon.bundled_aliases())
        terms = canon.key(" ".join(needle)).words  # the needle's words less particles and a title: a superset
        stored = self._speaker_keys()
        hits = canon.names_matching(needle, _having(names, set(terms), stored))
        keys = sorted({stored.get(name) or " ".join(match.words(name)) for name in hits})
        mentions = "mention : (" + " AND ".join(_phrase((t,)) for t in terms) + ")"
        named: dict[str, bool] = {}  # mention -> does the needle name it: "il" comes back thousands of times
        for row, speaker, mention in self._select(_WHO, (json.dumps(keys), mentions), keep):
            if mention is not None and mention not in named:
                named[mention] = bool(canon.names_matching(needle, canon.Canon({mention: mention}, {mention: (mention,)})))
            if speaker in hits or (mention is not None and named[mention]):
                yield row

    def _speaker_keys(self) -> dict[str, str]:
        """The folded words of every speaker name, as stored by add."""
        return dict(self.db.execute("SELECT speaker, speaker_key FROM canon"))

    def search(self, phrases: Sequence[Sequence[str]], keep: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
        """The records whose quote contains every phrase (each the `match.words()` of one query), in order."""
        query = " AND ".join(p for p in map(_phrase, phrases) if p)
        return self._rows(_SEARCH, (query,), keep) if query else iter(())

    def _rows(self, where: str, params: tuple[Any, ...], keep: Sequence[str]) -> Iterator[Mapping[str, Any]]:
        """The records selected by `where`, in order."""
        return (row for row, _, _ in self._select(where, params, keep))

    def _select(
        self, where: str, params: tuple[Any, ...], keep: Sequence[str]
    ) -> Iterator[tuple[Mapping[str, Any], str | None, str | None]]:
        """(record, speaker, mention) selected by `where`, in order. A record is given as stored
        (`export.JsonRow`) when it has the schema's keys and nothing is added, else as a dict
        (with null for any key an older version lacked)."""
        try:
            yield from self._selected(where, params, keep)
        except sqlite3.Error as e:
            raise _failure(self.path, e, "nothing was changed", "") from None

    def _selected(
        self, where: str, params: tuple[Any, ...], keep: Sequence[str]
    ) -> Iterator[tuple[Mapping[str, Any], str | None, str | None]]:
        selected: Iterable[tuple[Any, ...]] = self.db.execute(_first_query(where), params)
        if where:  # the keys of the selection only were sorted: fetch the records in that order
            selected = self._fetch([i for (i,) in selected], _COLUMNS)
        for record, meta, engine, speaker, mention in selected:
            if engine == ENGINE and not keep:
                yield JsonRow(record, FIELDS), speaker, mention
                continue
            stored = json.loads(record)
            row = {k: stored.get(k) for k in FIELDS}
            if keep:
                kept = json.loads(meta)
                row.update((name, kept.get(name)) for name in keep)
            yield row, speaker, mention

    def _fetch(self, ids: Sequence[int], columns: str, chunk: int = 500) -> Iterator[tuple[Any, ...]]:
        """`columns` of the records `ids`, in the order of `ids`, `chunk` records a query."""
        sql = f"SELECT r.id, {columns} FROM records r JOIN documents d ON d.id = r.doc WHERE r.id IN (SELECT value FROM json_each(?))"
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            found = {row[0]: row[1:] for row in self.db.execute(sql, (json.dumps(part),))}
            yield from (found[i] for i in part)

    def plan(self, sql_of: str = "who") -> list[str]:
        """EXPLAIN QUERY PLAN of a reading query (`list`, `who` or `search`): to check the indexes are used."""
        where, params = {"list": ("", ()), "who": (_WHO, ("[]", '"x"')), "search": (_SEARCH, ('"x"',))}[sql_of]
        return [row[3] for row in self.db.execute("EXPLAIN QUERY PLAN " + _first_query(where), params)]


#: What a reading query gives for each record: its JSON, its document's kept fields and engine, who said it.
_COLUMNS = "r.json, d.meta, d.engine, json_extract(r.json, '$.speaker'), json_extract(r.json, '$.speaker_mention')"
#: The records of `who`: of the speaker keys (a JSON array) or of the mentions (an FTS5 query) given.
_WHO = (
    "WHERE r.speaker_key IN (SELECT value FROM json_each(?))"
    " OR r.id IN (SELECT rowid FROM speaker_index WHERE speaker_index MATCH ?)"
)
#: The records of `search`: those whose quote matches an FTS5 query.
_SEARCH = "WHERE r.id IN (SELECT rowid FROM quote_index WHERE quote_index MATCH ?)"


def _first_query(where: str) -> str:
    """Every record (with `_COLUMNS`), streamed in order; or the ids of those `where` selects, in order."""
    if not where:
        return f"SELECT {_COLUMNS} FROM records r JOIN documents d ON d.id = r.doc ORDER BY r.doc, r.seq"
    return f"SELECT r.id FROM records r {where} ORDER BY r.doc, r.seq"


def _phrase(words: Sequence[str]) -> str:
    """An FTS5 phrase matching `words` contiguous and in order (each word is letters and digits only)."""
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"' if words else ""


def _having(names: canon.Canon, terms: set[str], keys: Mapping[str, str]) -> canon.Canon:
    """`names` cut to the clusters one of whose names has every word of `terms`: the only ones
    `canon.names_matching` can find for a needle whose words (less particles) are `terms`."""

    def has(name: str) -> bool:
        key = keys.get(name)
        return terms <= set(key.split() if key is not None else match.words(name))

    kept = {shown: members for shown, members in names.members.items() if any(map(has, names.names(shown)))}
    return canon.Canon({n: c for c, members in kept.items() for n in members}, kept, names.aliases)


def _seen_key(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """A record's entry in speaker_counts: speaker, kind, gender, mention ('' for null)."""
    return (row["speaker"], row["speaker_kind"] or "", row["speaker_gender"] or "", row["speaker_mention"] or "")


def _fingerprint(aliases: canon.Aliases) -> str:
    """What stored canonical names depend on: the aliases, and the version that joined the names."""
    data = json.dumps([ENGINE, sorted(aliases.canonical.items()), sorted(aliases.variants.items())], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _upgrade(db: sqlite3.Connection) -> bool:
    """Bring a collection of an earlier schema to this one; True when it had records to go through."""
    if _version(db, "") >= SCHEMA_VERSION:
        return False
    db.executescript("BEGIN IMMEDIATE;" + SPEAKERS + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    return db.execute("SELECT 1 FROM records LIMIT 1").fetchone() is not None


def _meta(doc: Document) -> str:
    return json.dumps(dict(doc.meta), ensure_ascii=False, separators=(",", ":"))  # as SQLite's json_patch writes it


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are explicit (BEGIN ... COMMIT)."""
    try:
        return sqlite3.connect(target, uri=uri, isolation_level=None, timeout=30)
    except sqlite3.Error as e:
        raise CollectionError(f"{target}: cannot open the collection ({e}); check that its folder exists and "
                              "is writable, or choose another with --db") from None


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already (it does on a full disk), never raising:
    an error while rolling back must not hide the one that caused it."""
    try:
        if db.in_transaction:
            db.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # SQLite rolls the journal back when the file is next opened


#: What to say for an SQLite error, by its primary result code: what happened, and what to do.
_FAILURES = {
    "SQLITE_FULL": ("the disk is full", "free some space, then {again}"),
    "SQLITE_IOERR": ("the disk failed ({error})", "check the disk and its free space, then {again}"),
    "SQLITE_READONLY": ("the collection is read-only ({error})", "make the file and its folder writable, or choose another with --db"),
    "SQLITE_CANTOPEN": ("cannot open the collection ({error})", "check that its folder exists and is writable, or choose another with --db"),
    "SQLITE_PERM": ("access denied ({error})", "check the permissions of the file and its folder"),
    "SQLITE_BUSY": ("another process is writing the collection ({error})", "wait for it to end, then {again}"),
    "SQLITE_LOCKED": ("another process is writing the collection ({error})", "wait for it to end, then {again}"),
    "SQLITE_CORRUPT": ("the collection is damaged ({error})", "restore a copy, or add the corpus again into a new --db"),
    "SQLITE_NOTADB": ("not a quotecli collection ({error})", "choose another with --db"),
}


def _failure(path: str, error: sqlite3.Error, kept: str, again: str = "try again") -> CollectionError:
    """An SQLite error as one line: the file, what happened, what was kept and what to do."""
    code = getattr(error, "sqlite_errorname", "") or ""
    what, todo = next((v for k, v in _FAILURES.items() if code == k or code.startswith(k + "_")), ("SQLite failed ({error})", "{again}"))
    parts = [what.format(error=error), kept, todo.format(again=again or "try again")]
    return CollectionError(f"{path}: " + "; ".join(p for p in parts if p))


def _version(db: sqlite3.Connection, path: str) -> int:
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as e:  # "file is not a database"
        raise CollectionError(f"{path}: not a quotecli collection ({e})") from None


def _check(db: sqlite3.Connection, path: str) -> None:
    """A CollectionError unless `db` is a quotecli collection of a schema this version knows."""
    app = int(db.execute("PRAGMA application_id").fetchone()[0])
    version = _version(db, path)
    if app != APPLICATION_ID:
        raise CollectionError(f"{path}: not a quotecli collection (another SQLite database)")
    if version > SCHEMA_VERSION:
        raise CollectionError(f"{path}: made by a newer quotecli (schema {version}); upgrade quotecli")
