"""The calendar's words: weekdays, months and their abbreviations, the parts of a day.  The
time-of-saying rules read them (``extraction/context/dates.py``, ``when.py``), and so does the
rule that tells a name the model ran into a date (``extraction/speaker_classes.py``)."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
