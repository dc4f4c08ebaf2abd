"""tealeaves: evidence-linked structured readings of news about a bilateral relationship.

Example::

    from tealeaves import Settings, analyse, load_knowledge, read_input
    kb = load_knowledge()
    for doc in read_input(Path("article.txt"), kb, Settings()):
        print(analyse(doc, kb).events)
"""

from tealeaves.errors import ConfigError, GoldError, InputError, KnowledgeError, StoreError, TealeavesError
from tealeaves.evaluate.prediction import to_prediction
from tealeaves.ingest import expand_inputs, read_input
from tealeaves.knowledge import KnowledgeBase, load_knowledge
from tealeaves.model import (
    Analysis,
    Cue,
    DateRef,
    Document,
    DocumentMeta,
    Event,
    EventType,
    Evidence,
    Granularity,
    Mention,
    MentionKind,
    Modality,
    Quantity,
    Sentence,
    SignalKind,
    Span,
)
from tealeaves.pipeline import analyse
from tealeaves.settings import Settings
from tealeaves.text.document import build_document

__all__ = [
    "Analysis",
    "ConfigError",
    "Cue",
    "DateRef",
    "Document",
    "DocumentMeta",
    "Event",
    "EventType",
    "Evidence",
    "GoldError",
    "Granularity",
    "InputError",
    "KnowledgeBase",
    "KnowledgeError",
    "Mention",
    "MentionKind",
    "Modality",
    "Quantity",
    "Sentence",
    "Settings",
    "SignalKind",
    "Span",
    "StoreError",
    "TealeavesError",
    "analyse",
    "build_document",
    "expand_inputs",
    "load_knowledge",
    "read_input",
    "to_prediction",
]
