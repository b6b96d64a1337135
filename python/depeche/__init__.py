"""depeche: people, organisations, roles, places, dates and corporate events from French news.

A binding of libdepeche through ctypes. The C library does the work and releases the GIL while
it does (ctypes calls do), so extract_many runs on several cores with threads.
"""
import concurrent.futures
import ctypes
import ctypes.util
import itertools
import json
import os

__all__ = ["Engine", "DepecheError", "events_frame", "library_version"]


class DepecheError(Exception):
    """A failure the library reported: `code` (a DEPECHE_ERR_* value), `path` and `line` when
    it lies in a data file, `message`."""

    def __init__(self, code, message, path="", line=0):
        place = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(place + message)
        self.code, self.message, self.path, self.line = code, message, path, line


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("path", ctypes.c_char * 512), ("line", ctypes.c_ulong),
                ("offset", ctypes.c_ulong), ("message", ctypes.c_char * 512)]

    def exception(self):
        return DepecheError(self.code, self.message.decode("utf-8", "replace"),
                            self.path.decode("utf-8", "replace"), self.line)


class _Options(ctypes.Structure):
    _fields_ = [("no_defaults", ctypes.c_int),
                ("pattern_paths", ctypes.POINTER(ctypes.c_char_p)), ("n_pattern_paths", ctypes.c_size_t),
                ("gazetteer_paths", ctypes.POINTER(ctypes.c_char_p)), ("n_gazetteer_paths", ctypes.c_size_t)]


class _Input(ctypes.Structure):
    _fields_ = [("id", ctypes.c_char_p), ("source", ctypes.c_char_p), ("text", ctypes.c_char_p),
                ("length", ctypes.c_size_t), ("published", ctypes.c_char_p), ("title", ctypes.c_char_p),
                ("encoding", ctypes.c_char_p)]


def _load():
    path = os.environ.get("DEPECHE_LIBRARY") or ctypes.util.find_library("depeche") or "libdepeche.so.0"
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(f"depeche: cannot load the C library ({path}): {e}; set DEPECHE_LIBRARY "
                          "to the path of libdepeche.so.0") from None
    lib.depeche_version.restype = ctypes.c_char_p
    lib.depeche_engine_new.restype = ctypes.c_void_p
    lib.depeche_engine_new.argtypes = [ctypes.POINTER(_Options), ctypes.POINTER(_Error)]
    lib.depeche_engine_free.argtypes = [ctypes.c_void_p]
    lib.depeche_extract.restype = ctypes.c_void_p
    lib.depeche_extract.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Input), ctypes.POINTER(_Error)]
    lib.depeche_document_free.argtypes = [ctypes.c_void_p]
    lib.depeche_document_json.restype = ctypes.c_void_p
    lib.depeche_document_json.argtypes = [ctypes.c_void_p, ctypes.c_uint]
    lib.depeche_free.argtypes = [ctypes.c_void_p]
    return lib


_lib = _load()
_JSON_EXPLAIN = 1 << 1


def library_version():
    """The C library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.depeche_version().decode()


def _bytes(value):
    if value is None:
        return None
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def _paths(paths):
    encoded = [os.fsencode(p) for p in paths or []]
    return (ctypes.c_char_p * max(len(encoded), 1))(*encoded), len(encoded)


class Engine:
    """The knowledge depeche extracts with, loaded once and shared by threads.

    patterns, gazetteers: extra data files or directories, as the command line's --patterns
    and --gazetteer; defaults=False loads only them."""

    def __init__(self, patterns=None, gazetteers=None, defaults=True):
        pattern_paths, n_patterns = _paths(patterns)
        gazetteer_paths, n_gazetteers = _paths(gazetteers)
        options = _Options(0 if defaults else 1, pattern_paths, n_patterns, gazetteer_paths, n_gazetteers)
        err = _Error()
        self._engine = _lib.depeche_engine_new(ctypes.byref(options), ctypes.byref(err))
        if not self._engine:
            raise err.exception()

    def close(self):
        """Frees the engine now rather than when it is collected."""
        if getattr(self, "_engine", None):
            _lib.depeche_engine_free(self._engine)
            self._engine = None

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def extract(self, text, published=None, id=None, title=None, source=None, encoding=None,
                explain=False):
        """One article (str, or bytes in `encoding`, UTF-8 by default) -> its document as a
        dict. `published` is its publication date, "YYYY-MM-DD". Raises DepecheError when the
        text cannot be an article (binary data)."""
        if not self._engine:
            raise ValueError("depeche: the engine is closed")
        data = _bytes(text)
        fields = [_bytes(v) for v in (id, source, published, title, encoding)]
        article = _Input(fields[0], fields[1], data, len(data), fields[2], fields[3], fields[4])
        err = _Error()
        doc = _lib.depeche_extract(self._engine, ctypes.byref(article), ctypes.byref(err))
        if not doc:
            raise err.exception()
        try:
            text_json = _lib.depeche_document_json(doc, _JSON_EXPLAIN if explain else 0)
            if not text_json:
                raise MemoryError("depeche: out of memory")
            try:
                return json.loads(ctypes.string_at(text_json))
            finally:
                _lib.depeche_free(text_json)
        finally:
            _lib.depeche_document_free(doc)

    def _extract_item(self, item):
        if isinstance(item, dict):
            keys = ("published", "id", "title", "source", "encoding", "explain")
            args = {k: item[k] for k in keys if item.get(k) is not None}
            if "source" not in args and item.get("url"):
                args["source"] = item["url"]
            return self.extract(item["text"], **args)
        return self.extract(item)

    def extract_many(self, articles, threads=None):
        """Yields the document of each article of an iterable (str, bytes, or dicts with "text"
        and optionally "id", "published", "title", "source" or "url"), in input order, working
        on `threads` articles at once (default: the machine's cores). A failing article raises
        its DepecheError when its turn comes."""
        threads = threads or os.cpu_count() or 1
        if threads < 1:
            raise ValueError("depeche: threads must be at least 1")
        items = iter(articles)
        with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
            pending = [pool.submit(self._extract_item, a) for a in itertools.islice(items, 2 * threads)]
            while pending:
                done = pending.pop(0)
                for a in itertools.islice(items, 1):
                    pending.append(pool.submit(self._extract_item, a))
                yield done.result()


def events_frame(documents):
    """The events of documents (dicts as Engine.extract returns) as a pandas DataFrame, one row
    an event: article, type, summary, date, precision, modality, confidence, sentence, and a
    column per argument role holding the argument's name (partners joined by "; ")."""
    try:
        import pandas
    except ImportError:
        raise ImportError("depeche.events_frame needs pandas (apt-get install python3-pandas)") from None
    rows = []
    for doc in documents:
        for event in doc.get("events", []):
            row = {"article": doc.get("id"), "published": doc.get("published"), "type": event["type"],
                   "summary": event.get("summary"), "date": (event.get("date") or {}).get("value"),
                   "precision": (event.get("date") or {}).get("precision"),
                   "modality": event["modality"], "confidence": event["confidence"],
                   "sentence": event["evidence"]["sentence"]}
            for role, value in event["arguments"].items():
                values = value if isinstance(value, list) else [value]
                row[role] = "; ".join(v.get("name", "") for v in values)
            rows.append(row)
    return pandas.DataFrame(rows)
