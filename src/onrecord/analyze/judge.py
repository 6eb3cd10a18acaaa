"""Optional judge: an OpenAI-compatible chat endpoint that re-scores flag candidates.

Off by default (``settings.judge_url`` empty). The rules decide *whether* a pair is a
candidate and *why*; the judge only re-scores it: the final score is the mean of the
rule score and the judge's. A judge failure never drops a flag -- the rule score stays
and the failure is counted.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any, Iterable, Mapping

from ..errors import ConfigError
from ..models import Flag

__all__ = ["Judge", "judge_prompt"]

_SYSTEM = (
    "You check news statements for inconsistencies. You are given a flag type, the reason a rule raised it, "
    "and two or more statements with speaker and date. Answer with JSON only: "
    '{"score": <0..1, how sure you are the statements really are inconsistent as described>, "reason": "<short>"}.'
)


def judge_prompt(flag: Flag, claims: Mapping[str, Any]) -> str:
    """The user message for one flag: type, rule explanation, and each statement's exact words."""
    lines = [f"Flag type: {flag.type}", f"Rule explanation: {flag.explanation}", "Statements:"]
    for n, ev in enumerate(flag.evidence, 1):
        c = claims.get(ev.statement_id)
        text = getattr(c, "text", None) or (ev.span.text if ev.span else "")
        lines.append(f"{n}. [{ev.said_on or 'undated'}] {ev.speaker or 'unknown speaker'} ({ev.outlet}): {text}")
    return "\n".join(lines)


class Judge:
    """Re-scores flags through ``POST {url}/chat/completions``."""

    def __init__(self, url: str, model: str, *, timeout: float = 30.0, transport: Any = None,
                 api_key: str = "") -> None:
        if not url:
            raise ConfigError("The judge needs a URL", hint="Set judge_url (ONRECORD_JUDGE_URL) or leave the judge off.")
        import httpx

        self.endpoint = url.rstrip("/") if url.rstrip("/").endswith("/chat/completions") else url.rstrip("/") + "/chat/completions"
        self.model = model
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.Client(timeout=timeout, transport=transport, headers=headers)
        self.errors = 0

    @classmethod
    def from_settings(cls, settings: Any, **kwargs: Any) -> "Judge":
        return cls(settings.judge_url, settings.judge_model, **kwargs)

    def score(self, flag: Flag, claims: Mapping[str, Any]) -> float | None:
        """The judge's score for one flag, or None when it could not be had."""
        import httpx

        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": judge_prompt(flag, claims)}],
        }
        try:
            resp = self.client.post(self.endpoint, json=body)
            resp.raise_for_status()
            content = resp.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError):
            self.errors += 1
            return None
        return _parse_score(content)

    def rescore(self, flag: Flag, claims: Mapping[str, Any]) -> Flag:
        got = self.score(flag, claims)
        if got is None:
            return flag
        return dataclasses.replace(flag, score=round((flag.score + got) / 2, 3), detector=flag.detector + "+judge")

    def rescore_all(self, flags: Iterable[Flag], claims: Mapping[str, Any]) -> list[Flag]:
        try:
            return [self.rescore(f, claims) for f in flags]
        finally:
            self.client.close()


def _parse_score(content: str) -> float | None:
    """A 0-1 score from the reply: a JSON object with "score", else the first number in the text."""
    match = re.search(r"\{.*\}", content, re.S)
    if match:
        try:
            value = float(json.loads(match.group(0)).get("score"))
            return max(0.0, min(1.0, value))
        except (ValueError, TypeError, AttributeError):
            pass
    num = re.search(r"\d+(?:\.\d+)?", content)
    if not num:
        return None
    value = float(num.group(0))
    return max(0.0, min(1.0, value / 100 if value > 1 else value))
