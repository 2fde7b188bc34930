from seismic_wagtail.core.querystring import MAX_BIGINT, parse_int


def test_parse_int_reads_ascii_digits_only():
    assert parse_int("2015") == 2015
    assert parse_int(" 42 ") == 42
    assert parse_int("0") == 0
    for value in ["²", "²²²²", "٣", "٢٠١٥", "𝟙", "①", "-1", "+1", "1.5", "1e3", "0x10", "", " ", None, ["1"], "1 2"]:
        assert parse_int(value) is None, value


def test_parse_int_bounds_and_default():
    assert parse_int(str(MAX_BIGINT)) == MAX_BIGINT
    assert parse_int(str(MAX_BIGINT + 1)) is None
    assert parse_int("9" * 5000) is None  # longer than Python's int() digit limit: never parsed
    assert parse_int("999", min_value=1000, max_value=9999) is None
    assert parse_int("x", default=1) == 1
