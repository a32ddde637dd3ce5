"""Edits written as Word tracked changes, for the review copy: the fix writer (`fix._write`)
asks this object, instead of removing or restyling runs itself, to record each change as
Word records a reviewer's — so that "Accept All" gives the fixed text and "Reject All" the
original.

- deleted text: its run moves into a `w:del` (its `w:t` becomes `w:delText`);
- inserted text: the new run goes into a `w:ins` (or into the `w:ins` beside it, when it
  continues an insertion of ours);
- a change of emphasis: the old run is deleted and a restyled copy inserted after it (a
  tracked formatting change would do too, but not every office suite rejects those);
- a new paragraph: the mark of the first half is marked inserted (`w:pPr/w:rPr/w:ins`);
  the first half keeps the paragraph's properties (its number), the second half has its
  own. (The second half's properties are not recorded as a `w:pPrChange`: LibreOffice then
  drops a deletion at the start of that paragraph, so that accepting gives another text.)

Changes made here that a later pass edits again are edited in place: deleting text that
resolint inserted removes it, restyling it restyles it. Every change carries the author and
the date; ids are unique in the document (`finish` renumbers them, as splitting a paragraph
copies the insertion around it).
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime, timezone

from .ooxml import DEL, ID, INS, PPR, RPR, R, T, w

AUTHOR, DATE = w("author"), w("date")
DEL_TEXT = w("delText")
MARK_FOLLOWERS = (w("sectPr"), w("pPrChange"))  # what comes after w:rPr in a w:pPr


class TrackedChanges:
    """Records the edits of one review as tracked changes by `author`, numbered from
    `first_id` (above every id the document uses)."""

    def __init__(self, author: str, first_id: int, date: datetime | None = None) -> None:
        self.author = author
        self.date = (date or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.first_id = first_id
        self._ids: set[str] = set()
        self._replaced: dict = {}  # a restyled run -> its inserted copy

    def delete(self, node) -> None:
        """Delete the characters of `node` (a `w:t`, `w:tab` ...), whose run holds nothing
        else that stays (the fix writer cuts runs at every edit's edges)."""
        run = node.getparent()
        if run is None:
            return
        holder = run.getparent()
        if self._ours(holder, INS):  # text resolint inserted: simply gone
            run.remove(node)
            if all(child.tag == RPR for child in run):
                holder.remove(run)
                if not len(holder):
                    holder.getparent().remove(holder)
            return
        if not self._ours(holder, DEL):
            wrapper = self._change(DEL, run)
            run.addprevious(wrapper)
            wrapper.append(run)
        if node.tag == T:
            node.tag = DEL_TEXT

    def inserted(self, run, beside):
        """What to put in the tree for the new `run` placed next to `beside` (a run, or
        None): the run itself inside an insertion of ours, else a new `w:ins` holding it."""
        if beside is not None and self._ours(beside.getparent(), INS):
            return run
        wrapper = self._change(INS, run)
        wrapper.append(run)
        return wrapper

    def restyle(self, run, set_look: Callable[[object], None]) -> None:
        """Change the emphasis of `run` (by `set_look`, once the run is in the tree)."""
        if self._ours(run.getparent(), INS):
            set_look(run)
            return
        restyled = copy.deepcopy(run)
        wrapper = self._change(INS, run)
        run.addnext(wrapper)
        wrapper.append(restyled)
        set_look(restyled)
        for child in list(run):
            if child.tag != RPR:
                self.delete(child)
        self._replaced[run] = restyled

    def current(self, run):
        """The run that now stands for `run` in the accepted text (its restyled copy)."""
        return self._replaced.get(run, run)

    def after(self, run):
        """What text inserted after `run` goes after: its restyled copy, if it has one, and
        the deletions that follow it (Word's order: the old text, then the new; and a
        paragraph split there leaves the deleted text in the first paragraph, where
        LibreOffice keeps it)."""
        element = self.current(run)
        while element is not None and self._ours(element.getnext(), DEL):
            element = element.getnext()
        return element

    def new_mark(self, paragraph) -> None:
        """Mark the paragraph mark of `paragraph` as inserted: it was split in two."""
        self._mark(paragraph, INS)

    def delete_paragraph(self, paragraph) -> None:
        """Delete `paragraph` whole, its text and its mark, as a fix removes a line."""
        for run in list(paragraph.iter(R)):
            if run.getparent().tag == DEL:  # deleted already, by someone else
                continue
            for node in [child for child in run if child.tag != RPR]:
                self.delete(node)
        self._mark(paragraph, DEL)

    def _mark(self, paragraph, tag: str) -> None:
        ppr = paragraph.find(PPR)
        if ppr is None:
            ppr = paragraph.makeelement(PPR, {})
            paragraph.insert(0, ppr)
        rpr = ppr.find(RPR)
        if rpr is None:
            rpr = ppr.makeelement(RPR, {})
            follower = next((child for child in ppr if child.tag in MARK_FOLLOWERS), None)
            if follower is None:
                ppr.append(rpr)
            else:
                follower.addprevious(rpr)
        if not any(self._ours(child, tag) for child in rpr):  # (split again: its mark is new already)
            rpr.insert(0, self._change(tag, paragraph))

    def finish(self, roots) -> int:
        """Give every change of ours in the XML `roots` its own id, and drop those left
        empty (a split paragraph's insertion, emptied by a later pass); returns how many."""
        number = self.first_id
        for root in roots:
            for element in list(root.iter(INS, DEL)):
                if element.get(ID) not in self._ids:
                    continue
                if element.getparent().tag != RPR and not len(element):
                    element.getparent().remove(element)
                else:
                    element.set(ID, str(number))
                    number += 1
        return number - self.first_id

    def _change(self, tag: str, near):
        element = near.makeelement(tag, {})
        identifier = str(self.first_id + len(self._ids))
        element.set(ID, identifier)
        element.set(AUTHOR, self.author)
        element.set(DATE, self.date)
        self._ids.add(identifier)
        return element

    def _ours(self, element, tag: str) -> bool:
        return element is not None and element.tag == tag and element.get(ID) in self._ids

