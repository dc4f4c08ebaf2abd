"""Signal detectors: extracted items -> analytic signals, each with the evidence it rests on.

``DETECTORS`` is the fixed order in which ``detect_signals`` runs them; each takes the document's
``Findings`` and returns its signals (at most one per key of its kind).
"""

from __future__ import annotations

from collections.abc import Callable

from tealeaves.model import Signal
from tealeaves.signals.commitments import detect_commitment_progress
from tealeaves.signals.context import Findings
from tealeaves.signals.domestic import detect_domestic_pressure
from tealeaves.signals.dual_track import detect_dual_track
from tealeaves.signals.red_lines import detect_red_lines
from tealeaves.signals.rounds import detect_round_resumed
from tealeaves.signals.sanctions import detect_sanctioned_travel
from tealeaves.signals.stance import detect_stance_shifts
from tealeaves.signals.summits import detect_summit_preparation

Detector = Callable[[Findings], tuple[Signal, ...]]

DETECTORS: tuple[Detector, ...] = (
    detect_dual_track,
    detect_sanctioned_travel,
    detect_stance_shifts,
    detect_commitment_progress,
    detect_round_resumed,
    detect_summit_preparation,
    detect_red_lines,
    detect_domestic_pressure,
)
"""Every signal detector, in the order of SCHEMA.md's "Signal kinds" table."""
