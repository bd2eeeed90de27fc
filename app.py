"""Streamlit app: layout only (figures, filtering, loading and saving live in the package)."""

import streamlit as st

st.set_page_config(page_title="timeline", layout="wide")
st.title("timeline")
st.write("The interactive timeline is being built.")
