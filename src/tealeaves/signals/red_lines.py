"""red_line: a core-interest issue a side says it will not concede.

Rule: a red-line cue (核心利益, 红线, 底线, 绝不让步, 主权、安全和发展利益, "red line") and an issue
cue (台湾, 科技限制/出口管制, 香港, 新疆, 西藏, 南海, 领土完整, 发展权利, 农业) in the same sentence;
when the cue's sentence names no issue, the issues of the sentence right after it (核心利益 …。比如
台湾问题 …), or, for a cue that points back (这是…的底线, "that is a red line"), of the sentence right
before it. An issue named only before the cue, or far from it, is not what the side declared (a commentary may list sensitive
topics without calling them red lines). Issue words inside the cue (事关中国主权和领土完整) count only
when the sentence names no other issue: 台湾问题事关中国主权和领土完整 declares Taiwan. The actor is the first side named in the sentence, the
speaker or subject (中方的四条红线, 美方的底线 …).
"""

from __future__ import annotations

from tealeaves.model import Cue, Evidence, RedLine, Signal
from tealeaves.signals.context import Findings, evidence_of, merge_by, stated


def detect_red_lines(found: Findings) -> tuple[Signal, ...]:
    """One signal per issue declared a red line; an empty tuple when no cue has an issue beside it."""
    signals: list[RedLine] = []
    for core in found.cues_of("red_line"):
        s = core.evidence.sentence
        after = s + 1 if core.key == "core" else s - 1
        issues = found.cues_in("issue", [s]) or found.cues_in("issue", found.window(after, 0, 0))
        # words inside the cue itself (事关主权和领土完整) say why the issue named beside it is a red
        # line; they are that sentence's issue only when it names no other
        named = tuple(i for i in issues if not _overlap(i.evidence, core.evidence))
        issues = named or issues
        actor = _side(found, s, issues)
        for issue in issues:
            signals.append(RedLine.of(issue.key, actor, evidence_of(issue, core)))
    return merge_by(signals, lambda r: r.issue)


def _side(found: Findings, sentence: int, issues: tuple[Cue, ...]) -> str | None:
    """The first side named in the sentence (the speaker or subject: 中方更在意的是美国在核心利益
    问题上的态度 -> CHN), leaving out a name that is itself the issue (Taiwan as a place)."""
    for m in stated(found, sentence):
        if not any(_overlap(m.evidence, i.evidence) for i in issues):
            return m.state
    return None


def _overlap(a: Evidence, b: Evidence) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end
