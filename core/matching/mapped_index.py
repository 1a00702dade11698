"""The name index's stored layout: names and word tables that every process maps.

A saved index used to be one pickle, which each matching process unpickled into its own
copy (at 485,000 names: 650 MB of objects per process, 28% of them the ``IndexedName`` of
every name, though a screening only ever looks at the few names that are candidates). Here
the names and the word -> names tables ("postings": the prefix keys of each level, the
compact spellings, the exact CJK cores) are arrays in the file, read through ``mmap``: all
processes share the same pages of the operating system's file cache; a name becomes an
``IndexedName`` when first asked for (``NameTable``), a posting is looked up in a hash table
in the file (``MappedPostings``). The rest (the vocabulary and its weights, the typo
variants, the pair partners) stays one pickle: those are looked up by the million with
C-speed dict and set operations (the typo look-up intersects a key view with a word's
variants), which a loop over mapped bytes in Python would be several times slower than.

Payload (after ``persist``'s magic line and SHA-256 digest), integers in the byte order of
the machine that wrote it (a marker says which; a file of the other order is refused):

    header   b"TSNI", u32 layout version (``LAYOUT``), u32 byte-order marker 0x01020304,
             u32 section count, then per section its name (16 bytes ASCII, NUL-padded),
             u64 offset (from the payload's start) and u64 length in bytes; each section
             starts at a multiple of 8
    state    pickle of the ``NameIndex`` with the names and the postings left out: in their
             place persistent references, the name of the section that holds each
    norms    pickle of {name id: NormalizedName} for the names whose tokens needed the full
             normalization (all CJK names; Latin names with more than plain ASCII words)
    entity   u32 per name: its entity's position
    flags    u8 per name: bit 0 alias; bits 1-7 the position of its script in ``SCRIPTS``
    text_at  u32 per name * 2 + 1: offsets into ``text`` of the printed name and of the
             name it was cut from ("" for most), one after the other
    text     UTF-8 (surrogates passed through)
    tok_at   u32 per name + 1: offsets into ``tok``
    tok      u32 per token of each name: its position in the word list
    word_at  u32 per distinct token + 1: offsets into ``word``
    word     UTF-8 of the distinct tokens, one after the other
    postings.N  one hash table each (layout: ``MappedPostings``)

A file with another layout version or byte order, a section out of bounds or misaligned, or
arrays whose lengths and last offsets do not agree is refused (``ValueError``): the caller
builds the index again. (``persist`` checks the digest first, so this only meets files that
a broken writer made.) Offsets are u32: a list of more than 4 GiB of name text cannot be
saved (``OverflowError``; it is then built each time, as with no cache).
"""

from __future__ import annotations

import io
import mmap
import pickle
import struct
from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate, chain
from typing import Any, BinaryIO, overload
from zlib import crc32

from core.matching.index import IndexedName, NameIndex
from core.matching.normalize import NormalizedName

LAYOUT = 1
SCRIPTS = ("latin", "cjk")
_NAMES = "names"
_TAG = b"TSNI"
_ORDER = 0x01020304
_HEAD = struct.Struct("=4sIII")
_ENTRY = struct.Struct("=16sQQ")
_U32_LIMIT = 1 << 32
if array("I").itemsize != 4:  # pragma: no cover - every platform Python 3.11 runs on
    raise ImportError("the name index layout needs 4-byte unsigned ints")


def payload_of(index: NameIndex) -> Iterator[bytes]:
    """The payload of ``index`` in pieces, in file order (see the module doc)."""
    postings = _postings_of(index)
    sections = [("state", _pickled_without(index, {id(index.names): _NAMES, **{
        id(table): name for name, table in postings}}))]  # fmt: skip
    sections.extend(_name_sections(index.names))
    sections.extend((name, _postings_section(table)) for name, table in postings)
    offset = _aligned(_HEAD.size + _ENTRY.size * len(sections))
    table = []
    for name, body in sections:
        table.append(_ENTRY.pack(name.encode("ascii"), offset, len(body)))
        offset = _aligned(offset + len(body))
    head = _HEAD.pack(_TAG, LAYOUT, _ORDER, len(sections)) + b"".join(table)
    yield head + bytes(_aligned(len(head)) - len(head))
    for _, body in sections:
        yield body + bytes(_aligned(len(body)) - len(body))


def _postings_of(index: NameIndex) -> list[tuple[str, Mapping[str, Sequence[int]]]]:
    """The word -> names tables kept mapped, each with its section name."""
    tables: list[Mapping[str, Sequence[int]]] = [index._compact, index._cjk_exact]
    for level in index._levels.values():
        tables.extend((level.single, level.pairs, level.cjk_single, level.cjk_pairs))
    return [(f"postings.{n}", table) for n, table in enumerate(tables)]


def _name_sections(names: Sequence[IndexedName]) -> list[tuple[str, bytes]]:
    scripts = {script: n for n, script in enumerate(SCRIPTS)}
    words: dict[str, int] = {}
    entity, flags, text_at, tok_at, tok = _u32(), bytearray(), _u32(0), _u32(0), _u32()
    text: list[bytes] = []
    size = 0
    for name in names:
        entity.append(name.entity_index)
        flags.append(int(name.is_alias) | scripts[name.script] << 1)
        for part in (name.printed, name.derived_from):
            encoded = part.encode("utf-8", "surrogatepass")
            text.append(encoded)
            size += len(encoded)
            text_at.append(_checked(size))
        tok.extend(words.setdefault(t, len(words)) for t in name.tokens)
        tok_at.append(_checked(len(tok)))
    word_at, word, size = _u32(0), [], 0
    for token in words:
        encoded = token.encode("utf-8", "surrogatepass")
        word.append(encoded)
        size += len(encoded)
        word_at.append(_checked(size))
    # The full normalization of the names that needed it to be tokenized (every CJK name:
    # each CJK candidate asks for its country prefix) is kept, as the pickle kept it.
    norms = {name.name_id: name.made_norm for name in names if name.made_norm is not None}
    return [
        ("norms", pickle.dumps(norms, protocol=pickle.HIGHEST_PROTOCOL)),
        ("entity", entity.tobytes()),
        ("flags", bytes(flags)),
        ("text_at", text_at.tobytes()),
        ("text", b"".join(text)),
        ("tok_at", tok_at.tobytes()),
        ("tok", tok.tobytes()),
        ("word_at", word_at.tobytes()),
        ("word", b"".join(word)),
    ]


def _postings_section(table: Mapping[str, Sequence[int]]) -> bytes:
    """An open-addressing hash table (CRC-32 of the UTF-8 key, linear probing, at most
    half full) of ``table``: see ``MappedPostings``."""
    count = len(table)
    slots = 8
    while slots < 2 * count:
        slots *= 2
    mask = slots - 1
    # Whole-table steps in C (encode, hash, offsets, values); only the probing is a loop.
    raws = [key.encode("utf-8", "surrogatepass") for key in table]
    slot = array("I", bytes(4 * slots))
    for entry, hashed in enumerate(map(crc32, raws), start=1):
        at = hashed & mask
        while slot[at]:
            at = (at + 1) & mask
        slot[at] = entry
    key_at = _u32(0)
    key_at.extend(accumulate(map(len, raws)))
    val_at = _u32(0)
    val_at.extend(accumulate(map(len, table.values())))
    values = array("I", chain.from_iterable(table.values()))
    keys = raws
    _checked(key_at[-1])
    _checked(val_at[-1])
    head = _u32(count)
    head.append(slots)
    return b"".join(
        (head.tobytes(), slot.tobytes(), key_at.tobytes(), val_at.tobytes(), values.tobytes(),
         *keys)
    )  # fmt: skip


def read_payload(buffer: mmap.mmap, start: int) -> NameIndex:
    """The index whose payload begins at ``start`` of the mapped file; its names and word
    tables read from the mapping as they are asked for (``ValueError``: not this layout)."""
    view = memoryview(buffer)[start:]
    tag, layout, order, count = _HEAD.unpack_from(view, 0)
    if tag != _TAG or layout != LAYOUT or order != _ORDER:
        raise ValueError("not a name index of this layout")
    parts: dict[str, memoryview] = {}
    for n in range(count):
        raw, offset, length = _ENTRY.unpack_from(view, _HEAD.size + n * _ENTRY.size)
        key = raw.rstrip(b"\0").decode("ascii")
        if offset % 8 or offset + length > len(view):
            raise ValueError(f"section {key} out of bounds")
        parts[key] = view[offset : offset + length]
    mapped: dict[str, object] = {
        key: MappedPostings(part) for key, part in parts.items() if key.startswith("postings.")
    }
    mapped[_NAMES] = None  # the table needs the index's weights: made below
    index = _Unpickler(io.BytesIO(parts["state"]), mapped).load()
    if not isinstance(index, NameIndex) or getattr(index, "names", ()) is not None:
        raise ValueError("not a name index")
    index.names = NameTable(parts, index)
    return index


class MappedPostings(Mapping[str, Sequence[int]]):
    """A read-only word -> name ids table in a mapped section:

        u32 count, u32 slots (a power of two), u32 slot[slots] (entry + 1; 0: empty),
        u32 key_at[count + 1], u32 val_at[count + 1], u32 values[val_at[count]],
        key bytes (UTF-8, key_at[count] of them)

    A key's home slot is ``crc32(key) & (slots - 1)``; it is in the first slot from there
    on whose entry's key bytes are its own, and absent at the first empty slot.
    """

    def __init__(self, part: memoryview) -> None:
        if len(part) < 8:
            raise ValueError("a postings section too short")
        count, slots = part[:8].cast("I")
        if slots & (slots - 1) or slots < 2 * count:
            raise ValueError("a postings section of a bad size")
        at = 8
        self._slot = _cast(part[at : at + 4 * slots])
        at += 4 * slots
        self._key_at = _cast(part[at : at + 4 * (count + 1)])
        at += 4 * (count + 1)
        self._val_at = _cast(part[at : at + 4 * (count + 1)])
        at += 4 * (count + 1)
        values = self._val_at[count] if len(self._val_at) == count + 1 else -1
        self._values = _cast(part[at : at + 4 * values]) if values >= 0 else _cast(part[:0])
        at += 4 * max(values, 0)
        self._keys = part[at:]
        if (
            len(self._slot) != slots
            or len(self._val_at) != count + 1
            or len(self._values) != values
            or self._key_at[count] != len(self._keys)
        ):
            raise ValueError("a postings section of a bad size")
        self._count = count
        self._mask = slots - 1

    def get(self, key: str, default: object = None) -> Any:
        raw = key.encode("utf-8", "surrogatepass")
        slot, key_at, keys, mask = self._slot, self._key_at, self._keys, self._mask
        at = crc32(raw) & mask
        while entry := slot[at]:
            entry -= 1
            if keys[key_at[entry] : key_at[entry + 1]] == raw:
                val_at = self._val_at
                return self._values[val_at[entry] : val_at[entry + 1]].tolist()
            at = (at + 1) & mask
        return default

    def __getitem__(self, key: str) -> Sequence[int]:
        found: Sequence[int] | None = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        key_at, keys = self._key_at, self._keys
        for entry in range(self._count):
            yield str(keys[key_at[entry] : key_at[entry + 1]], "utf-8", "surrogatepass")


class NameTable(Sequence[IndexedName]):
    """The names of a mapped index: ``table[nid]`` is the ``IndexedName`` that the build
    made, made again from the arrays on first use (and kept)."""

    def __init__(self, parts: dict[str, memoryview], index: NameIndex) -> None:
        self._entity = _cast(parts["entity"])
        self._flags = parts["flags"]
        self._text_at = _cast(parts["text_at"])
        self._text = parts["text"]
        self._tok_at = _cast(parts["tok_at"])
        self._tok = _cast(parts["tok"])
        self._word_at = _cast(parts["word_at"])
        self._word = parts["word"]
        self._size = len(self._entity)
        self._weights = index.weights
        self._norms: dict[int, NormalizedName] = pickle.loads(parts["norms"])
        self._made: dict[int, IndexedName] = {}
        self._words: dict[int, str] = {}
        sizes = (len(self._flags), len(self._text_at) - 1, 2 * (len(self._tok_at) - 1))
        if sizes != (self._size, 2 * self._size, 2 * self._size):
            raise ValueError("the name arrays do not agree")
        if self._tok_at[self._size] != len(self._tok) or self._text_at[-1] != len(self._text):
            raise ValueError("the name arrays do not agree")
        if self._word_at[-1] != len(self._word):
            raise ValueError("the word arrays do not agree")

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, nid: int) -> IndexedName: ...

    @overload
    def __getitem__(self, nid: slice) -> Sequence[IndexedName]: ...

    def __getitem__(self, nid: int | slice) -> IndexedName | Sequence[IndexedName]:
        if isinstance(nid, slice):
            return [self[n] for n in range(*nid.indices(self._size))]
        made = self._made.get(nid)
        if made is None:
            made = self._made[nid] = self._make(nid if nid >= 0 else nid + self._size)
        return made

    def _make(self, nid: int) -> IndexedName:
        if not 0 <= nid < self._size:
            raise IndexError(nid)
        at, text = self._text_at, self._text
        printed = str(text[at[2 * nid] : at[2 * nid + 1]], "utf-8", "surrogatepass")
        derived = str(text[at[2 * nid + 1] : at[2 * nid + 2]], "utf-8", "surrogatepass")
        tok_at = self._tok_at
        tokens = tuple(self._word_of(t) for t in self._tok[tok_at[nid] : tok_at[nid + 1]])
        flags = self._flags[nid]
        script = SCRIPTS[flags >> 1]
        weights = tuple(self._weights.weights(tokens)) if script == "latin" else ()
        norm = self._norms.get(nid)
        return IndexedName(
            nid, self._entity[nid], printed, bool(flags & 1), derived, script, tokens, weights, norm
        )

    def _word_of(self, position: int) -> str:
        word = self._words.get(position)
        if word is None:
            at = self._word_at
            raw = self._word[at[position] : at[position + 1]]
            word = self._words[position] = str(raw, "utf-8", "surrogatepass")
        return word


class _Pickler(pickle.Pickler):
    """Pickles an index with some of its parts left out: references (by the id of the
    object) to the sections that hold them."""

    def __init__(self, handle: BinaryIO, left_out: dict[int, str]) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._left_out = left_out

    def persistent_id(self, obj: object) -> str | None:
        return self._left_out.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle: BinaryIO, parts: dict[str, object]) -> None:
        super().__init__(handle)
        self._parts = parts

    def persistent_load(self, pid: object) -> object:
        if not isinstance(pid, str) or pid not in self._parts:
            raise pickle.UnpicklingError(f"no section {pid!r}")
        return self._parts[pid]


def _pickled_without(index: NameIndex, left_out: dict[int, str]) -> bytes:
    out = io.BytesIO()
    _Pickler(out, left_out).dump(index)
    return out.getvalue()


def _u32(first: int | None = None) -> array[int]:
    return array("I") if first is None else array("I", [first])


def _cast(view: memoryview) -> memoryview:
    """The u32 array in ``view``."""
    if len(view) % 4:
        raise ValueError("a u32 array of odd length")
    return view.cast("I")


def _checked(value: int) -> int:
    if value >= _U32_LIMIT:
        raise OverflowError("the name index is too large for its layout")
    return value


def _aligned(offset: int) -> int:
    return (offset + 7) // 8 * 8
