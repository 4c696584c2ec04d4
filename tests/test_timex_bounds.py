"""A resolved time expression is never an interval that ends before it starts."""

import datetime as dt

from sahel_events.extract.timex import find_timexes


def test_since_a_point_after_the_publication_date_stays_unresolved():
    # Synthetic sentence: "since late 2023" in an article published in January 2023.
    text = "The group has operated in the region since late 2023."
    (t,) = find_timexes(text, dt.date(2023, 1, 5))
    assert text[t.start:t.end] == t.text
    assert (t.date_start, t.date_end) == (None, None)


def test_since_a_past_point_runs_to_the_publication_date():
    text = "The group has operated in the region since late 2021."
    (t,) = find_timexes(text, dt.date(2023, 10, 13))
    assert (str(t.date_start), str(t.date_end)) == ("2021-09-01", "2023-10-13")
