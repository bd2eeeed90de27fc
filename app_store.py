"""Streamlit layout for a columnar store (``timeline app events.parquet``): layout only.

Filters become one DuckDB query (``timeline.storeview``); the chart draws the first 2,000 events of the
result (the count is shown when it is capped); evidence is read when an event is opened; chosen
events are promoted into a curated ``events.yaml`` through the usual merge.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from timeline import dashboard, figure, storeview
from timeline.query import Query
from timeline.taxonomy import event_types

TYPES = event_types()
PUBLICATION_LINES = 30


def _choices(label: str, pairs: list[tuple[str, int]], key: str, names: dict | None = None) -> list[str]:
    counts = dict(pairs)
    return st.sidebar.multiselect(label, list(counts), key=key, placeholder="all",
                                  format_func=lambda v: f"{(names or {}).get(v, v)} ({counts[v]:,})")


def sidebar_query(path: str) -> Query:
    st.sidebar.header("Filters")
    facets = storeview.facets(path)
    types = _choices("Type", facets["type"], "s_type", {k: t.label for k, t in TYPES.items()})
    actors = _choices("Actor", facets["actor"], "s_actor")
    places = _choices("Place", facets["place"], "s_place")
    start = st.sidebar.date_input("From", value=None, key="s_start", min_value=dt.date(1, 1, 1))
    end = st.sidebar.date_input("To", value=None, key="s_end", min_value=dt.date(1, 1, 1))
    text = st.sidebar.text_input("Search", key="s_text", placeholder="words in title, quotes, actors, notes")
    return Query(types=frozenset(types), actors=frozenset(actors), places=frozenset(places), start=start, end=end,
                 text=text)


def caption(page: storeview.Page) -> str:
    line = f"**{page.matched:,}** of {page.total:,} events match"
    if page.capped:
        line += f" · the chart shows the first {len(page.timeline.events):,} in time order: narrow the filters to see the rest"
    return line


def chart(page: storeview.Page) -> None:
    few = len(page.timeline.documents) <= PUBLICATION_LINES  # a line per article only while they stay readable
    options = figure.FigureOptions(lanes="type", selected=st.session_state.get("s_selected"), publications=few)
    st.plotly_chart(figure.build_figure(page.timeline, page.table, page.mask, options), on_select="rerun",
                    selection_mode="points", key="s_chart", config={"displaylogo": False, "scrollZoom": True})
    clicked = dashboard.selected_id((st.session_state.get("s_chart") or {}).get("selection"))
    if clicked:
        st.session_state["s_selected"] = clicked


def details(path: str, page: storeview.Page) -> None:
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


def promote(path: str, page: storeview.Page) -> None:
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
        (st.success if ok else st.error)(dashboard.md_escape(message))


def main(path: str) -> None:
    flt = sidebar_query(path)
    page = storeview.page(path, flt)
    st.markdown(f"### {dashboard.md_escape(Path(path).name)}")
    st.caption(caption(page))
    view, curate = st.tabs(["Timeline", "Promote"])
    with view:
        chart(page)
        details(path, page)
    with curate:
        promote(path, page)
