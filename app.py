"""Streamlit app: layout only. Loading, filtering, drawing, editing and exports live in `timeline`.

Run: `streamlit run app.py -- FILE` or `timeline app FILE` (TIMELINE_FILE=FILE also works).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import streamlit as st

from timeline import dashboard, dates, export, export_shown, figure, filters, ids, map_figure, redate, sequence_figure, storeview
from timeline.columnar import is_store_path
from timeline.models import MODALITIES
from timeline.query import Query
from timeline.taxonomy import event_types

st.set_page_config(page_title="timeline", layout="wide")  # no icon: a material icon is fetched from the network
TYPES = event_types()


def sidebar_file() -> str:
    default = dashboard.default_path(sys.argv, dict(os.environ), Path(__file__).parent)
    typed = st.sidebar.text_input("Timeline file", value=default, key="path",
                                  help="A timeline YAML file; edits on disk show on the next rerun.")
    path, refused = dashboard.allowed_file(typed, default)
    if refused:
        st.sidebar.error(dashboard.md_escape(refused))
    return path


def load_or_explain(path: str) -> dashboard.LoadResult | None:
    """The loaded file, or the error panel plus the last good version (read-only) when broken."""
    result = dashboard.load(path)
    if result.ok:
        return result
    with st.container(border=True):
        st.error(f"**{dashboard.md_escape(path)}** cannot be used as it is. Fix these problems and save the file:")
        st.code("\n".join(result.problems), language=None, wrap_lines=True)
    good = dashboard.last_good(path)  # also after the page was reloaded (a new session)
    if good is not None:
        st.warning("Showing the last good version of this file (read-only until the file is fixed).")
    return good


def _label(counts, names=None):
    names = names or {}
    return lambda v: f"{names.get(v, v)} ({counts.get(v, 0)})"


def sidebar_choices(label: str, pairs: list[tuple[str, int]], key: str, names: dict | None = None,
                    fold: bool = False) -> list[str]:
    """A multiselect of facet values with counts; with ``fold`` spellings differing in case are one
    choice (the most frequent shown) that picks them all. A pick no longer listed stays
    (``filters.keep_picked``). Returns every spelling picked."""
    listed = filters.fold_case(pairs) if fold else [filters.Choice(v, n, (v,)) for v, n in pairs]
    by_shown = filters.keep_picked(listed, st.session_state.get(key) or [])
    picked = st.sidebar.multiselect(label, list(by_shown), key=key, placeholder="all",
                                    format_func=lambda v: f"{(names or {}).get(v, v)} ({by_shown[v].count:,})")
    return [s for v in picked if v in by_shown for s in by_shown[v].spellings]


def filter_names(timeline) -> dict[str, dict[str, str]]:
    """What the filters show for a value: a type's label, an article's title."""
    return {"type": {k: t.label for k, t in TYPES.items()},
            "document": {d.id: d.title or d.id for d in timeline.documents}}


def sidebar_filters(table: filters.EventTable, timeline) -> filters.Filters:
    sb = st.sidebar
    sb.header("Filters")
    opts = filters.options(table)
    totals = filters.totals(table)
    names = filter_names(timeline)
    pick = {}
    for key, title in (("type", "Type"), ("actor", "Actor"), ("person", "Person"), ("place", "Place"),
                       ("document", "Document")):
        pairs = [(v, totals[key][v]) for v in opts[key]]
        pick[key] = sidebar_choices(title, pairs, f"f_{key}", names.get(key), fold=key in ("actor", "person", "place"))
    modalities = sb.multiselect("Modality", list(MODALITIES), key="f_modality", placeholder="all",
                                format_func=_label(totals["modality"]))
    if not sb.checkbox("Show hypothetical, future and negated events", value=True, key="f_unreal"):
        modalities = [m for m in (modalities or MODALITIES) if m == "asserted"]
    start = sb.date_input("From", value=None, key="f_start", min_value=dt.date(1, 1, 1))
    end = sb.date_input("To", value=None, key="f_end", min_value=dt.date(1, 1, 1))
    text = sb.text_input("Search", key="f_text", placeholder="words in title, quotes, actors, notes")
    return filters.Filters(
        types=frozenset(pick["type"]), actors=frozenset(pick["actor"]), people=frozenset(pick["person"]),
        documents=frozenset(pick["document"]), modalities=frozenset(modalities), start=start, end=end, text=text,
        places=frozenset(pick["place"]),
    )


COUNTED_TYPES = 8  # the counts line names this many types; the Type box lists them all with counts


def counts_line(table: filters.EventTable, mask) -> str:
    """'Showing 40 of 600 events · Attack 12, ... and 29 more types': one or two lines, not seven."""
    shown = filters.facets(table, mask)
    ranked = shown.counts["type"].most_common()
    types = ", ".join(f"{TYPES[t].label if t in TYPES else t} {n}" for t, n in ranked[:COUNTED_TYPES])
    if len(ranked) > COUNTED_TYPES:
        types += f" and {len(ranked) - COUNTED_TYPES} more types"
    return f"Showing **{shown.shown}** of {shown.total} events" + (f" · {dashboard.md_escape(types)}" if types else "")


def views(result: dashboard.LoadResult, table, mask) -> None:
    """Sequence, time axis or map of the same filtered events; a click on any selects the event."""
    view = st.segmented_control("View", list(dashboard.VIEWS), default=dashboard.default_view(len(table)),
                                required=True, key="view", bind="query-params",
                                format_func=dashboard.VIEWS.get, label_visibility="collapsed")
    if view == "sequence":
        sequence_view(result, table, mask)
    elif view == "map":
        map_view(result, table, mask)
    else:
        time_chart(result, table, mask)


def time_chart(result: dashboard.LoadResult, table, mask) -> None:
    c1, c2 = st.columns([3, 1])
    lanes = c1.segmented_control("Lanes", filters.LANE_KINDS, default="type", key="lanes",
                                 format_func=lambda v: {"type": "by type", "actor": "by first actor",
                                                        "document": "by document", "none": "one lane"}[v])
    arrows = c2.toggle("Before/after arrows", value=False, key="arrows")
    options = figure.FigureOptions(lanes=lanes or "type", relations=arrows, selected=st.session_state.get("selected"))
    fig = figure.build_figure(result.timeline, table, mask, options)
    st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="chart",
                    config={"displaylogo": False, "scrollZoom": True})
    undated_caption(table, mask)


def undated_caption(table: filters.EventTable, mask) -> None:
    """Events with no date are off the time axis: say how many, and where to find them."""
    count = int(figure.undated(table, mask).sum())
    if count:
        st.caption(f"{figure.undated_words(count)}: they are listed last in the Event box below.")


def sequence_view(result: dashboard.LoadResult, table, mask) -> None:
    shown = int(mask.sum())
    if shown > dashboard.SEQUENCE_LIMIT:
        st.info(f"{shown:,} events are shown: narrow the filters to {dashboard.SEQUENCE_LIMIT:,} or fewer to see "
                "their order (the time axis draws any number).")
        return
    order = dashboard.sequence_order(result)
    for conflict in order.conflicts:
        st.error(dashboard.md_escape(conflict.message))
    st.caption("Left to right: what must come first, from the stated relations (arrows) and the dates together. "
               "Events in one column are not ordered against each other. Drag sideways for more columns.")
    selected = st.session_state.get("selected")
    fig = sequence_figure.build_sequence_figure(result.timeline, order, table, mask, selected)
    st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="sequence_chart",
                    config={"displaylogo": False, "scrollZoom": False})
    st.html(sequence_figure.legend_html(table, mask))
    words = dashboard.around_words(order, selected)
    if words:
        st.caption(words)


def map_view(result: dashboard.LoadResult, table, mask) -> None:
    fig, counts = map_figure.build_map(result.timeline, table, mask, st.session_state.get("selected"))
    st.caption(map_figure.counts_words(counts) + " Filled: a city or site; hollow: only the country or region "
               "is known (drawn at its centre).")
    st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="map_chart",
                    config={"displaylogo": False, "scrollZoom": True, "topojsonURL": map_figure.TOPOJSON_URL})
    st.html(sequence_figure.swatches_html(table, mask))


CHARTS = ("chart", "sequence_chart", "map_chart")


def sync_selection(ids: set[str]) -> None:
    """One selected event, whichever way it was chosen: deep link, a click on any view, Event box, button."""
    ss = st.session_state
    if "selected" not in ss and st.query_params.get("event") in ids:
        ss["selected"] = st.query_params["event"]  # deep link: ?event=<id>
    for key in CHARTS:
        chart_state = ss.get(key) or {}
        clicked = dashboard.selected_id(chart_state.get("selection") if hasattr(chart_state, "get") else None)
        if clicked and clicked != ss.get(f"clicked_{key}"):
            ss[f"clicked_{key}"] = ss["selected"] = clicked
    pick = ss.get("pick")
    if pick is not None and pick != ss.get("picked"):
        ss["selected"] = pick
    if ss.get("selected") in ids:
        ss["pick"] = ss["picked"] = ss["selected"]


def select(event_id: str) -> None:
    st.session_state["selected"] = event_id


def details_panel(result: dashboard.LoadResult, table, mask) -> None:
    tl = result.timeline
    if not tl.events:
        st.info("This timeline has no events yet: add one in the Edit tab or extract them from articles.")
        return
    current = st.session_state.get("selected")
    titles = dict(zip(table.ids.tolist(), table.titles.tolist()))
    choices = dashboard.pick_options(table, mask, current)
    if st.session_state.get("pick") not in choices:
        st.session_state.pop("pick", None)
    st.selectbox("Event", choices, index=None, key="pick", format_func=lambda i: f"{titles[i]} ({i})",
                 placeholder="click an event on the chart", help="the shown events in time order (first 1,000), then the undated ones")
    ev = tl.event(current) if current in titles else None
    if ev is None:
        return
    if not mask[table.ids == ev.id].any():  # e.g. its type was just corrected away from the filter's
        st.caption("This event is not among the shown events: the filters in the sidebar leave it out, so the "
                   "views above do not draw it.")
    base = result.path.parent
    left, right = st.columns([2, 3])
    with left:
        st.subheader(dashboard.md_escape(ev.title), anchor=DETAILS_ANCHOR)
        st.html(dashboard.details_html(ev))
        for message in dashboard.warnings(result.path, ev.id) if result.digest else []:
            st.warning(dashboard.md_escape(message))
    with right:
        st.markdown("**Evidence**")
        shown = None
        for item in dashboard.evidence(tl, ev, base):
            if item.document != shown:  # one caption per document, not per quote
                st.caption(dashboard.md_escape(item.document))
                shown = item.document
            st.html(f"<div style='line-height:1.5'>{item.html}</div>")
            if not item.found:
                st.caption("(quote not found in the document text)" if item.readable
                           else "(article not readable: see the note above the chart)")
        rel = dashboard.related(tl, ev)
        if rel:
            st.markdown("**Related events**")
            for n, (kind, other, title) in enumerate(rel):
                st.button(f"{kind}: {title}", key=f"rel-{n}-{other}", on_click=select, args=(other,))


def selection_line(result: dashboard.LoadResult) -> None:
    """The selected event in one line above the views, its first quote and a link down to its
    details: at a few hundred events the sequence chart is thousands of pixels tall, and a click on
    it changed nothing the reader could see."""
    ev = result.timeline.event(st.session_state.get("selected") or "")
    if ev is None:
        return
    quote = f" · “{dashboard.md_escape(ev.sources[0].quote)}”" if ev.sources else ""
    st.markdown(f"**Selected:** {dashboard.md_escape(ev.title)} · {dashboard.md_escape(filters.describe_date(ev))}"
                f"{quote} · [evidence and details below ↓](#{DETAILS_ANCHOR})")


DETAILS_ANCHOR = "event-details"


def narrowing_panel(result: dashboard.LoadResult, seen_digest: str | None) -> None:
    """Inferred dates the solver can now narrow (after a date was set here or in the file): saved only on accept."""
    ss = st.session_state
    if result.digest is None or ss.get("narrow_dismissed") == result.digest:
        return
    if len(result.timeline.events) > dashboard.NARROW_AUTO_LIMIT and ss.get("narrow_asked") != result.digest:
        if st.button("Look for inferred dates to narrow", key="narrow_ask",
                     help="Runs the solver over the whole file (a few seconds for a very large one)."):
            ss["narrow_asked"] = result.digest
            st.rerun()
        return
    report = dashboard.pending_narrowings(result)
    if report is None or not (report.narrowings or report.stale):
        return
    with st.container(border=True, key="narrowing"):
        count = len(report.narrowings)
        if count:
            st.markdown(f"**The dates and relations in this file narrow {count} inferred date"
                        f"{'s' if count != 1 else ''}.** Nothing is saved until you accept; dates a person "
                        "wrote and curated events are never changed.")
            rows = {"accept": [True] * count, "event": [n.title for n in report.narrowings],
                    "now": [dates.words(n.old) for n in report.narrowings],
                    "narrowed to": [dates.words(n.new) for n in report.narrowings]}
            edited = st.data_editor(rows, hide_index=True, disabled=["event", "now", "narrowed to"], key="narrow_rows")
            chosen = {n.event_id for n, ok in zip(report.narrowings, edited["accept"]) if ok}
        for item in report.stale:
            st.warning(dashboard.md_escape(f"{item.title}: its inferred date ({item.old}) no longer fits the dates "
                                           f"and relations, which now say {item.new}. Edit it by hand."))
        buttons = st.container(horizontal=True)  # each as wide as its label: the count is never cut
        if count and buttons.button(f"Accept and save ({len(chosen)})", key="narrow_accept", type="primary",
                                 disabled=not chosen):
            outcome = dashboard.accept_narrowings(result, report, chosen, seen_digest or result.digest)
            ss["flash"] = (outcome.ok, f"narrowed {len(chosen)} date{'s' if len(chosen) != 1 else ''}"
                           if outcome.ok else outcome.message)
            st.rerun()
        if buttons.button("Not now", key="narrow_dismiss"):
            ss["narrow_dismissed"] = result.digest
            st.rerun()


def edit_tab(result: dashboard.LoadResult, seen_digest: str | None) -> None:
    if result.digest is None:
        st.info("Editing is off while the file has problems.")
        return
    tl = result.timeline
    current = tl.event(st.session_state.get("selected") or "")
    mode = st.radio("Edit", ["selected event", "new event"], horizontal=True, index=0 if current else 1)
    original = current if mode == "selected event" else None
    if mode == "selected event" and current is None:
        st.info("Select an event on the chart (or in the Event box) first.")
        return
    values = dashboard.event_to_form(original)
    tag = original.id if original else "new"  # widget keys per event: switching events resets the form
    with st.form(f"edit-{tag}"):
        a, b = st.columns(2)
        values["title"] = a.text_input("Title", values["title"], key=f"edit_title_{tag}")
        values["id"] = b.text_input("Id", values["id"] if original else "", key=f"edit_id_{tag}",
                                    help="lower-case words joined by hyphens; empty = made from the title")
        values["type"] = a.selectbox("Type", list(TYPES), index=list(TYPES).index(values["type"]),
                                     format_func=lambda t: TYPES[t].label, key=f"edit_type_{tag}")
        values["date"] = b.text_input("Date (EDTF)", values["date"], key=f"edit_date_{tag}",
                                      help="2023-09-19, 2023-09, 2023, 2023-09-11/2023-09-20, ../2024-01-31")
        values["date_inferred"] = b.checkbox("Date inferred (not stated in the text)", values["date_inferred"])
        values["modality"] = a.selectbox("Modality", list(MODALITIES), index=list(MODALITIES).index(values["modality"]))
        values["actors"] = a.text_input("Actors (comma-separated)", values["actors"], key=f"edit_actors_{tag}")
        values["targets"] = b.text_input("Targets (comma-separated)", values["targets"], key=f"edit_targets_{tag}",
                                         help="whom the event is done to")
        values["people"] = a.text_input("People (comma-separated)", values["people"])
        values["location"] = b.text_input("Location", values["location"])
        values["tags"] = b.text_input("Tags (comma-separated)", values["tags"])
        values["relations"] = st.text_area("Relations (one per line: before|after|overlaps|during <event-id>)",
                                           values["relations"])
        values["notes"] = st.text_area("Notes", values["notes"], key=f"edit_notes_{tag}")
        saved = st.form_submit_button("Save to file", type="primary")
    if original and st.button("Delete this event", key="delete"):
        new, dropped = dashboard.delete_event(tl, original.id, result.path.parent)
        _save(result, new, seen_digest, f"deleted {original.id}" + (f" and {dropped} relations to it" if dropped else ""))
    if saved:
        if not values["id"]:
            values["id"] = ids.slug(values["title"])
        try:
            event = dashboard.form_to_event(values, original)
            new = dashboard.replace_event(tl, original.id, event) if original else dashboard.add_event(tl, event)
        except dashboard.FormError as exc:
            st.error("Not saved:\n\n" + "\n".join(f"- {dashboard.md_escape(m)}" for m in exc.messages))
            return
        st.session_state["selected"] = event.id
        write, message = dashboard.save_message(original, event)
        if write is None:
            st.session_state["flash"] = (None, message)
            st.rerun()
        _save(result, new, seen_digest, message)


def _save(result: dashboard.LoadResult, timeline, seen_digest: str | None, what: str) -> None:
    outcome = dashboard.save(result.path, timeline, seen_digest or result.digest)
    st.session_state["flash"] = (outcome.ok, what if outcome.ok else outcome.message)
    st.rerun()


DATING_FORM_LIMIT = 40  # date boxes in one form: a page of them, not thousands for an archive's file


def publication_dates(result: dashboard.LoadResult, seen_digest: str | None) -> None:
    """Articles of the file without a publication date: set each one's and read them again (what
    a 'published:' line and `extract --into` do), so their relative dates resolve."""
    missing = redate.undated(result.timeline)
    if not missing or result.digest is None:
        return
    plural = len(missing) != 1
    label = f"{len(missing)} article{'s' if plural else ''} in this file {'have' if plural else 'has'} no publication date"
    with st.expander(label, expanded=False), st.form("publication-dates"):
        st.caption("Give the dates you know (an article's opening words, shown under its box, often carry a "
                   "dateline); the articles are read again with them. Curated events and deleted ones stay as they are.")
        if len(missing) > DATING_FORM_LIMIT:
            st.caption(f"The first {DATING_FORM_LIMIT} are listed; give theirs, and the next ones show. Or write a "
                       "'published:' line under each article in the file and run `timeline extract ... --into` on them.")
        days, cols = {}, st.columns(2)
        for n, doc in enumerate(missing[:DATING_FORM_LIMIT]):
            with cols[n % 2]:
                days[doc.id] = st.date_input(dashboard.md_escape(doc.title or doc.id), value=None, key=f"pub_{doc.id}",
                                             format="YYYY-MM-DD", min_value=dt.date(1, 1, 1))
                st.caption(dashboard.md_escape(redate.opening(doc, result.path.parent, dashboard.serving_root()) or ""))
        go = st.form_submit_button("Set these dates and read the articles again")
    chosen = {k: v for k, v in days.items() if v is not None}
    if go and not chosen:
        st.warning("No date was given: nothing was changed.")
    elif go:
        bar = st.progress(0.0, text="reading the articles again…")
        done = redate.redate(result.timeline, chosen, result.path.parent, dashboard.serving_root(),
                             lambda n, total: bar.progress(n / max(total, 1), text=f"article {n} of {total}"))
        for message in done.unread:
            st.error(dashboard.md_escape(message))
        if done.unread and done.timeline == result.timeline:
            return
        count = len(chosen) - len(done.unread)
        _save(result, done.timeline, seen_digest,
              f"publication date set for {count} article{'s' if count != 1 else ''}; {done.report.words(True)}")


def extract_tab(result: dashboard.LoadResult, seen_digest: str | None) -> None:
    publication_dates(result, seen_digest)
    files = st.file_uploader("Articles", type=["txt", "md", "markdown", "html", "htm", "jsonl", "ndjson"],
                             accept_multiple_files=True, key="uploads")
    pasted = st.text_area("…or paste an article", key="pasted", height=150)
    published = st.date_input("Publication date", value=None, key="published", format="YYYY-MM-DD", width=260,
                              help="The articles' date, which 'yesterday' and 'on Monday' count from. Leave empty "
                              "to use the date found in the article; a JSON line's own 'published' always wins.")
    if st.button("Extract events", key="extract"):
        docs, errors = dashboard.read_uploads([(f.name, f.getvalue()) for f in files or []], pasted, published)
        for message in errors:
            st.error(dashboard.md_escape(message))
        docs, dated = dashboard.dated_as_listed(docs, result)
        for doc in dated:
            st.info(dashboard.md_escape(f"{doc.title or doc.id}: read with the publication date {doc.published} "
                                        "that this file lists for the same article"))
        if docs:
            bar = st.progress(0.0, text="extracting…")
            proposed = dashboard.run_extraction(docs, lambda n, total: bar.progress(n / max(total, 1),
                                                                                      text=f"document {n} of {total}"))
            st.session_state["proposed"] = proposed
    proposed = st.session_state.get("proposed")
    if not proposed:
        return
    st.write(f"{len(proposed.events)} proposed events: untick the ones to leave out.")
    rows = {"accept": [True] * len(proposed.events), "id": [e.id for e in proposed.events],
            "date": [e.date or "" for e in proposed.events], "type": [e.type for e in proposed.events],
            "title": [e.title for e in proposed.events]}
    edited = st.data_editor(rows, hide_index=True, disabled=["id", "date", "type", "title"], key="review")
    accepted = {i for i, ok in zip(edited["id"], edited["accept"]) if ok}
    if result.digest and st.button(f"Merge {len(accepted)} accepted events into the file", key="merge"):
        try:
            merged, report = dashboard.merge_accepted(result.timeline, proposed, accepted, result.path.parent)
        except ValueError as exc:  # an uploaded article's id names another text in the file
            st.error(dashboard.md_escape(str(exc)))
            return
        st.session_state.pop("proposed", None)
        if merged == result.timeline:  # doing nothing is not a save: the file is not touched
            st.session_state["flash"] = (None, f"{result.path.name}: {report.words(False)}")
            st.rerun()
        _save(result, merged, seen_digest, f"merged: {report.words(True)}")


def export_tab(result: dashboard.LoadResult, mask, flt: filters.Filters) -> None:
    """Exports what the filters show (the whole file when nothing is filtered), and says which."""
    shown, total = int(mask.sum()), len(result.timeline.events)
    if not shown:
        st.info("No event is shown, so there is nothing to export: clear a filter in the sidebar.")
        return
    words = export_shown.describe(flt, filter_names(result.timeline))
    st.caption(export_shown.caption(shown, total, dashboard.md_escape(words)))
    chosen = export_shown.shown_timeline(result.timeline, mask, words)
    row = st.container(horizontal=True)  # buttons as wide as their names ('PLO…' in seven columns), wrapping
    for fmt, ext in export.FORMATS.items():
        row.download_button(fmt.upper() if fmt != "timelinejs" else "TimelineJS",
                            data=lambda fmt=fmt: export.export(chosen, fmt),
                            file_name=export_shown.file_name(result.path.stem, shown, total, ext),
                            mime=export.MIME[ext], key=f"dl-{fmt}")


def main() -> None:
    seen_digest = st.session_state.get("seen_digest")
    path = sidebar_file()
    if is_store_path(path):  # a columnar store: filters run in DuckDB (the section below)
        store_main(path)
        return
    result = load_or_explain(path)
    if result is None:
        return
    st.session_state["seen_digest"] = result.digest
    table = dashboard.table(path) if result.digest else filters.build_table(result.timeline)
    flash = st.session_state.pop("flash", None)
    if flash:
        show = st.info if flash[0] is None else st.success if flash[0] else st.error
        show(dashboard.md_escape(flash[1]))
    flt = sidebar_filters(table, result.timeline)
    mask = filters.apply(table, flt)
    st.markdown(f"### {dashboard.md_escape(result.timeline.title or result.path.name)}")
    st.caption(counts_line(table, mask))
    for note in result.notes:  # an article that cannot be read: said once, with the path looked for
        st.warning(dashboard.md_escape(note))
    undated = redate.summary(result.timeline) if result.digest else None
    if undated:
        st.caption(dashboard.md_escape(undated))
    sync_selection(set(table.ids.tolist()))
    narrowing_panel(result, seen_digest)
    view, edit, extract, exports = st.tabs(["Timeline", "Edit", "Extract", "Export"])
    with view:
        selection_line(result)
        views(result, table, mask)
        details_panel(result, table, mask)
    with edit:
        edit_tab(result, seen_digest)
    with extract:
        extract_tab(result, seen_digest)
    with exports:
        export_tab(result, mask, flt)


# --- a columnar store (``timeline app events.parquet``) --------------------------------------------
# Filters become one DuckDB query (``timeline.storeview``); the chart draws the first 2,000 events of
# the result (the count is shown when it is capped); evidence is read when an event is opened;
# chosen events are promoted into a curated ``events.yaml`` through the usual merge.

STORE_PUBLICATION_LINES = 30


def store_sidebar_query(path: str) -> Query:
    st.sidebar.header("Filters")
    facets = storeview.facets(path)
    types = sidebar_choices("Type", facets["type"], "s_type", {k: t.label for k, t in TYPES.items()})
    actors = sidebar_choices("Actor", facets["actor"], "s_actor", fold=True)
    places = sidebar_choices("Place", facets["place"], "s_place", fold=True)
    start = st.sidebar.date_input("From", value=None, key="s_start", min_value=dt.date(1, 1, 1))
    end = st.sidebar.date_input("To", value=None, key="s_end", min_value=dt.date(1, 1, 1))
    text = st.sidebar.text_input("Search", key="s_text", placeholder="words in title, quotes, actors, notes")
    return Query(types=frozenset(types), actors=frozenset(actors), places=frozenset(places), start=start, end=end,
                 text=text)


def store_caption(page: storeview.Page) -> str:
    line = f"**{page.matched:,}** of {page.total:,} events match"
    if page.capped:
        line += f" · the chart shows the first {len(page.timeline.events):,} in time order: narrow the filters to see the rest"
    return line


def store_chart(page: storeview.Page) -> None:
    few = len(page.timeline.documents) <= STORE_PUBLICATION_LINES  # a line per article only while they stay readable
    options = figure.FigureOptions(lanes="type", selected=st.session_state.get("s_selected"), publications=few)
    st.plotly_chart(figure.build_figure(page.timeline, page.table, page.mask, options), on_select="rerun",
                    selection_mode="points", key="s_chart", config={"displaylogo": False, "scrollZoom": True})
    undated_caption(page.table, page.mask)
    clicked = dashboard.selected_id((st.session_state.get("s_chart") or {}).get("selection"))
    if clicked:
        st.session_state["s_selected"] = clicked


def store_details(path: str, page: storeview.Page) -> None:
    titles = dict(zip(page.table.ids.tolist(), page.table.titles.tolist()))
    choices = dashboard.pick_options(page.table, page.mask, st.session_state.get("s_selected"))
    picked = st.selectbox("Event", choices, index=None, key="s_pick", format_func=lambda i: f"{titles.get(i, i)} ({i})",
                          placeholder="click an event on the chart")
    current = picked or st.session_state.get("s_selected")
    event = page.timeline.event(current) if current else None
    if event is None:
        return
    left, right = st.columns([2, 3])
    left.subheader(dashboard.md_escape(event.title))
    left.html(dashboard.details_html(event))
    with right:
        st.markdown("**Evidence**")
        for item in dashboard.evidence(storeview.with_texts(path, event), event, Path(path).parent):
            st.caption(dashboard.md_escape(item.document))
            st.html(f"<div style='line-height:1.5'>{item.html}</div>")


def store_promote(path: str, page: storeview.Page) -> None:
    st.markdown("**Promote into a curated timeline**")
    ids = st.multiselect("Events to promote", page.table.ids.tolist()[:1000], key="s_promote",
                         format_func=lambda i: f"{page.timeline.event(i).title} ({i})")
    default = str(Path(path).parent / "events.yaml")
    typed = st.text_input("Curated file", value=default, key="s_target",
                          help="merged through the usual merge: curated events and rejected ids are never touched")
    target, refused = dashboard.allowed_file(typed, default)  # serving other machines: only inside the root
    if refused:
        st.error(dashboard.md_escape(refused))
    elif st.button(f"Promote {len(ids)} events", key="s_do_promote", disabled=not ids):
        ok, message = storeview.promote(path, ids, target)
        {True: st.success, False: st.error, None: st.info}[ok](dashboard.md_escape(message))


def store_main(path: str) -> None:
    flt = store_sidebar_query(path)
    page = storeview.page(path, flt)
    st.markdown(f"### {dashboard.md_escape(Path(path).name)}")
    st.caption(store_caption(page))
    view, curate = st.tabs(["Timeline", "Promote"])
    with view:
        store_chart(page)
        store_details(path, page)
    with curate:
        store_promote(path, page)


main()
