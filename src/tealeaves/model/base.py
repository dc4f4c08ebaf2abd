"""The base of every model and the unvalidated constructor machinery the ``of``/``at`` constructors
share: a frozen pydantic model built from values a caller has already checked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Base of every model: immutable, hashable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def with_fields(self, update: Mapping[str, Any]) -> Self:
        """``self.model_copy(update=update)``, as unvalidated as that and several times cheaper
        (ingest fills in a few fields of every article's meta, detectors merge evidence); raises
        KeyError for a name that is not a field.

        Example::

            meta.with_fields({"format": "frontmatter"}).format  # 'frontmatter'
        """
        values = self.__dict__
        for key in update:
            if key not in values:
                raise KeyError(f"{type(self).__name__} has no field {key!r}")
        return _built(type(self), {**values, **update}, self.__pydantic_fields_set__ | update.keys())


_F = TypeVar("_F", bound=Frozen)
_new = object.__new__


def _slot_setter(name: str) -> Callable[[object, object], None]:
    """The setter of one of BaseModel's instance slots, called directly: a frozen model refuses
    ``setattr``, and going through ``object.__setattr__`` looks the name up again on every call."""
    descriptor = BaseModel.__dict__.get(name)
    setter = getattr(descriptor, "__set__", None)
    if setter is None:  # a pydantic that keeps these elsewhere: the generic (slower) way
        return lambda item, value: object.__setattr__(item, name, value)
    return cast(Callable[[object, object], None], setter)


_set_dict = _slot_setter("__dict__")
_set_fields = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")


def _built(cls: type[_F], values: dict[str, Any], fields_set: set[str]) -> _F:
    """An instance of ``cls`` from ``values`` that the caller has already checked: every field, in
    field order, with its final type. What ``model_construct`` does, without its per-field lookups;
    only for the checked ``of``/``at`` constructors of the model modules, which run once per
    sentence or item of every document (``Span.of``, the hottest, repeats these lines inline to
    save the call).

    ``fields_set`` (the keys of ``values``) is one set shared by every instance a constructor
    builds: a frozen model never changes it (``model_copy`` copies it before an update), and
    sharing saves each instance a container the garbage collector would walk again and again.
    """
    item = _new(cls)
    _set_dict(item, values)
    _set_fields(item, fields_set)
    _set_extra(item, None)
    _set_private(item, None)
    return item


_SPAN_FIELDS = {"start", "end", "text"}
_EVIDENCE_FIELDS = {"sentence", "span"}
_SENTENCE_FIELDS = {"index", "span"}
_MENTION_FIELDS = {"kind", "actor_id", "name", "state", "via", "evidence"}
_DOCUMENT_FIELDS = {"doc_id", "meta", "text", "sentences"}
_DATE_FIELDS = {"value", "granularity", "relative", "evidence"}
_QUANTITY_FIELDS = {"value_base", "unit", "value", "unit_text", "commodity", "low_base", "high_base", "bound", "evidence"}
_EVENT_FIELDS = {"type", "source", "target", "modality", "date", "place", "cue", "evidence", "more_evidence"}
_CUE_FIELDS = {"family", "key", "evidence"}
_ANALYSIS_FIELDS = {
    "doc_id", "meta", "analyzer_version", "kb_version", "sentences", "mentions", "dates", "quantities", "events", "cues", "signals"
}  # fmt: skip
_BOUNDS = frozenset({"exact", "at_least", "at_most", "about"})
