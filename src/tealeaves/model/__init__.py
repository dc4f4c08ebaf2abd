"""The data model: frozen pydantic models that every stage reads and returns.

A ``Span`` is a half-open ``[start, end)`` range of code-point offsets into ``Document.text`` (the
body as published, decoded and NFC-normalised); ``doc.text[span.start:span.end] == span.text``
always holds. Every extracted item carries an ``Evidence`` (sentence index and span), so nothing
the system states lacks the sentence behind it.

The models live in one module per family (base, enums, text, items, signals, analysis); this
package re-exports them all, so ``from tealeaves.model import Event`` is the way to name one.
"""

from tealeaves.model.analysis import Analysis
from tealeaves.model.base import (
    Frozen,
)
from tealeaves.model.enums import (
    EventType,
    Granularity,
    MentionKind,
    Modality,
    SignalKind,
)
from tealeaves.model.items import (
    Cue,
    DateRef,
    Event,
    Mention,
    Quantity,
)
from tealeaves.model.signals import (
    CommitmentProgress,
    DomesticPressure,
    DualTrack,
    RedLine,
    RoundResumed,
    SanctionedOfficialTravel,
    Signal,
    StanceShift,
    SummitPreparation,
)
from tealeaves.model.text import (
    Document,
    DocumentMeta,
    Evidence,
    Sentence,
    Span,
)

__all__ = [
    "Analysis",
    "CommitmentProgress",
    "Cue",
    "DateRef",
    "Document",
    "DocumentMeta",
    "DomesticPressure",
    "DualTrack",
    "Event",
    "EventType",
    "Evidence",
    "Frozen",
    "Granularity",
    "Mention",
    "MentionKind",
    "Modality",
    "Quantity",
    "RedLine",
    "RoundResumed",
    "SanctionedOfficialTravel",
    "Sentence",
    "Signal",
    "SignalKind",
    "Span",
    "StanceShift",
    "SummitPreparation",
]
