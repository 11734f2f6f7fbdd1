"""The English side of the number check: the values an English text states (bilingual/check/english_numbers.py)."""

from decimal import Decimal

from bilingual.check.english_numbers import ALL_DAY, scales, shares, target_counts, target_values, word_numbers


def test_two_numbers_joined_by_and_are_two_numbers():
    # "three and four" is 3 and 4; "two hundred and five" is 205
    assert {3, 4} <= target_values("Season three and four are confirmed.")
    assert 7 not in target_values("Season three and four are confirmed.")
    assert 205 in target_values("It has two hundred and five rooms.")


def test_groups_count_their_number_and_the_product():
    assert {2, 20, 36} <= target_values("two decades and three dozen")


def test_a_group_after_an_article_is_its_number():
    # tune14:70 (round 13): 100多年 -> "more than a century"; "a" alone is still no numeral
    from bilingual.check.english_numbers import target_counts

    assert target_counts("for more than a century")[100] == 1
    assert target_counts("a decade ago")[10] == 1
    assert not target_counts("a man came")
    assert target_counts("in a century", loose=True)[1] == 1  # 1个世纪: the article is still a loose 1
    assert not target_counts("half a century")[100] and not target_counts("a quarter of a century")[100]


def test_scale_words_and_their_short_forms_multiply():
    values = target_values("It raised £32mn, then $5bn, then 10k more and 3.2 million again.")
    assert {Decimal(32_000_000), Decimal(5_000_000_000), Decimal(10_000), Decimal(3_200_000)} <= values
    assert scales()["mn"] == scales()["m"] == 10**6


def test_a_range_shares_its_scale_word():
    assert {Decimal(6_000_000), Decimal(7_000_000)} <= target_values("RUB6-7 million")
    assert Decimal(6_000_000) not in target_values("6 rooms, 7 million people")


def test_special_words_count_only_loosely():
    # "both" stands for 2 when the source writes 两 or 双, never for digits
    assert target_counts("Both sides agreed.", loose=True)[Decimal(2)] == 1
    assert Decimal(2) not in target_counts("Both sides agreed.")
    assert word_numbers(["a", "million"]) == [Decimal(1_000_000)]


def test_percentages_may_be_written_as_fractions():
    assert shares(Decimal("50.0")) == {("share", "half")}
    assert shares(Decimal("33.3")) == {("share", "third")}
    assert shares(Decimal(40)) == set()
    assert ("share", "two thirds") in target_values("two-thirds of voters")
    assert ("share", "quarter") not in target_values("in the third quarter")


def test_a_whole_day_in_words():
    for said in ("a round-the-clock hotline", "open around the clock", "staffed day and night", "always open"):
        assert ALL_DAY in target_values(said), said
    assert ALL_DAY not in target_values("open during the day")
